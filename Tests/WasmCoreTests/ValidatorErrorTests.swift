import Testing
import WasmCore

/// Validation failures: the message, and where it happened (function index in the function index
/// space, instruction name, and the offset of the offending instruction in the module binary).
@Suite struct ValidatorErrorTests {
    private let voidType = Binary.functionType([], [])

    private func validationError(_ bytes: [UInt8], features: WasmFeatures = .default) throws -> ValidationError? {
        let module = try Module(bytes: bytes, features: features)
        do {
            try module.validate()
            return nil
        } catch let error as ValidationError {
            return error
        }
    }

    /// Validates a one-function module and checks the error points at the instruction at
    /// `codeIndex` in `code` (an index into the bytes passed, not counting the locals).
    private func functionError(
        _ parameters: [ValueType] = [], _ results: [ValueType] = [], locals: [(count: UInt32, type: ValueType)] = [],
        code: [UInt8], extraSections: [UInt8] = [], trailingSections: [UInt8] = [],
        at codeIndex: Int, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ValidationError {
        let bytes = Binary.module(
            Binary.typeSection([Binary.functionType(parameters, results)]), Binary.functionSection([0]), extraSections,
            Binary.codeSection([Binary.body(locals: locals, code)]), trailingSections)
        let module = try Module(bytes: bytes)
        let error = try #require(try validationError(bytes), "module validated", sourceLocation: sourceLocation)
        #expect(error.functionIndex == 0, sourceLocation: sourceLocation)
        #expect(error.offset == module.codes[0].codeOffset + codeIndex, sourceLocation: sourceLocation)
        let fullCode = code + [Instr.end]
        if let offset = error.offset, offset < bytes.count {
            #expect(
                bytes[offset] == fullCode[codeIndex], "offset does not point at the instruction",
                sourceLocation: sourceLocation)
        }
        return error
    }

    // MARK: Operand types

    @Test func resultTypeMismatchAtEnd() throws {
        let error = try functionError([], [.i32], code: [Instr.i64Const, 0x01], at: 2)
        #expect(error.message == "type mismatch: instruction requires [i32] but stack has [i64]")
        #expect(error.instruction == "end")
    }

    @Test func operandTypeMismatch() throws {
        let code: [UInt8] = [Instr.i64Const, 0x01, Instr.i32Const, 0x01, Instr.i32Add, Instr.drop]
        let error = try functionError(code: code, at: 4)
        #expect(error.message == "type mismatch: instruction requires [i32 i32] but stack has [i64 i32]")
        #expect(error.instruction == "i32.add")
        #expect(error.description.contains("function 0"))
    }

    @Test func emptyStackUnderflow() throws {
        let error = try functionError([], [], code: [Instr.i32Add, Instr.drop], at: 0)
        #expect(error.message == "type mismatch: instruction requires [i32 i32] but stack has []")
    }

    @Test func valuesLeftOnTheStack() throws {
        let error = try functionError(code: Instr.i32(1), at: 2)
        #expect(error.message == "type mismatch: block requires [] but stack has [i32]")
        #expect(error.instruction == "end")
    }

    @Test func ifWithoutElseMustNotChangeTypes() throws {
        let code: [UInt8] = Instr.i32(1) + [Instr.if, 0x7F] + Instr.i32(2) + [Instr.end, Instr.drop]
        let error = try functionError(code: code, at: 6)
        #expect(error.message == "type mismatch")
        #expect(error.instruction == "end")
    }

    @Test func brTableTargetsMustAgree() throws {
        // block (result i32) ; block ; i32.const 0 i32.const 0 br_table 0 1 ...
        let code: [UInt8] =
            [Instr.block, 0x7F, Instr.block, Instr.empty] + Instr.i32(0) + Instr.i32(0)
            + [Instr.brTable, 0x01, 0x00, 0x01, Instr.end, Instr.unreachable, Instr.end, Instr.drop]
        let error = try functionError(code: code, at: 8)
        #expect(error.message == "type mismatch")
        #expect(error.instruction == "br_table")
    }

    @Test func selectNeedsNumericOperandsOfOneType() throws {
        let code: [UInt8] = Instr.i32(1) + [Instr.i64Const, 0x01] + Instr.i32(0) + [0x1B, Instr.drop]
        let error = try functionError(code: code, at: 6)
        #expect(error.message == "type mismatch")
        #expect(error.instruction == "select")
    }

