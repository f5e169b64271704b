/// WebAssembly's numeric semantics where Swift's operators differ: trapping division,
/// rotations, NaN-propagating min/max with signed zeros, and checked or saturating truncation.
enum Numeric {
    @inline(__always) static func divS32(_ x: UInt32, _ y: UInt32) throws(TrapReason) -> UInt32 {
        if y == 0 { throw .integerDivideByZero }
        if x == 0x8000_0000 && y == 0xFFFF_FFFF { throw .integerOverflow }
        return UInt32(bitPattern: Int32(bitPattern: x) / Int32(bitPattern: y))
    }
    @inline(__always) static func divU32(_ x: UInt32, _ y: UInt32) throws(TrapReason) -> UInt32 {
        if y == 0 { throw .integerDivideByZero }
        return x / y
    }
    @inline(__always) static func remS32(_ x: UInt32, _ y: UInt32) throws(TrapReason) -> UInt32 {
        if y == 0 { throw .integerDivideByZero }
        if y == 0xFFFF_FFFF { return 0 }
        return UInt32(bitPattern: Int32(bitPattern: x) % Int32(bitPattern: y))
    }
    @inline(__always) static func remU32(_ x: UInt32, _ y: UInt32) throws(TrapReason) -> UInt32 {
        if y == 0 { throw .integerDivideByZero }
        return x % y
    }
    @inline(__always) static func divS64(_ x: UInt64, _ y: UInt64) throws(TrapReason) -> UInt64 {
        if y == 0 { throw .integerDivideByZero }
        if x == 0x8000_0000_0000_0000 && y == UInt64.max { throw .integerOverflow }
        return UInt64(bitPattern: Int64(bitPattern: x) / Int64(bitPattern: y))
    }
    @inline(__always) static func divU64(_ x: UInt64, _ y: UInt64) throws(TrapReason) -> UInt64 {
        if y == 0 { throw .integerDivideByZero }
        return x / y
    }
    @inline(__always) static func remS64(_ x: UInt64, _ y: UInt64) throws(TrapReason) -> UInt64 {
        if y == 0 { throw .integerDivideByZero }
        if y == UInt64.max { return 0 }
        return UInt64(bitPattern: Int64(bitPattern: x) % Int64(bitPattern: y))
    }
    @inline(__always) static func remU64(_ x: UInt64, _ y: UInt64) throws(TrapReason) -> UInt64 {
        if y == 0 { throw .integerDivideByZero }
        return x % y
    }

    @inline(__always) static func rotl32(_ x: UInt32, _ n: UInt32) -> UInt32 { x &<< n | x &>> (32 &- n) }
    @inline(__always) static func rotr32(_ x: UInt32, _ n: UInt32) -> UInt32 { x &>> n | x &<< (32 &- n) }
    @inline(__always) static func rotl64(_ x: UInt64, _ n: UInt64) -> UInt64 { x &<< n | x &>> (64 &- n) }
    @inline(__always) static func rotr64(_ x: UInt64, _ n: UInt64) -> UInt64 { x &>> n | x &<< (64 &- n) }

    /// wasm `min`: NaN if either operand is NaN, and -0 is less than +0 (Swift's `min` differs on both).
    @inline(__always) static func minimum<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return x + y }
        if x == y { return x.sign == .minus ? x : y }
        return x < y ? x : y
    }

    @inline(__always) static func maximum<F: BinaryFloatingPoint>(_ x: F, _ y: F) -> F {
        if x.isNaN || y.isNaN { return x + y }
        if x == y { return x.sign == .minus ? y : x }
        return x > y ? x : y
    }

    // Trapping truncations. Every f32 converts to Double exactly, so one set of bounds serves both.
    @inline(__always) static func truncS32(_ x: Double) throws(TrapReason) -> UInt32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -2147483649.0, x < 2147483648.0 else { throw .integerOverflow }
        return UInt32(bitPattern: Int32(x))
    }
    @inline(__always) static func truncU32(_ x: Double) throws(TrapReason) -> UInt32 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0, x < 4294967296.0 else { throw .integerOverflow }
        return UInt32(x)
    }
    @inline(__always) static func truncS64(_ x: Double) throws(TrapReason) -> UInt64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x >= -9223372036854775808.0, x < 9223372036854775808.0 else { throw .integerOverflow }
        return UInt64(bitPattern: Int64(x))
    }
    @inline(__always) static func truncU64(_ x: Double) throws(TrapReason) -> UInt64 {
        if x.isNaN { throw .invalidConversionToInteger }
        guard x > -1.0, x < 18446744073709551616.0 else { throw .integerOverflow }
        return UInt64(x)
    }

    // Saturating truncations: NaN gives 0, out-of-range values clamp.
    @inline(__always) static func satS32(_ x: Double) -> UInt32 {
        if x.isNaN { return 0 }
        if x <= -2147483648.0 { return UInt32(bitPattern: Int32.min) }
        if x >= 2147483647.0 { return UInt32(bitPattern: Int32.max) }
        return UInt32(bitPattern: Int32(x))
    }
    @inline(__always) static func satU32(_ x: Double) -> UInt32 {
        if x.isNaN || x <= 0 { return 0 }
        if x >= 4294967295.0 { return UInt32.max }
        return UInt32(x)
    }
    @inline(__always) static func satS64(_ x: Double) -> UInt64 {
        if x.isNaN { return 0 }
        if x <= -9223372036854775808.0 { return UInt64(bitPattern: Int64.min) }
        if x >= 9223372036854775808.0 { return UInt64(bitPattern: Int64.max) }
        return UInt64(bitPattern: Int64(x))
    }
    @inline(__always) static func satU64(_ x: Double) -> UInt64 {
        if x.isNaN || x <= 0 { return 0 }
        if x >= 18446744073709551616.0 { return UInt64.max }
        return UInt64(x)
    }
}

/// Reinterprets the bits of a value. `Float(bitPattern:)` and `.bitPattern` are not always inlined
/// into the interpreter's large loop (they were seen as calls through the PLT); a bit cast is.
@inline(__always)
func bitCast<T, U>(_ value: T, to type: U.Type) -> U {
    unsafeBitCast(value, to: type)
}
