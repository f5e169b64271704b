/// The two string forms of the Spirit ABI: length-prefixed (gene `string` fields) and raw
/// `(ptr, len)` UTF-8 (host function arguments).
extension MemoryManager {
    /// Allocates a length-prefixed string: a little-endian u32 byte count, then the UTF-8 bytes,
    /// 4-aligned. Returns its address.
    public func encodeString(_ string: String) throws(MemoryError) -> UInt32 {
        let utf8 = Array(string.utf8)
        guard utf8.count <= Int(UInt32.max) - 4 else { throw .outOfMemory(requested: UInt64(utf8.count) + 4) }
        let pointer = try alloc(4 + utf8.count, alignment: 4)
        try writeBytes(UInt32(utf8.count).littleEndianBytes + utf8, at: pointer)
        return pointer
    }

    /// Reads a length-prefixed string. Address 0 is the empty string (a null string field).
    public func decodeString(at pointer: UInt32) throws(MemoryError) -> String {
        if pointer == 0 { return "" }
        let length = try load(UInt32.self, at: pointer)
        let (start, overflow) = pointer.addingReportingOverflow(4)
        guard !overflow else {
            throw .outOfBounds(address: UInt64(pointer), count: 4 + UInt64(length), memorySize: UInt64(byteCount))
        }
        return try readRawString(at: start, length: length)
    }

    /// Allocates a raw UTF-8 string (no prefix) and returns its `(pointer, length)`.
    public func writeRawString(_ string: String) throws(MemoryError) -> (pointer: UInt32, length: UInt32) {
        let utf8 = Array(string.utf8)
        let pointer = try allocate(bytes: utf8, alignment: 1)
        return (pointer, UInt32(utf8.count))
    }

    /// Reads `length` bytes of UTF-8 at `pointer`; invalid UTF-8 is an error, not replaced.
    public func readRawString(at pointer: UInt32, length: UInt32) throws(MemoryError) -> String {
        let bytes = try readBytes(at: pointer, count: Int(length))
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidUTF8(address: pointer) }
        return string
    }
}