    /// An `else` outside an `if` is a decoding error (the block must end first), found before
    /// validation.
    @Test func elseWithoutIf() throws {
        let bytes = Binary.singleFunction(code: [Instr.block, Instr.empty, Instr.else, Instr.end])
        #expect(throws: DecodingError.self) { try Module(bytes: bytes) }
    }

    // MARK: Unknown indices

    @Test func unknownLocal() throws {
        let error = try functionError(
            [.i32], [], locals: [(count: 1, type: .i64)], code: [Instr.localGet, 0x02, Instr.drop], at: 0)
        #expect(error.message == "unknown local 2")
        #expect(error.instruction == "local.get")
    }

    @Test func unknownGlobal() throws {
        let error = try functionError(code: [Instr.globalGet, 0x00, Instr.drop], at: 0)
        #expect(error.message == "unknown global 0")
    }

    @Test func unknownFunction() throws {
        let error = try functionError(code: [Instr.call, 0x05], at: 0)
        #expect(error.message == "unknown function 5")
        #expect(error.instruction == "call")
    }

    @Test func unknownLabel() throws {
        let code: [UInt8] = [Instr.block, Instr.empty, Instr.br, 0x02, Instr.end]
        let error = try functionError(code: code, at: 2)
        #expect(error.message == "unknown label")
        #expect(error.instruction == "br")
    }

    @Test func unknownMemory() throws {
        let code: [UInt8] = Instr.i32(0) + [Instr.i32Load, 0x02, 0x00, Instr.drop]
        let error = try functionError(code: code, at: 2)
        #expect(error.message == "unknown memory 0")
    }

    @Test func unknownTypeInBlock() throws {
        let bytes = Binary.singleFunction(code: [Instr.block, 0x05, Instr.end])
        let error = try #require(try validationError(bytes))
        let codeOffset = try Module(bytes: bytes).codes[0].codeOffset
        #expect(error.message == "unknown type 5")
        #expect(error.functionIndex == 0)
        #expect(error.instruction == "block")
        #expect(error.offset == codeOffset)
    }

    // MARK: Globals, memory, data

    @Test func immutableGlobal() throws {
        let global = Binary.section(6, Binary.vector([[0x7F, 0x00] + Instr.i32(0) + [Instr.end]]))
        let error = try functionError(code: Instr.i32(1) + [Instr.globalSet, 0x00], extraSections: global, at: 2)
        #expect(error.message == "immutable global")
        #expect(error.instruction == "global.set")
    }

    @Test func alignmentLargerThanNatural() throws {
        let code: [UInt8] = Instr.i32(0) + [Instr.i32Load, 0x03, 0x00, Instr.drop]
        let error = try functionError(code: code, extraSections: Binary.memorySection(min: 1), at: 2)
        #expect(error.message == "alignment must not be larger than natural")
        #expect(error.instruction == "i32.load")
        // The natural alignment itself is fine.
        let ok = Binary.singleFunction(
            code: Instr.i32(0) + [Instr.i32Load, 0x02, 0x00, Instr.drop], extraSections: Binary.memorySection(min: 1))
        #expect(try validationError(ok) == nil)
    }

    /// Naming a data segment in code needs the data count section: a binary-format rule
    /// (binary.wast's assert_malformed), so the decoder checks it.
    @Test func memoryInitAndDataDropNeedDataCount() throws {
        let passiveData = Binary.section(11, Binary.vector([[0x01, 0x01, 0xAA]]))
        let initCode: [UInt8] = Instr.i32(0) + Instr.i32(0) + Instr.i32(1) + [0xFC, 0x08, 0x00, 0x00]
        let type = Binary.typeSection([Binary.functionType([], [])])
        let initModule = Binary.module(
            type, Binary.functionSection([0]), Binary.memorySection(min: 1),
            Binary.codeSection([Binary.body(initCode)]), passiveData)
        let error = #expect(throws: DecodingError.self) { try Module(bytes: initModule) }
        #expect(error?.message == "data count section required")
        let dropModule = Binary.module(
            type, Binary.functionSection([0]), Binary.codeSection([Binary.body([0xFC, 0x09, 0x00])]), passiveData)
        let dropError = #expect(throws: DecodingError.self) { try Module(bytes: dropModule) }
        #expect(dropError?.message == "data count section required")
    }

