/// A number the memory manager loads and stores directly, little-endian as WebAssembly does.
///
/// `Bool` is stored like a gene's bool: an i32 holding 0 or 1 (any non-zero loads as `true`).
public protocol MemoryScalar: Sendable {
    /// Bytes in memory.
    static var byteSize: Int { get }
    init(littleEndianBytes bytes: ArraySlice<UInt8>)
    var littleEndianBytes: [UInt8] { get }
}

extension MemoryScalar where Self: FixedWidthInteger {
    public static var byteSize: Int { MemoryLayout<Self>.size }

    public init(littleEndianBytes bytes: ArraySlice<UInt8>) {
        var raw: UInt64 = 0
        for (index, byte) in bytes.enumerated() { raw |= UInt64(byte) << (8 * UInt64(index)) }
        self.init(truncatingIfNeeded: raw)
    }

    public var littleEndianBytes: [UInt8] {
        // Sign-extending to 64 bits keeps the low bytes of negative values intact.
        let raw = UInt64(truncatingIfNeeded: self)
        return (0..<Self.byteSize).map { UInt8(truncatingIfNeeded: raw >> (8 * UInt64($0))) }
    }
}

extension Int8: MemoryScalar {}
extension UInt8: MemoryScalar {}
extension Int16: MemoryScalar {}
extension UInt16: MemoryScalar {}
extension Int32: MemoryScalar {}
extension UInt32: MemoryScalar {}
extension Int64: MemoryScalar {}
extension UInt64: MemoryScalar {}

extension Float: MemoryScalar {
    public static var byteSize: Int { 4 }
    public init(littleEndianBytes bytes: ArraySlice<UInt8>) { self.init(bitPattern: UInt32(littleEndianBytes: bytes)) }
    public var littleEndianBytes: [UInt8] { bitPattern.littleEndianBytes }
}

extension Double: MemoryScalar {
    public static var byteSize: Int { 8 }
    public init(littleEndianBytes bytes: ArraySlice<UInt8>) { self.init(bitPattern: UInt64(littleEndianBytes: bytes)) }
    public var littleEndianBytes: [UInt8] { bitPattern.littleEndianBytes }
}

extension Bool: MemoryScalar {
    public static var byteSize: Int { 4 }
    public init(littleEndianBytes bytes: ArraySlice<UInt8>) { self = UInt32(littleEndianBytes: bytes) != 0 }
    public var littleEndianBytes: [UInt8] { UInt32(self ? 1 : 0).littleEndianBytes }
}
