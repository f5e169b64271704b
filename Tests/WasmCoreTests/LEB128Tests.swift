import Testing
import WasmCore

/// LEB128 as the binary format limits it: at most ceil(N / 7) bytes for an N-bit integer, and the
/// unused bits of the last byte zero (unsigned) or copies of the sign bit (signed).
@Suite struct LEB128Tests {
    private func unsigned(_ bytes: [UInt8], bits: Int) throws(DecodingError) -> UInt64 {
        var reader = ByteReader(bytes: bytes)
        let value = try reader.readUnsigned(bits: bits)
        #expect(reader.isAtEnd, "\(bytes) was not read whole")
        return value
    }

    private func signed(_ bytes: [UInt8], bits: Int) throws(DecodingError) -> Int64 {
        var reader = ByteReader(bytes: bytes)
        let value = try reader.readSigned(bits: bits)
        #expect(reader.isAtEnd, "\(bytes) was not read whole")
        return value
    }

    private func unsignedError(_ bytes: [UInt8], bits: Int) -> DecodingError? {
        do { _ = try unsigned(bytes, bits: bits); return nil } catch { return error }
    }

    private func signedError(_ bytes: [UInt8], bits: Int) -> DecodingError? {
        do { _ = try signed(bytes, bits: bits); return nil } catch { return error }
    }

    // MARK: Unsigned

    @Test func unsigned32Extremes() throws {
        #expect(try unsigned([0x00], bits: 32) == 0)
        #expect(try unsigned([0x7F], bits: 32) == 127)
        #expect(try unsigned([0x80, 0x01], bits: 32) == 128)
        #expect(try unsigned([0xFF, 0xFF, 0xFF, 0xFF, 0x0F], bits: 32) == UInt64(UInt32.max))
        // Padded (non-minimal) encodings are allowed up to the size limit.
        #expect(try unsigned([0x80, 0x80, 0x80, 0x80, 0x00], bits: 32) == 0)
        #expect(try unsigned([0x85, 0x80, 0x80, 0x80, 0x00], bits: 32) == 5)
    }

    @Test func unsigned32UnusedBitsSetIsTooLarge() {
        for last: UInt8 in [0x10, 0x1F, 0x20, 0x40, 0x70, 0x7F] {
            let error = unsignedError([0xFF, 0xFF, 0xFF, 0xFF, last], bits: 32)
            #expect(error?.message == "integer too large", "last byte \(last)")
            #expect(error?.offset == 4)
        }
    }

    @Test func unsigned32TooLong() {
        let error = unsignedError([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], bits: 32)
        #expect(error?.message == "integer representation too long")
        #expect(error?.offset == 4)
    }

    @Test func unsignedTruncated() {
        for bytes: [UInt8] in [[], [0x80], [0xFF, 0xFF], [0x80, 0x80, 0x80, 0x80]] {
            #expect(unsignedError(bytes, bits: 32)?.message == "unexpected end of section or function", "\(bytes)")
        }
    }

    @Test func unsigned64Extremes() throws {
        let max = [UInt8](repeating: 0xFF, count: 9) + [0x01]
        #expect(try unsigned(max, bits: 64) == UInt64.max)
        #expect(try unsigned([UInt8](repeating: 0x80, count: 9) + [0x00], bits: 64) == 0)
        #expect(try unsigned([UInt8](repeating: 0x80, count: 9) + [0x01], bits: 64) == 1 << 63)
    }

    @Test func unsigned64UnusedBitsAndLength() {
        let tooLarge = unsignedError([UInt8](repeating: 0xFF, count: 9) + [0x02], bits: 64)
        #expect(tooLarge?.message == "integer too large")
        #expect(tooLarge?.offset == 9)
        let tooLong = unsignedError([UInt8](repeating: 0x80, count: 10) + [0x00], bits: 64)
        #expect(tooLong?.message == "integer representation too long")
    }

    // MARK: Signed

