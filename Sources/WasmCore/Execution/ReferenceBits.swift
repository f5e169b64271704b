/// How references of the `any` and `extern` hierarchies sit in a 64-bit slot. Both share one
/// encoding, because `any.convert_extern` and `extern.convert_any` must not change a reference:
///
/// - 0 is null;
/// - bit 0 set: an `i31`, its 31 bits above that tag bit;
/// - low bits `10`: a host value (an `ExternAddress`), above those two bits;
/// - low bits `100`: a `struct` or `array` object, the rest its address (see GCHeap.swift).
///
/// (Function references are `FunctionEntry` pointers, and exceptions their index plus one: other
/// hierarchies, which no instruction converts into these.)
enum ReferenceBits {
    static func externAddress(_ bits: UInt64) -> ExternAddress? {
        bits & 0b11 == 0b10 ? ExternAddress(UInt32(truncatingIfNeeded: bits >> 2)) : nil
    }

    /// An `i31` (the other kinds of `any` reference need the store; see `Store.anyReference`).
    static func anyReference(_ bits: UInt64) -> AnyReference? {
        bits & 1 == 1 ? .i31(Int32(truncatingIfNeeded: bits) >> 1) : nil
    }

    static func isObject(_ bits: UInt64) -> Bool { bits & 0b111 == 0b100 }

    static func object(_ bits: UInt64) -> UnsafeMutableRawPointer? {
        UnsafeMutableRawPointer(bitPattern: UInt(truncatingIfNeeded: bits & ~0b111))
    }

    static func make(object: UnsafeMutableRawPointer) -> UInt64 { UInt64(UInt(bitPattern: object)) | 0b100 }

    static func make(extern address: ExternAddress) -> UInt64 { UInt64(address.value) << 2 | 0b10 }

    static func make(any reference: AnyReference) -> UInt64 {
        switch reference {
        case .i31(let value): UInt64(UInt32(bitPattern: value) & 0x7FFF_FFFF) << 1 | 1
        case .object(let object): object.bits
        case .host(let address): make(extern: address)
        }
    }
}
