import Testing
import WasmCore

/// Every decoder error path: the message (in the spec suite's words) and the offset.
@Suite struct DecoderErrorTests {
    private func decodingError(_ bytes: [UInt8], features: WasmFeatures = .default) -> DecodingError? {
        do {
            _ = try ModuleDecoder(features: features).decode(bytes)
            return nil
        } catch {
            return error
        }
    }

    private let validType = Binary.typeSection([Binary.functionType([], [])])

    // MARK: Header

    @Test func emptyModuleDecodes() throws {
        let module = try ModuleDecoder().decode(Binary.header)
        #expect(module.types.isEmpty && module.codes.isEmpty && module.customSections.isEmpty)
    }

    @Test(
        arguments: [
            Array("asm\0".utf8), Array("msa\0\u{1}\0\0\0".utf8), [0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00],
            [0xEF, 0xBB, 0xBF, 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00],
        ] as [[UInt8]])
    func wrongMagic(bytes: [UInt8]) {
        #expect(decodingError(bytes) == DecodingError("magic header not detected", offset: 0))
    }

    @Test(
        arguments: [
            [0x00, 0x00, 0x00, 0x00], [0x02, 0x00, 0x00, 0x00], [0x0D, 0x00, 0x00, 0x00], [0x00, 0x00, 0x00, 0x01],
        ] as [[UInt8]])
    func wrongVersion(version: [UInt8]) {
        #expect(
            decodingError([0x00, 0x61, 0x73, 0x6D] + version) == DecodingError("unknown binary version", offset: 4))
    }

    /// The spec suite (binary.wast) expects "unexpected end" for a header cut short; the reference
    /// decoder says "unexpected end of section or function" wherever the bytes run out.
    @Test(
        arguments: [
            [], [0x01], [0x00, 0x61, 0x73], [0x00, 0x61, 0x73, 0x6D], [0x00, 0x61, 0x73, 0x6D, 0x01],
            [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00],
        ] as [[UInt8]])
    func truncatedHeader(bytes: [UInt8]) {
        let error = decodingError(bytes)
        #expect(error != nil)
        #expect(error?.message == "unexpected end of section or function")
    }

    // MARK: Sections

    @Test func unknownSectionID() {
        #expect(
            decodingError(Binary.module(Binary.section(14, []))) == DecodingError("malformed section id", offset: 8))
        #expect(decodingError(Binary.module(Binary.section(0x7F, [])))?.message == "malformed section id")
        // 13 is the tag section of exception handling: unknown in WebAssembly 2.0.
        let tags = Binary.module(Binary.section(13, [0x00]))
        #expect(decodingError(tags, features: .webAssembly2) == DecodingError("malformed section id", offset: 8))
        #expect(decodingError(tags) == nil)
    }

    @Test func sectionsOutOfOrder() {
        let function = Binary.functionSection([])
        let bytes = Binary.module(function, validType)
        #expect(
            decodingError(bytes) == DecodingError("unexpected content after last section", offset: 8 + function.count))
    }

    @Test func duplicateSection() {
        #expect(decodingError(Binary.module(validType, validType))?.message == "unexpected content after last section")
    }

    @Test func dataCountMustPrecedeCode() {
        let bytes = Binary.module(
            validType, Binary.functionSection([]), Binary.codeSection([]), Binary.dataCountSection(0))
        #expect(decodingError(bytes)?.message == "unexpected content after last section")
    }

    @Test func customSectionsMayAppearAnywhere() throws {
        let custom = Binary.section(0, Binary.name("note") + [1, 2, 3])
        let module = try ModuleDecoder().decode(
            Binary.module(custom, validType, custom, Binary.functionSection([]), custom))
        #expect(module.customSections(named: "note").count == 3)
        #expect(module.customSections(named: "note").first?.bytes == [1, 2, 3])
    }

    /// A size beyond the bytes left is "length out of bounds" (binary.wast, custom.wast).
    @Test func sectionSizeBeyondTheInput() {
        let bytes = Binary.header + [0x01, 0x10, 0x01, 0x60, 0x00, 0x00]
        #expect(decodingError(bytes) == DecodingError("length out of bounds", offset: 9))
    }

    /// The decoder reads a section's content, then compares where it stopped with the declared
    /// size, either way, and reports the section's start.
    @Test func sectionSizeLargerThanItsContent() {
        let bytes = Binary.header + [0x01, 0x05, 0x01, 0x60, 0x00, 0x00, 0x00]
        #expect(decodingError(bytes) == DecodingError("section size mismatch", offset: 10))
    }

    @Test func sectionSizeSmallerThanItsContent() {
        let bytes = Binary.header + [0x01, 0x03, 0x01, 0x60, 0x00, 0x00]
        #expect(decodingError(bytes) == DecodingError("section size mismatch", offset: 10))
    }

    @Test func customSectionNameLongerThanTheSection() {
        let bytes = Binary.header + [0x00, 0x02, 0x05, 0x61] + [0x62, 0x63, 0x64, 0x65]
        #expect(decodingError(bytes)?.message == "unexpected end of section or function")
    }

    // MARK: Counts larger than the input

    @Test(arguments: [1, 2, 3, 5, 6, 7, 9, 10, 11] as [UInt8])
    func hugeVectorCountFailsFast(sectionID: UInt8) {
        // Every vector section claiming 2^32 - 1 items in a 6-byte body.
        let clock = ContinuousClock()
        let start = clock.now
        let error = decodingError(Binary.module(Binary.section(sectionID, [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00])))
        #expect(error == DecodingError("unexpected end of section or function", offset: 16), "section \(sectionID)")
        #expect(clock.now - start < .milliseconds(200))
    }

    @Test func hugeCountsInsideEntriesFailFast() {
        let clock = ContinuousClock()
        let start = clock.now
        // A function type with 2^32 - 1 parameters.
        let parameters = Binary.module(Binary.section(1, [0x01, 0x60, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]))
        #expect(decodingError(parameters)?.message == "unexpected end of section or function")
        // A function body with 2^32 - 1 local groups.
        let localGroups = Binary.module(
            validType, Binary.functionSection([0]),
            Binary.section(10, [0x01, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x0B]))
        #expect(decodingError(localGroups)?.message == "unexpected end of section or function")
        // A br_table with 2^32 - 1 targets.
        let brTable = Binary.singleFunction(code: [
            Instr.i32Const, 0x00, Instr.brTable, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00,
        ])
        #expect(decodingError(brTable)?.message == "unexpected end of section or function")
        // A data segment claiming 4 GiB of bytes.
        let data = Binary.module(Binary.section(11, [0x01, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F]))
        #expect(decodingError(data)?.message == "unexpected end of section or function")
        #expect(clock.now - start < .milliseconds(500))
    }

    @Test func tooManyLocals() {
        // Two groups of 2^31 locals each overflow the u32 total.
        let body: [UInt8] = [0x02, 0x80, 0x80, 0x80, 0x80, 0x08, 0x7F, 0x80, 0x80, 0x80, 0x80, 0x08, 0x7F, 0x0B]
        let bytes = Binary.module(
            validType, Binary.functionSection([0]), Binary.section(10, [0x01, UInt8(body.count)] + body))
        #expect(decodingError(bytes)?.message == "too many locals")
        // One group over the decoder's limit (50,000 by default) is refused too, without allocating.
        let big = Binary.singleFunction(locals: [(count: 1_000_000_000, type: .i64)], code: [])
        #expect(decodingError(big)?.message == "too many locals")
    }

    @Test func itemLimitPerSection() {
        var limits = ModuleDecoder.Limits()
        limits.maxItemsPerSection = 2
        let types = Binary.typeSection(Array(repeating: Binary.functionType([], []), count: 3))
        let error: DecodingError?
        do { _ = try ModuleDecoder(limits: limits).decode(Binary.module(types)); error = nil } catch let e { error = e }
        #expect(error?.message.contains("limit") == true)
    }

    // MARK: Section contents

    @Test func functionAndCodeCountsMustAgree() {
        let twoFunctions = Binary.module(
            validType, Binary.functionSection([0, 0]), Binary.codeSection([Binary.body([])]))
        #expect(decodingError(twoFunctions)?.message == "function and code section have inconsistent lengths")
        let noCode = Binary.module(validType, Binary.functionSection([0]))
        #expect(decodingError(noCode)?.message == "function and code section have inconsistent lengths")
        let noFunctions = Binary.module(validType, Binary.codeSection([Binary.body([])]))
        #expect(decodingError(noFunctions)?.message == "function and code section have inconsistent lengths")
    }

    @Test func dataCountMustAgreeWithDataSection() {
        let passive: [UInt8] = [0x01, 0x00]
        let mismatch = Binary.module(Binary.dataCountSection(2), Binary.section(11, Binary.vector([passive])))
        #expect(decodingError(mismatch)?.message == "data count and data section have inconsistent lengths")
        let missing = Binary.module(Binary.dataCountSection(1))
        #expect(decodingError(missing)?.message == "data count and data section have inconsistent lengths")
    }

    @Test func malformedValueType() {
        let bytes = Binary.module(Binary.section(1, [0x01, 0x60, 0x01, 0x55, 0x00]))
        // The reference decoder tries a reference type last and reports that.
        #expect(decodingError(bytes) == DecodingError("malformed reference type", offset: 13))
    }

    @Test func malformedImportKind() {
        let entry = Binary.name("m") + Binary.name("f") + [0x05, 0x00]
        #expect(decodingError(Binary.module(Binary.importSection([entry])))?.message == "malformed import kind")
        // 4, a tag, exists only with exception handling.
        let tag = Binary.name("m") + Binary.name("f") + [0x04, 0x00, 0x00]
        #expect(
            decodingError(Binary.module(Binary.importSection([tag])), features: .webAssembly2)?.message
                == "malformed import kind")
        #expect(decodingError(Binary.module(Binary.importSection([tag]))) == nil)
    }

    @Test func malformedExportKind() {
        let entry = Binary.name("f") + [0x05, 0x00]
        #expect(
            decodingError(Binary.module(Binary.section(7, Binary.vector([entry]))))?.message == "malformed export kind")
        let tag = Binary.name("f") + [0x04, 0x00]
        #expect(
            decodingError(Binary.module(Binary.section(7, Binary.vector([tag]))), features: .webAssembly2)?.message
                == "malformed export kind")
    }

    @Test func malformedMutability() {
        let global: [UInt8] = [0x7F, 0x02] + Instr.i32(0) + [Instr.end]
        #expect(
            decodingError(Binary.module(Binary.section(6, Binary.vector([global]))))?.message == "malformed mutability")
    }

    /// Limits flags are a one-bit LEB128 value in WebAssembly 2.0 and a byte with 64-bit memories.
    @Test func malformedLimitsFlag() {
        let shared = Binary.module(Binary.section(5, [0x01, 0x02, 0x00]))
        #expect(decodingError(shared, features: .webAssembly2)?.message == "integer too large")
        #expect(decodingError(shared)?.message == "malformed limits flags")
        let long = Binary.module(Binary.section(5, [0x01, 0x81, 0x00, 0x00]))
        #expect(decodingError(long, features: .webAssembly2)?.message == "integer representation too long")
        #expect(decodingError(long)?.message == "malformed limits flags")
    }

    @Test func malformedReferenceType() {
        #expect(
            decodingError(Binary.module(Binary.section(4, [0x01, 0x7F, 0x00, 0x00])))?.message
                == "malformed reference type")
    }

    @Test func malformedSegmentKinds() {
        #expect(
            decodingError(Binary.module(Binary.section(11, [0x01, 0x03])))?.message == "malformed data segment kind")
        #expect(
            decodingError(Binary.module(Binary.section(9, [0x01, 0x08])))?.message == "malformed elements segment kind")
        // Flags 1 (passive, function indices) want an element kind byte of zero.
        #expect(
            decodingError(Binary.module(Binary.section(9, [0x01, 0x01, 0x01, 0x00])))?.message
                == "malformed element kind")
    }

    @Test func malformedUTF8InNames() {
        let entry: [UInt8] = [0x02, 0xC0, 0x80, 0x00, 0x00]
        #expect(
            decodingError(Binary.module(Binary.section(7, Binary.vector([entry]))))?.message
                == "malformed UTF-8 encoding")
    }

    // MARK: Function bodies (their syntax is decoded with the module)

    private func bodyError(_ code: [UInt8], features: WasmFeatures = .default) -> DecodingError? {
        decodingError(Binary.singleFunction(code: code), features: features)
    }

    @Test func illegalOpcodes() throws {
        for byte: UInt8 in [
            0x06, 0x07, 0x08, 0x09, 0x0A, 0x12, 0x13, 0x14, 0x17, 0x18, 0x19, 0x1D, 0x27, 0xC5, 0xD3, 0xFE, 0xFF,
        ] {
            let error = bodyError([byte], features: .webAssembly2)
            #expect(error?.message.hasPrefix("illegal opcode ") == true, "byte \(byte)")
        }
        // The reference decoder's words name the bytes in hex.
        #expect(bodyError([0xFF], features: .webAssembly2)?.message == "illegal opcode ff")
        #expect(bodyError([0xFC, 0x12])?.message == "illegal opcode fc 12")
        #expect(bodyError([0xFC, 0x80, 0x02])?.message == "illegal opcode fc 100")
        #expect(bodyError([0xFD, 0xFF, 0xFF, 0x03])?.message == "illegal opcode fd ffff")
        #expect(bodyError([0xFB, 0x1F])?.message == "illegal opcode fb 1f")
        // `let` (0x17) was in a draft and never in the standard.
        #expect(bodyError([0x17])?.message == "illegal opcode 17")
    }

    @Test func bodyErrorOffsetsAreModuleOffsets() throws {
        let bytes = Binary.singleFunction(code: [0x01, 0x01, 0xFE])
        let error = try #require(bodyError([0x01, 0x01, 0xFE]))
        #expect(bytes[error.offset] == 0xFE)
    }

    @Test func zeroByteExpected() throws {
        // memory.size with a memory index byte other than zero, where there is one memory only.
        #expect(bodyError([0x3F, 0x01, Instr.drop], features: .webAssembly2)?.message == "zero byte expected")
        #expect(bodyError([0xFC, 0x0B, 0x01, Instr.drop], features: .webAssembly2)?.message == "zero byte expected")
        // With multiple memories enabled the byte is a memory index, which validation checks.
        #expect(bodyError([0x3F, 0x01, Instr.drop]) == nil)
        let bytes = Binary.singleFunction(code: [0x3F, 0x01, Instr.drop])
        #expect(throws: ValidationError.self) { try Module(bytes: bytes).validate() }
    }

    @Test func bodyEndingEarly() throws {
        // A block whose end is missing: the body runs out.
        #expect(bodyError([Instr.block, Instr.empty])?.message == "unexpected end of section or function")
    }

    /// The reference decoder reads a body on past its declared size, then compares.
    @Test func bytesAfterTheFinalEnd() throws {
        #expect(bodyError([Instr.end, 0x01])?.message == "section size mismatch")
    }

    @Test func elseOutsideAnIfEndsTheBodyTooEarly() throws {
        #expect(bodyError([Instr.block, Instr.empty, 0x05, Instr.end])?.message == "END opcode expected")
        #expect(bodyError([0x05])?.message == "END opcode expected")
    }

    /// A malformed body is reported as malformed even after an invalid one (binary.wast).
    @Test func bodiesAreDecodedBeforeAnyIsValidated() throws {
        let invalid = Binary.body([Instr.i32Const, 0x00])
        let malformed = Binary.body([0xFF])
        let bytes = Binary.module(
            validType, Binary.functionSection([0, 0]), Binary.codeSection([invalid, malformed]))
        #expect(decodingError(bytes)?.message == "illegal opcode ff")
    }
}