    @Test func signed32Extremes() throws {
        #expect(try signed([0x00], bits: 32) == 0)
        #expect(try signed([0x7F], bits: 32) == -1)
        #expect(try signed([0x3F], bits: 32) == 63)
        #expect(try signed([0x40], bits: 32) == -64)
        #expect(try signed([0xC0, 0x00], bits: 32) == 64)
        #expect(try signed([0xFF, 0xFF, 0xFF, 0xFF, 0x07], bits: 32) == Int64(Int32.max))
        #expect(try signed([0x80, 0x80, 0x80, 0x80, 0x78], bits: 32) == Int64(Int32.min))
        // -1 padded to the full five bytes.
        #expect(try signed([0xFF, 0xFF, 0xFF, 0xFF, 0x7F], bits: 32) == -1)
    }

    @Test func signed32UnusedBitsMustMatchSign() {
        // Positive (sign bit 3 clear) with any of bits 4...6 set, or negative with any clear.
        for last: UInt8 in [0x0F, 0x10, 0x70, 0x17, 0x4F, 0x6F] {
            let error = signedError([0xFF, 0xFF, 0xFF, 0xFF, last], bits: 32)
            #expect(error?.message == "integer too large", "last byte \(last)")
            #expect(error?.offset == 4)
        }
    }

