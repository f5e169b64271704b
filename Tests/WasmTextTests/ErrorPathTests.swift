import Testing

@testable import WasmText

/// Malformed text is reported with the reference interpreter's wording (the texts the spec suite's
/// `assert_malformed` commands expect) and the line and column of the offending token.
@Suite("Error paths")
struct ErrorPathTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var message: String
        var line: Int
        var column: Int
        var testDescription: String { message }
    }

    private func failure(of text: String) -> TextFormatError? {
        do {
            _ = try WAT.encode(text)
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: [
        // Unbalanced parentheses.
        Case(
            text: "(module\n  (func (result i32)\n    i32.const 1)", message: "unexpected end of input", line: 3,
            column: 17),
        Case(text: "(module (func))\n)", message: "unexpected token )", line: 2, column: 1),
        Case(text: "(module (func (i32.const 1) (drop))", message: "unexpected end of input", line: 1, column: 36),
        // Unknown instructions.
        Case(
            text: "(module\n  (func\n    i32.add\n    i32.frobnicate))", message: "unknown operator i32.frobnicate",
            line: 4, column: 5),
        Case(text: "(module (func (get_local 0)))", message: "unknown operator get_local", line: 1, column: 16),
        Case(text: "(module (func i32.wrap/i64))", message: "unknown operator i32.wrap/i64", line: 1, column: 15),
        // Bad numbers.
        Case(
            text: "(module (func (i32.const 4294967296) drop))", message: "constant out of range", line: 1, column: 26),
        Case(text: "(module (func (i32.const 1__0) drop))", message: "unknown operator 1__0", line: 1, column: 26),
        Case(text: "(module (func (f64.const 1e400) drop))", message: "constant out of range", line: 1, column: 26),
        Case(
            text: "(module (memory 1) (func (drop (i32.load align=3 (i32.const 0)))))",
            message: "alignment must be a power of two", line: 1, column: 42),
        // Unknown labels and identifiers.
        Case(text: "(module (func (block $a (br $b))))", message: "unknown label $b", line: 1, column: 29),
        Case(text: "(module (func (call $nope)))", message: "unknown function $nope", line: 1, column: 21),
        Case(text: "(module (func (local.get $x) drop))", message: "unknown local $x", line: 1, column: 26),
        Case(text: "(module (func (type $t)))", message: "unknown type $t", line: 1, column: 21),
        // Columns count characters, not bytes; `$"..."` names may be any string.
        Case(
            text: ";; héllo wörld\n(module (func (call $\"ü\")))", message: "unknown function $ü", line: 2, column: 21),
        Case(text: "(module\n  (func (call $ü)))", message: "empty identifier", line: 2, column: 15),
        // Duplicate identifiers.
        Case(text: "(module (func $f) (func $f))", message: "duplicate function $f", line: 1, column: 25),
        Case(text: "(module (func (param $x i32) (local $x i32)))", message: "duplicate local $x", line: 1, column: 37),
        Case(
            text: "(module (global $g i32 (i32.const 0))\n(global $g i32 (i32.const 0)))",
            message: "duplicate global $g", line: 2, column: 9),
        // Labels, ordering and type uses.
        Case(text: "(module (func block $a end $b))", message: "mismatching label", line: 1, column: 28),
        Case(
            text: "(module (func) (import \"a\" \"b\" (func)))", message: "import after function definition", line: 1,
            column: 16),
        Case(
            text: "(module (type $t (func (param i32))) (func (type $t) (param i64)))",
            message: "inline function type does not match explicit type", line: 1, column: 50),
        // Lexical errors.
        Case(text: "(module (func) (export \"f))", message: "unclosed string literal", line: 1, column: 24),
        Case(text: "(module (; never closed", message: "unclosed comment", line: 1, column: 9),
        Case(text: "(module (func (export \"\\ff\")))", message: "malformed UTF-8 encoding", line: 1, column: 23),
        // Annotations of the spec's appendix where they may not stand (custom/*.wast).
        Case(
            text: "(module (func (nop (@custom \"x\"))))", message: "misplaced @custom annotation", line: 1, column: 20),
        Case(
            text: "(module (@custom \"x\" (after)))", message: "@custom annotation: malformed section kind", line: 1,
            column: 28),
        Case(
            text: "(module (@name \"a\") (@name \"b\"))", message: "@name annotation: multiple module", line: 1,
            column: 21),
        Case(text: "(module (func) (@name \"m\"))", message: "misplaced @name annotation", line: 1, column: 16),
        Case(
            text: "(module (@metadata.code.branch_hint \"\\01\") (func))",
            message: "@metadata.code.branch_hint annotation: not in a function", line: 1, column: 9),
    ])
    func reportsMessageAndPosition(_ example: Case) throws {
        let error = try #require(failure(of: example.text))
        #expect(error.message == example.message)
        #expect(error.line == example.line)
        #expect(error.column == example.column)
        #expect(error.description == "\(example.line):\(example.column): \(example.message)")
    }

    @Test func deepNestingIsParsedWithoutRecursion() throws {
        let depth = 100_000
        let blocks = String(repeating: "(block ", count: depth) + String(repeating: ")", count: depth)
        let bytes = try WAT.encode("(module (func \(blocks)))")
        // Each block is `block 0x40 ... end`: three bytes.
        #expect(bytes.count > 3 * depth)
        let flat = String(repeating: "block ", count: depth) + String(repeating: "end ", count: depth)
        #expect(try WAT.encode("(module (func \(flat)))") == bytes)
    }

    @Test func deepUnbalancedNestingFailsCleanly() {
        let text = "(module (func " + String(repeating: "(i32.add ", count: 100_000)
        #expect(failure(of: text)?.message == "unexpected end of input")
    }

    @Test func deepScriptNestingIsBounded() {
        let text = "(assert_return (invoke \"f\") " + String(repeating: "(either ", count: 10_000)
        #expect(throws: TextFormatError.self) { try WastScript(parsing: text) }
    }
}
