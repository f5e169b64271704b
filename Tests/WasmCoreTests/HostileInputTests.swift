import Testing
import WasmCore

/// Inputs no module should be: every truncation of valid modules, seeded random mutations, and
/// very deep nesting. None may crash, hang or exhaust the native stack; all must fail cleanly
/// with typed errors (or, for mutations that happen to stay valid, succeed).
@Suite struct HostileInputTests {
    /// The offsets where a top-level section ends: cutting a module there leaves a well-formed
    /// (shorter) module, so those prefixes may decode.
    private func sectionBoundaries(_ bytes: [UInt8]) throws -> Set<Int> {
        var boundaries: Set<Int> = [8]
        var reader = ByteReader(bytes: bytes, offset: 8)
        while !reader.isAtEnd {
            _ = try reader.readByte()
            let size = Int(try reader.readU32())
            try reader.skip(size)
            boundaries.insert(reader.offset)
        }
        return boundaries
    }

    /// Decodes and validates; returns the error, if any, after checking it is one of ours.
    @discardableResult
    private func check(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> (any Error)? {
        do {
            let module = try Module(bytes: bytes)
            try module.validate()
            _ = try? Disassembler(module: module).disassembleAll()
            return nil
        } catch let error as DecodingError {
            #expect(
                error.offset >= 0 && error.offset <= bytes.count, "offset \(error.offset) outside the input",
                sourceLocation: sourceLocation)
            return error
        } catch let error as ValidationError {
            return error
        } catch {
            Issue.record("untyped error \(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    static let fixtures = ["translator", "host_calls", "traps", "long_loop", "memory_grow", "recursion"]

    @Test(arguments: fixtures)
    func everyTruncationFails(name: String) throws {
        let bytes = try Fixtures.bytes(name)
        let boundaries = try sectionBoundaries(bytes)
        for length in 0..<bytes.count {
            let error = check(Array(bytes[..<length]))
            if !boundaries.contains(length) {
                #expect(error is DecodingError, "\(name) cut at \(length) gave \(String(describing: error))")
            }
        }
    }

    @Test func truncationsOfAHandBuiltModuleReportRunningOutOfBytes() throws {
        let bytes = Binary.singleFunction(
            [.i32], [.i32], code: [Instr.localGet, 0x00, Instr.i32Const, 0x80, 0x01, Instr.i32Add])
        let boundaries = try sectionBoundaries(bytes)
        for length in 8..<bytes.count where !boundaries.contains(length) {
            let error = check(Array(bytes[..<length]))
            let message = (error as? DecodingError)?.message ?? ""
            let expected = ["length out of bounds", "function and code section have inconsistent lengths"]
            #expect(
                message.hasPrefix("unexpected end") || expected.contains(message),
                "cut at \(length): \(String(describing: error))")
        }
    }

    @Test(arguments: fixtures)
    func seededMutationsNeverCrash(name: String) throws {
        let original = try Fixtures.bytes(name)
        var random = SplitMix64(seed: 0x5EED_0000 &+ UInt64(original.count))
        var outcomes = (decoded: 0, malformed: 0, invalid: 0)
        for _ in 0..<700 {
            var bytes = original
            let edits = 1 + Int(random.next() % 4)
            for _ in 0..<edits {
                let position = 8 + Int(random.next() % UInt64(bytes.count - 8))
                switch random.next() % 6 {
                case 0: bytes[position] ^= UInt8(1 << (random.next() % 8))
                case 1: bytes[position] = UInt8(truncatingIfNeeded: random.next())
                case 2: bytes[position] = [0x00, 0x7F, 0x80, 0xFF, 0x0B, 0x40][Int(random.next() % 6)]
                case 3: bytes.insert(UInt8(truncatingIfNeeded: random.next()), at: position)
                case 4: if bytes.count > 9 { bytes.remove(at: position) }
                default: bytes.insert(contentsOf: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F], at: position)
                }
            }
            switch check(bytes) {
            case nil: outcomes.decoded += 1
            case is DecodingError: outcomes.malformed += 1
            default: outcomes.invalid += 1
            }
        }
        // The mutations must reach past the decoder into validation, or the test proves little.
        #expect(outcomes.malformed > 0)
        #expect(outcomes.invalid + outcomes.decoded > 0, "\(outcomes)")
    }

    @Test func randomBytesAfterAValidHeader() {
        var random = SplitMix64(seed: 42)
        for _ in 0..<1000 {
            let length = Int(random.next() % 64)
            let tail = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            check(Binary.header + tail)
        }
    }

    // MARK: Deep nesting

    private static let depth = 100_000

    /// `depth` nested empty blocks around `inner`, in a function returning i32 42.
    private func nestedBlocks(_ depth: Int, inner: [UInt8] = [], closed: Bool = true) -> [UInt8] {
        var code = [UInt8]()
        code.reserveCapacity(depth * 3 + 16)
        for _ in 0..<depth { code += [Instr.block, Instr.empty] }
        code += inner
        guard closed else {
            // Only the body's final `end`: the other blocks stay open when the code runs out.
            return Binary.singleFunction(code: code)
        }
        code += [UInt8](repeating: Instr.end, count: depth)
        code += Instr.i32(42)
        return Binary.module(
            Binary.typeSection([Binary.functionType([], [.i32])]), Binary.functionSection([0]),
            Binary.exportSection([("run", 0, 0)]), Binary.codeSection([Binary.body(code)]))
    }

    @Test func hundredThousandNestedBlocksValidateAndRun() throws {
        // A branch from the innermost block to the outermost one.
        let bytes = nestedBlocks(Self.depth, inner: [Instr.br] + Binary.unsigned(UInt64(Self.depth - 1)))
        let module = try Module(bytes: bytes)
        try module.validate()
        let store = Store()
        let instance = try store.instantiate(module)
        let run = try #require(instance.exportedFunction("run"))
        #expect(try store.invoke(run, []) == [.i32(42)])
    }

    /// Indentation by nesting depth must be bounded, or the text grows with the square of the
    /// depth: 100,000 nested blocks (a 200 KB module) would need about 20 GB. Checked at a depth
    /// that stays cheap even when the bound is missing.
    @Test func disassemblyOfDeepNestingStaysLinear() throws {
        let depth = 2_000
        let module = try Module(bytes: nestedBlocks(depth))
        let text = try Disassembler(module: module).disassemble(definedFunction: 0)
        #expect(text.hasSuffix("i32.const 42\n)"))
        #expect(text.utf8.count < 200 * depth, "\(text.utf8.count) bytes of text for \(depth) nested blocks")
    }

    @Test func hundredThousandUnclosedBlocksAreRejected() throws {
        let bytes = nestedBlocks(Self.depth, closed: false)
        let error = #expect(throws: DecodingError.self) { try Module(bytes: bytes) }
        #expect(error?.message == "unexpected end of section or function")
    }

    @Test func hundredThousandNestedBlocksWithABadLabelAreRejected() throws {
        let module = try Module(
            bytes: nestedBlocks(Self.depth, inner: [Instr.br] + Binary.unsigned(UInt64(Self.depth + 1))))
        #expect(throws: ValidationError.self) { try module.validate() }
    }

    @Test func deeplyNestedIfsAndLoopsRun() throws {
        let depth = 50_000
        var code = [UInt8]()
        for _ in 0..<depth { code += Instr.i32(1) + [Instr.if, Instr.empty, Instr.loop, Instr.empty] }
        code += [UInt8](repeating: Instr.end, count: depth * 2)
        code += Instr.i32(7)
        let bytes = Binary.module(
            Binary.typeSection([Binary.functionType([], [.i32])]), Binary.functionSection([0]),
            Binary.exportSection([("run", 0, 0)]), Binary.codeSection([Binary.body(code)]))
        let store = Store()
        let instance = try store.instantiate(try Module(bytes: bytes))
        #expect(try store.invoke(try #require(instance.exportedFunction("run")), []) == [.i32(7)])
    }
}