    @Test func signed32TooLong() {
        #expect(
            signedError([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F], bits: 32)?.message == "integer representation too long")
        #expect(
            signedError([0x80, 0x80, 0x80, 0x80, 0x80, 0x00], bits: 32)?.message == "integer representation too long")
    }

    @Test func signed64Extremes() throws {
        #expect(try signed([UInt8](repeating: 0xFF, count: 9) + [0x00], bits: 64) == Int64.max)
        #expect(try signed([UInt8](repeating: 0x80, count: 9) + [0x7F], bits: 64) == Int64.min)
        #expect(try signed([UInt8](repeating: 0xFF, count: 9) + [0x7F], bits: 64) == -1)
    }

    @Test func signed64UnusedBitsAndLength() {
        for last: UInt8 in [0x01, 0x02, 0x7E, 0x40] {
            let error = signedError([UInt8](repeating: 0x80, count: 9) + [last], bits: 64)
            #expect(error?.message == "integer too large", "last byte \(last)")
        }
        #expect(
            signedError([UInt8](repeating: 0xFF, count: 10) + [0x7F], bits: 64)?.message
                == "integer representation too long")
    }

    @Test func typedReadersTruncateNothing() throws {
        var reader = ByteReader(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x80, 0x80, 0x80, 0x80, 0x78])
        #expect(try reader.readU32() == UInt32.max)
        #expect(try reader.readS32() == Int32.min)
        #expect(reader.isAtEnd)
        var tooLarge = ByteReader(bytes: [0x80, 0x80, 0x80, 0x80, 0x10])
        #expect(throws: DecodingError("integer too large", offset: 4)) { try tooLarge.readU32() }
    }

    @Test func roundTripsSeededValues() throws {
        var random = SplitMix64(seed: 0x1EB128)
        for _ in 0..<2000 {
            let u = random.next() >> (random.next() % 64)
            #expect(try unsigned(Binary.unsigned(u), bits: 64) == u)
            let u32 = UInt64(UInt32(truncatingIfNeeded: u))
            #expect(try unsigned(Binary.unsigned(u32), bits: 32) == u32)
            let s = Int64(bitPattern: random.next()) >> (random.next() % 64)
            #expect(try signed(Binary.signed(s), bits: 64) == s)
            let s32 = Int64(Int32(truncatingIfNeeded: s))
            #expect(try signed(Binary.signed(s32), bits: 32) == s32)
        }
    }

    // MARK: Block types (signed 33-bit type indices)

    private func blockType(_ immediate: [UInt8]) throws(DecodingError) -> Immediate {
        var reader = ByteReader(bytes: [0x02] + immediate)
        let instruction = try reader.readInstruction()
        #expect(reader.isAtEnd)
        return instruction.immediate
    }

    private func blockTypeError(_ immediate: [UInt8]) -> DecodingError? {
        do { _ = try blockType(immediate); return nil } catch { return error }
    }

    @Test func blockTypeShortForms() throws {
        #expect(try blockType([0x40]) == .blockType(.empty))
        #expect(try blockType([0x7F]) == .blockType(.value(.i32)))
        #expect(try blockType([0x7B]) == .blockType(.value(.v128)))
        #expect(try blockType([0x6F]) == .blockType(.value(.externref)))
        #expect(try blockType([0x00]) == .blockType(.typeIndex(0)))
        #expect(try blockType([0x3F]) == .blockType(.typeIndex(63)))
        #expect(try blockType([0x80, 0x01]) == .blockType(.typeIndex(128)))
        // Non-minimal encodings of a small index.
        #expect(try blockType([0x81, 0x80, 0x80, 0x80, 0x00]) == .blockType(.typeIndex(1)))
    }

    @Test func blockTypeLargestIndex() throws {
        // 2^32 - 1 needs 33 bits as a signed number: the fifth byte's bit 4 is the (clear) sign.
        #expect(try blockType([0xFF, 0xFF, 0xFF, 0xFF, 0x0F]) == .blockType(.typeIndex(UInt32.max)))
    }

    @Test func blockTypeNegativeIndexIsMalformed() {
        // A first byte shaped like a value type (bits 7-6 = 01) is read as one, as the reference
        // decoder does; other negative s33 values are no block type.
        for byte: UInt8 in [0x41, 0x60] {
            #expect(blockTypeError([byte])?.message == "malformed reference type", "\(byte)")
        }
        #expect(blockTypeError([0x80, 0x80, 0x80, 0x80, 0x70])?.message == "malformed block type")
        // Sign bit 32 set but the unused bits clear: not a valid s33 at all.
        #expect(blockTypeError([0x80, 0x80, 0x80, 0x80, 0x10])?.message == "integer too large")
    }

    @Test func blockTypeUnusedBitsAndLength() {
        #expect(blockTypeError([0x80, 0x80, 0x80, 0x80, 0x20])?.message == "integer too large")
        #expect(blockTypeError([0x80, 0x80, 0x80, 0x80, 0x80, 0x00])?.message == "integer representation too long")
        #expect(blockTypeError([0x80])?.message == "unexpected end of section or function")
        #expect(blockTypeError([])?.message == "unexpected end of section or function")
    }

    // MARK: Counts and names

    @Test func countsLargerThanTheInputFailBeforeAllocating() throws {
        // The error is where the bytes run out, as reading the elements would have found it.
        var reader = ByteReader(bytes: [0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00])
        #expect(throws: DecodingError("unexpected end of section or function", offset: 6)) { try reader.readCount() }
        var pairs = ByteReader(bytes: [0x03, 0x00, 0x00, 0x00, 0x00])
        #expect(throws: DecodingError("unexpected end of section or function", offset: 5)) {
            try pairs.readCount(minElementSize: 2)
        }
        var fits = ByteReader(bytes: [0x02, 0x00, 0x00])
        #expect(try fits.readCount() == 2)
    }

    @Test func namesMustBeValidUTF8() throws {
        var good = ByteReader(bytes: Binary.name("héllo ⚡️"))
        #expect(try good.readName() == "héllo ⚡️")
        let malformed: [[UInt8]] = [
            [0xC0, 0x80],  // overlong NUL
            [0xE0, 0x80, 0x80],  // overlong
            [0xED, 0xA0, 0x80],  // surrogate U+D800
            [0xF4, 0x90, 0x80, 0x80],  // above U+10FFFF
            [0x80],  // lone continuation byte
            [0xE2, 0x82],  // truncated sequence
            [0xFF],
        ]
        for raw in malformed {
            var reader = ByteReader(bytes: [UInt8(raw.count)] + raw)
            #expect(throws: DecodingError("malformed UTF-8 encoding", offset: 1), "\(raw)") { try reader.readName() }
        }
        var tooLong = ByteReader(bytes: [0x05, 0x61])
        #expect(throws: DecodingError.self) { try tooLong.readName() }
    }
}

/// A small deterministic PRNG (SplitMix64) so that randomized tests replay identically.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
