/// Reads the primitive encodings of the binary format (bytes, LEB128 integers, floats, names)
/// with the spec's limits. Every read is bounds-checked and throws ``DecodingError``.
public struct ByteReader {
    public let bytes: [UInt8]
    public internal(set) var offset: Int
    /// Reads never go past this index (the end of the module). Sections and function bodies are not
    /// separate limits: like the reference interpreter, the decoder reads on and then compares
    /// where it stopped with the declared size ("section size mismatch").
    public var limit: Int

    public init(bytes: [UInt8], offset: Int = 0, limit: Int? = nil) {
        self.bytes = bytes
        self.offset = offset
        self.limit = limit ?? bytes.count
    }

    public var isAtEnd: Bool { offset >= limit }
    public var remaining: Int { limit - offset }

    /// The spec suite's text for running out of bytes anywhere.
    static let unexpectedEnd = "unexpected end of section or function"

    @inline(__always)
    func error(_ message: String, at offset: Int? = nil) -> DecodingError {
        DecodingError(message, offset: offset ?? self.offset)
    }

    public mutating func readByte() throws(DecodingError) -> UInt8 {
        guard offset < limit else { throw error(Self.unexpectedEnd) }
        let b = bytes[offset]
        offset += 1
        return b
    }

    public func peekByte() -> UInt8? {
        offset < limit ? bytes[offset] : nil
    }

    public mutating func readBytes(_ count: Int) throws(DecodingError) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw error(Self.unexpectedEnd)
        }
        let slice = Array(bytes[offset..<offset + count])
        offset += count
        return slice
    }

    public mutating func skip(_ count: Int) throws(DecodingError) {
        guard count >= 0, count <= remaining else { throw error(Self.unexpectedEnd) }
        offset += count
    }

    /// Unsigned LEB128 of at most `bits` bits (32 or 64).
    public mutating func readUnsigned(bits: Int) throws(DecodingError) -> UInt64 {
        var result: UInt64 = 0
        var shift = 0
        let maxBytes = (bits + 6) / 7
        for index in 0..<maxBytes {
            let byte = try readByte()
            let payload = UInt64(byte & 0x7F)
            if index == maxBytes - 1 {
                // The last byte may only carry the bits that fit.
                let usedBits = bits - shift
                if byte & 0x80 != 0 { throw error("integer representation too long", at: offset - 1) }
                if usedBits < 7, payload >> UInt64(usedBits) != 0 {
                    throw error("integer too large", at: offset - 1)
                }
            }
            result |= payload << UInt64(shift)
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        throw error("integer representation too long")
    }

    /// Signed LEB128 of at most `bits` bits (7, 32 or 64).
    public mutating func readSigned(bits: Int) throws(DecodingError) -> Int64 {
        var result: Int64 = 0
        var shift = 0
        let maxBytes = (bits + 6) / 7
        for index in 0..<maxBytes {
            let byte = try readByte()
            let payload = Int64(byte & 0x7F)
            if index == maxBytes - 1 {
                if byte & 0x80 != 0 { throw error("integer representation too long", at: offset - 1) }
                // Unused high bits must all equal the sign bit.
                let usedBits = bits - shift
                if usedBits < 7 {
                    let unused = (byte & 0x7F) >> UInt8(usedBits)
                    let sign = (byte >> UInt8(usedBits - 1)) & 1
                    let expected: UInt8 = sign == 1 ? 0x7F >> UInt8(usedBits) : 0
                    if unused != expected { throw error("integer too large", at: offset - 1) }
                }
            }
            result |= payload << Int64(shift)
            shift += 7
            if byte & 0x80 == 0 {
                if shift < 64, byte & 0x40 != 0 { result |= -1 << Int64(shift) }
                return result
            }
        }
        throw error("integer representation too long")
    }

    public mutating func readU32() throws(DecodingError) -> UInt32 {
        UInt32(truncatingIfNeeded: try readUnsigned(bits: 32))
    }

    public mutating func readS32() throws(DecodingError) -> Int32 {
        Int32(truncatingIfNeeded: try readSigned(bits: 32))
    }

    public mutating func readS64() throws(DecodingError) -> Int64 {
        try readSigned(bits: 64)
    }

    public mutating func readFixedU32() throws(DecodingError) -> UInt32 {
        guard remaining >= 4 else { throw error(Self.unexpectedEnd) }
        var v: UInt32 = 0
        for i in 0..<4 { v |= UInt32(bytes[offset + i]) << UInt32(8 * i) }
        offset += 4
        return v
    }

    public mutating func readFixedU64() throws(DecodingError) -> UInt64 {
        guard remaining >= 8 else { throw error(Self.unexpectedEnd) }
        var v: UInt64 = 0
        for i in 0..<8 { v |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        offset += 8
        return v
    }

    /// A length (of a vector, name, section or body): beyond the bytes left it is "length out of
    /// bounds", as the spec's decoder says.
    public mutating func readLength() throws(DecodingError) -> Int {
        let start = offset
        let length = Int(try readU32())
        guard length <= remaining else { throw error("length out of bounds", at: start) }
        return length
    }

    /// A vector length. The spec's decoder would read elements until the bytes run out; a count
    /// the bytes left cannot back (each element takes at least `minElementSize`) ends the same way
    /// at once, so that a hostile count never makes the decoder reserve memory.
    public mutating func readCount(minElementSize: Int = 1) throws(DecodingError) -> Int {
        let count = Int(try readU32())
        if count > remaining / max(minElementSize, 1) { throw error(Self.unexpectedEnd, at: limit) }
        return count
    }

    public mutating func readName() throws(DecodingError) -> String {
        let length = try readLength()
        let start = offset
        let raw = Array(bytes[offset..<offset + length])
        offset += length
        guard UTF8Validation.isValid(raw) else { throw error("malformed UTF-8 encoding", at: start) }
        return String(decoding: raw, as: UTF8.self)
    }
}

/// Strict UTF-8 validation per the Unicode standard (no overlongs, no surrogates, max U+10FFFF).
enum UTF8Validation {
    static func isValid(_ bytes: [UInt8]) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i += 1; continue }
            let length: Int
            var minCodePoint: UInt32
            var cp: UInt32
            if b0 & 0xE0 == 0xC0 {
                length = 2; cp = UInt32(b0 & 0x1F); minCodePoint = 0x80
            } else if b0 & 0xF0 == 0xE0 {
                length = 3; cp = UInt32(b0 & 0x0F); minCodePoint = 0x800
            } else if b0 & 0xF8 == 0xF0 {
                length = 4; cp = UInt32(b0 & 0x07); minCodePoint = 0x10000
            } else {
                return false
            }
            guard i + length <= n else { return false }
            for k in 1..<length {
                let b = bytes[i + k]
                guard b & 0xC0 == 0x80 else { return false }
                cp = cp << 6 | UInt32(b & 0x3F)
            }
            if cp < minCodePoint || cp > 0x10FFFF || (0xD800...0xDFFF).contains(cp) { return false }
            minCodePoint = 0
            i += length
        }
        return true
    }
}
