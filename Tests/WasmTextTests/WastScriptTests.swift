import Testing

@testable import WasmText

/// WAST commands as the spec interpreter's script grammar defines them.
@Suite("WAST scripts")
struct WastScriptTests {
    @Test func moduleForms() throws {
        let script = try WastScript(
            parsing: #"""
                (module $A (func (export "f")))
                (module binary "\00asm" "\01\00\00\00")
                (module quote "(func" " (export \"g\"))")
                (module definition $D (memory 1))
                (module instance $I $D)
                (register "a" $A)
                """#)
        #expect(script.commands.count == 6)
        guard case .module(let text) = script.commands[0].kind else { Issue.record("not a module"); return }
        #expect(text.name == "$A")
        #expect(text.form == .text)
        #expect(!text.isDefinition)
        guard case .module(let binary) = script.commands[1].kind else { Issue.record("not a module"); return }
        #expect(binary.form == .binary)
        #expect(try binary.encoding.get() == [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        guard case .module(let quote) = script.commands[2].kind else { Issue.record("not a module"); return }
        #expect(quote.form == .quote)
        // The strings are concatenated as they are: "(func (export \"g\"))".
        #expect(try quote.encoding.get() == WAT.encode(#"(module (func (export "g")))"#))
        guard case .module(let definition) = script.commands[3].kind else { Issue.record("not a module"); return }
        #expect(definition.isDefinition)
        #expect(definition.name == "$D")
        guard case .instance(let instance, let module) = script.commands[4].kind else {
            Issue.record("not an instance"); return
        }
        #expect(instance == "$I")
        #expect(module == "$D")
        guard case .register(let name, let registered) = script.commands[5].kind else {
            Issue.record("not register"); return
        }
        #expect(name == "a")
        #expect(registered == "$A")
        #expect(script.commands.map(\.line) == [1, 2, 3, 4, 5, 6])
    }

    @Test func malformedTextStaysWithItsModule() throws {
        let script = try WastScript(
            parsing: #"""
                (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
                (module (func i32.frobnicate))
                (assert_return (invoke "f"))
                """#)
        #expect(script.commands.count == 3)
        guard case .assertMalformed(let quoted, let message) = script.commands[0].kind else {
            Issue.record("not assert_malformed"); return
        }
        #expect(message == "unknown operator")
        #expect(throws: TextFormatError.self) { try quoted.encoding.get() }
        guard case .module(let broken) = script.commands[1].kind else { Issue.record("not a module"); return }
        guard case .failure(let error) = broken.encoding else { Issue.record("parsed"); return }
        #expect(error.description == "2:15: unknown operator i32.frobnicate")
    }

    @Test func actionsAndValues() throws {
        let script = try WastScript(
            parsing: #"""
                (invoke $M "f" (i32.const -1) (i64.const 0x8000_0000_0000_0000) (f32.const -0.0) (f64.const nan:0x4))
                (get "g")
                (assert_return (invoke "v" (v128.const i16x8 1 2 3 4 5 6 7 -1)) (v128.const i32x4 1 2 3 4))
                (assert_return (invoke "r" (ref.null func) (ref.extern 7) (ref.host 3)) (ref.null extern) (ref.extern 7))
                """#)
        guard case .action(.invoke(let instance, let field, let arguments)) = script.commands[0].kind else {
            Issue.record("not invoke")
            return
        }
        #expect(instance == "$M")
        #expect(field == "f")
        #expect(
            arguments == [
                .i32(0xFFFF_FFFF), .i64(0x8000_0000_0000_0000), .f32(0x8000_0000), .f64(0x7FF0_0000_0000_0004),
            ])
        guard case .action(.get(nil, "g")) = script.commands[1].kind else { Issue.record("not get"); return }
        guard case .assertReturn(.invoke(_, _, let vector), let results) = script.commands[2].kind else {
            Issue.record("not assert_return")
            return
        }
        // Lane 0 first, little-endian.
        #expect(vector == [.v128([1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0xFF, 0xFF])])
        #expect(results == [.value(.v128([1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0]))])
        guard case .assertReturn(.invoke(_, _, let references), let referenceResults) = script.commands[3].kind else {
            Issue.record("not assert_return")
            return
        }
        #expect(references == [.refNull(.abstract("func")), .refExtern(7), .refHost(3)])
        #expect(referenceResults == [.value(.refNull(.abstract("extern"))), .value(.refExtern(7))])
    }

    @Test func resultPatterns() throws {
        let script = try WastScript(
            parsing: #"""
                (assert_return (invoke "n") (f32.const nan:canonical) (f64.const nan:arithmetic))
                (assert_return (invoke "l") (v128.const f32x4 nan:canonical 1.0 -inf nan:arithmetic))
                (assert_return (invoke "k") (ref.null) (ref) (ref.func) (ref.extern) (ref.struct) (ref.array) (ref.i31) (ref.eq))
                (assert_return (invoke "e") (either (i32.const 1) (i32.const 2)))
                """#)
        let results = script.commands.compactMap { command -> [WastResult]? in
            if case .assertReturn(_, let results) = command.kind { return results }
            return nil
        }
        #expect(results[0] == [.f32NaN(.canonical), .f64NaN(.arithmetic)])
        #expect(
            results[1] == [
                .v128(.f32x4, [.nan(.canonical), .bits(0x3F80_0000), .bits(0xFF80_0000), .nan(.arithmetic)])
            ])
        #expect(
            results[2] == [.anyNull, .anyReference]
                + ["func", "extern", "struct", "array", "i31", "eq"].map { .referenceOfKind($0) })
        #expect(results[3] == [.either([.value(.i32(1)), .value(.i32(2))])])
    }

    @Test func assertions() throws {
        let script = try WastScript(
            parsing: #"""
                (assert_trap (invoke "t") "unreachable")
                (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
                (assert_exhaustion (invoke "x") "call stack exhausted")
                (assert_exception (invoke "throw"))
                (assert_invalid (module (func (result i32))) "type mismatch")
                (assert_unlinkable (module (import "m" "f" (func))) "unknown import")
                (thread $T (shared (module $M)) (invoke $M "run"))
                (wait $T)
                """#)
        let kinds = script.commands.map { command -> String in
            switch command.kind {
            case .assertTrap(_, let message): "trap \(message)"
            case .assertUninstantiable(_, let message): "uninstantiable \(message)"
            case .assertExhaustion(_, let message): "exhaustion \(message)"
            case .assertException: "exception"
            case .assertInvalid(_, let message): "invalid \(message)"
            case .assertUnlinkable(_, let message): "unlinkable \(message)"
            case .thread(let name, let shared, let commands): "thread \(name) \(shared) \(commands.count)"
            case .wait(let name): "wait \(name)"
            default: "other"
            }
        }
        #expect(
            kinds == [
                "trap unreachable", "uninstantiable unreachable", "exhaustion call stack exhausted", "exception",
                "invalid type mismatch", "unlinkable unknown import", "thread $T [\"$M\"] 1", "wait $T",
            ])
    }

    @Test func bareModuleIsAScript() throws {
        let script = try WastScript(parsing: "(func (export \"f\") (result i32) (i32.const 1))")
        #expect(script.commands.count == 1)
        guard case .module(let module) = script.commands[0].kind else { Issue.record("not a module"); return }
        #expect(try module.encoding.get() == WAT.encode("(module (func (export \"f\") (result i32) (i32.const 1)))"))
    }
}