    @Test func dataCountMakesMemoryInitValid() throws {
        let bytes = Binary.module(
            Binary.typeSection([voidType]), Binary.functionSection([0]), Binary.memorySection(min: 1),
            Binary.dataCountSection(1),
            Binary.codeSection([
                Binary.body(Instr.i32(0) + Instr.i32(0) + Instr.i32(1) + [0xFC, 0x08, 0x00, 0x00, 0xFC, 0x09, 0x00])
            ]),
            Binary.section(11, Binary.vector([[0x01, 0x01, 0xAA]])))
        #expect(try validationError(bytes) == nil)
    }

    @Test func undeclaredFunctionReference() throws {
        let error = try functionError(code: [0xD2, 0x00, Instr.drop], at: 0)
        #expect(error.message == "undeclared function reference")
    }

    // MARK: Function index

    @Test func functionIndexCountsImports() throws {
        let bytes = Binary.module(
            Binary.typeSection([voidType]),
            Binary.importSection([Binary.name("env") + Binary.name("f") + [0x00, 0x00]]),
            Binary.functionSection([0, 0]),
            Binary.codeSection([Binary.body([]), Binary.body([Instr.localGet, 0x00, Instr.drop])]))
        let error = try #require(try validationError(bytes))
        #expect(error.functionIndex == 2)
        #expect(error.message == "unknown local 0")
        let module = try Module(bytes: bytes)
        #expect(error.offset == module.codes[1].codeOffset)
    }

    // MARK: Unreachable code

    @Test func unreachableCodeIsPolymorphic() throws {
        let bodies: [[UInt8]] = [
            [Instr.unreachable, Instr.i32Add, Instr.drop],
            [Instr.unreachable, 0x1B, Instr.drop],
            [Instr.unreachable, Instr.brTable, 0x00, 0x00],
            [Instr.br, 0x00, Instr.i32Const, 0x00, Instr.i32Add, Instr.drop],
            [Instr.unreachable, Instr.drop, Instr.drop, Instr.drop],
        ]
        for code in bodies {
            #expect(try validationError(Binary.singleFunction(code: code)) == nil, "\(code)")
        }
        // A function with a result whose body ends in unreachable code.
        #expect(try validationError(Binary.singleFunction([], [.i32], code: [Instr.unreachable])) == nil)
        // Known types still clash after unreachable.
        let clash = try functionError(code: [Instr.unreachable, Instr.i64Const, 0x00, Instr.i32Add, Instr.drop], at: 3)
        #expect(clash.message == "type mismatch: instruction requires [i32 i32] but stack has [i64]")
    }

    // MARK: Module-level rules

    private func moduleError(_ sections: [UInt8]..., features: WasmFeatures = .default) throws -> ValidationError? {
        try validationError(Binary.header + sections.flatMap { $0 }, features: features)
    }

    @Test func duplicateExportName() throws {
        let error = try moduleError(
            Binary.typeSection([voidType]), Binary.functionSection([0, 0]),
            Binary.exportSection([("f", 0, 0), ("f", 0, 1)]),
            Binary.codeSection([Binary.body([]), Binary.body([])]))
        #expect(error?.message == "duplicate export name")
        // Names differing only in Unicode normalization are distinct.
        let distinct = try moduleError(
            Binary.typeSection([voidType]), Binary.functionSection([0]),
            Binary.exportSection([("\u{E9}", 0, 0), ("e\u{301}", 0, 0)]), Binary.codeSection([Binary.body([])]))
        #expect(distinct == nil)
    }

    @Test func startFunctionType() throws {
        let withParameter = try moduleError(
            Binary.typeSection([Binary.functionType([.i32], [])]), Binary.functionSection([0]),
            Binary.startSection(0), Binary.codeSection([Binary.body([])]))
        #expect(withParameter?.message == "start function")
        let withResult = try moduleError(
            Binary.typeSection([Binary.functionType([], [.i32])]), Binary.functionSection([0]),
            Binary.startSection(0), Binary.codeSection([Binary.body(Instr.i32(0))]))
        #expect(withResult?.message == "start function")
        let unknown = try moduleError(Binary.startSection(3))
        #expect(unknown?.message == "unknown function 3")
    }

