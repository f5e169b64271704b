/// Appends binary-format encodings to a byte array.
struct BinaryWriter {
    var bytes: [UInt8] = []

    init() {}

    mutating func byte(_ value: UInt8) {
        bytes.append(value)
    }

    mutating func append(_ other: [UInt8]) {
        bytes.append(contentsOf: other)
    }

    /// Unsigned LEB128.
    mutating func unsigned(_ value: UInt64) {
        var rest = value
        repeat {
            var byte = UInt8(rest & 0x7F)
            rest >>= 7
            if rest != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest != 0
    }

    mutating func u32(_ value: UInt32) {
        unsigned(UInt64(value))
    }

    mutating func u32(_ value: Int) {
        unsigned(UInt64(truncatingIfNeeded: value))
    }

    /// Signed LEB128 (used for s32, s33 and s64 alike: the shortest encoding of the value).
    mutating func signed(_ value: Int64) {
        var rest = value
        while true {
            let byte = UInt8(truncatingIfNeeded: rest & 0x7F)
            rest >>= 7
            let done = (rest == 0 && byte & 0x40 == 0) || (rest == -1 && byte & 0x40 != 0)
            bytes.append(done ? byte : byte | 0x80)
            if done { return }
        }
    }

    mutating func fixed32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func fixed64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }

    /// A length-prefixed byte string (names, data, custom section contents).
    mutating func string(_ value: [UInt8]) {
        u32(value.count)
        bytes.append(contentsOf: value)
    }
}
