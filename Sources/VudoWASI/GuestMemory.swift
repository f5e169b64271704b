import Vudo
import WasmCore

/// Bounds-checked access to the caller's linear memory, in the ABI's little-endian layout. Every
/// out-of-bounds access is `EFAULT` for the guest, never a trap.
struct GuestMemory {
    let instance: MemoryInstance?

    private func memory() throws(WASIErrno) -> MemoryInstance {
        guard let instance else { throw .fault }
        return instance
    }

    func bytes(at address: UInt32, count: UInt32) throws(WASIErrno) -> [UInt8] {
        guard let bytes = try memory().read(at: Int(address), count: Int(count)) else { throw .fault }
        return bytes
    }

    func write(_ bytes: [UInt8], at address: UInt32) throws(WASIErrno) {
        guard try memory().write(bytes, at: Int(address)) else { throw .fault }
    }

    /// Checks that `count` bytes at `address` are inside memory, without copying.
    func check(_ address: UInt32, count: UInt32) throws(WASIErrno) {
        guard UInt64(address) + UInt64(count) <= UInt64(try memory().byteCount) else { throw .fault }
    }

    func u8(at address: UInt32) throws(WASIErrno) -> UInt8 { try bytes(at: address, count: 1)[0] }

    func u16(at address: UInt32) throws(WASIErrno) -> UInt16 {
        UInt16(truncatingIfNeeded: Self.decode(try bytes(at: address, count: 2)))
    }

    func u32(at address: UInt32) throws(WASIErrno) -> UInt32 {
        UInt32(truncatingIfNeeded: Self.decode(try bytes(at: address, count: 4)))
    }

    func u64(at address: UInt32) throws(WASIErrno) -> UInt64 { Self.decode(try bytes(at: address, count: 8)) }

    func store(_ value: UInt32, at address: UInt32) throws(WASIErrno) { try write(Self.encode(value), at: address) }
    func store(_ value: UInt64, at address: UInt32) throws(WASIErrno) { try write(Self.encode(value), at: address) }

    /// A UTF-8 string (a path), `EILSEQ` when it is not valid UTF-8 and `EINVAL` when it holds a NUL.
    func string(at address: UInt32, count: UInt32) throws(WASIErrno) -> String {
        let bytes = try bytes(at: address, count: count)
        guard !bytes.contains(0) else { throw .invalid }
        guard let string = String(validating: bytes, as: UTF8.self) else { throw .illegalSequence }
        return string
    }

    static func decode(_ bytes: some Collection<UInt8>) -> UInt64 {
        var value: UInt64 = 0
        for (shift, byte) in bytes.enumerated() { value |= UInt64(byte) << (8 * shift) }
        return value
    }

    static func encode<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        (0..<(T.bitWidth / 8)).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }
}

/// Builds a fixed-layout ABI record (fdstat, filestat, event, dirent) byte by byte.
struct ABIRecord {
    var bytes: [UInt8]

    init(size: Int) { bytes = [UInt8](repeating: 0, count: size) }

    mutating func set<T: FixedWidthInteger>(_ value: T, at offset: Int) {
        for (k, byte) in GuestMemory.encode(value).enumerated() { bytes[offset + k] = byte }
    }
}