    @Test func unknownFunctionType() throws {
        let error = try moduleError(
            Binary.typeSection([voidType]), Binary.functionSection([1]), Binary.codeSection([Binary.body([])]))
        #expect(error?.message == "unknown type")
    }

    @Test func exportOfUnknownItem() throws {
        #expect(try moduleError(Binary.exportSection([("m", 2, 0)]))?.message == "unknown memory 0")
        #expect(try moduleError(Binary.exportSection([("g", 3, 1)]))?.message == "unknown global 1")
    }

    @Test func memoryLimits() throws {
        let twoMemories = Binary.section(
            5, Binary.vector([Binary.limits(min: 1, max: nil), Binary.limits(min: 1, max: nil)]))
        #expect(try moduleError(twoMemories, features: .webAssembly2)?.message == "multiple memories")
        #expect(try moduleError(twoMemories) == nil)
        #expect(
            try moduleError(Binary.memorySection(min: 65537))?.message
                == "memory size must be at most 65536 pages (4GiB)")
        #expect(
            try moduleError(Binary.memorySection(min: 2, max: 1))?.message
                == "size minimum must not be greater than maximum")
        #expect(try moduleError(Binary.memorySection(min: 65536, max: 65536)) == nil)
    }

    @Test func constantExpressions() throws {
        // `i32.add` is constant only with extended constant expressions.
        let nonConstant = Binary.section(
            6, Binary.vector([[0x7F, 0x00] + Instr.i32(1) + Instr.i32(2) + [Instr.i32Add, Instr.end]]))
        let error = try #require(try moduleError(nonConstant, features: .webAssembly2))
        #expect(error.message == "constant expression required")
        #expect(error.instruction == "i32.add")
        #expect(error.offset == 8 + 2 + 1 + 2 + 2 + 2)
        #expect(try moduleError(nonConstant) == nil)

        let wrongType = Binary.section(6, Binary.vector([[0x7F, 0x00, Instr.i64Const, 0x00, Instr.end]]))
        #expect(try moduleError(wrongType)?.message == "type mismatch: instruction requires [i32] but stack has [i64]")
        let empty = Binary.section(6, Binary.vector([[0x7F, 0x00, Instr.end]]))
        #expect(try moduleError(empty)?.message == "type mismatch: instruction requires [i32] but stack has []")
        // In WebAssembly 2.0 a global initializer may not read a global defined in the same
        // module; with GC it may read the globals before it.
        let earlierGlobal = Binary.section(
            6,
            Binary.vector([[0x7F, 0x00] + Instr.i32(1) + [Instr.end], [0x7F, 0x00, Instr.globalGet, 0x00, Instr.end]]))
        #expect(try moduleError(earlierGlobal, features: .webAssembly2)?.message == "unknown global 0")
        #expect(try moduleError(earlierGlobal) == nil)
        let laterGlobal = Binary.section(
            6,
            Binary.vector([[0x7F, 0x00, Instr.globalGet, 0x01, Instr.end], [0x7F, 0x00] + Instr.i32(1) + [Instr.end]]))
        #expect(try moduleError(laterGlobal)?.message == "unknown global 1")
    }

    /// The issue asks for a byte offset on every invalid-module error; module-level rules
    /// (exports, start, types, limits) report none.
    @Test func moduleLevelErrorsCarryAnOffset() throws {
        let errors = [
            try moduleError(
                Binary.typeSection([voidType]), Binary.functionSection([0]),
                Binary.exportSection([("f", 0, 0), ("f", 0, 0)]), Binary.codeSection([Binary.body([])])),
            try moduleError(
                Binary.typeSection([Binary.functionType([.i32], [])]), Binary.functionSection([0]),
                Binary.startSection(0), Binary.codeSection([Binary.body([])])),
            try moduleError(Binary.memorySection(min: 2, max: 1)),
            try moduleError(
                Binary.typeSection([voidType]), Binary.functionSection([7]), Binary.codeSection([Binary.body([])])),
        ]
        for error in errors {
            #expect(error != nil)
            #expect(error?.offset != nil, "\(String(describing: error))")
        }
    }
}
