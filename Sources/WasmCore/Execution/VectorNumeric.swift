/// WebAssembly's vector semantics where Swift's SIMD types have no operation that does it: lane
/// conversions, saturation, NaN-propagating min/max with signed zeros, rounding, lane permutations.
/// The vector handlers (Generated/Handlers+Vector.swift) call these.
///
/// Every function here is concrete and always inlined: Swift's SIMD types compute comparisons and
/// integer arithmetic with vector instructions only where the lane type is known (a generic
/// function gets the lane-by-lane loops of the `SIMD` protocol's extensions), and conversions
/// between lane types are written lane by lane with constant indices, which the optimizer turns
/// into vector shuffles, where the standard library's generic conversions stay calls.
enum VectorNumeric {
    // MARK: Lanes as bits

    /// Whether any bit of a 16-byte value is set (`v128.any_true`, `all_true` of its zero lanes).
    @inline(__always)
    static func hasBits<T>(_ value: T) -> Bool {
        let words = unsafeBitCast(value, to: SIMD2<UInt64>.self)
        return (words[0] | words[1]) != 0
    }

    // Bit i is lane i's top bit: each lane's top bit moved to bit 0 of its lane, then one multiply
    // per 8-byte word gathers the lanes' bits into the word's top lane without carries.

    @inline(__always)
    static func bitmask(_ x: SIMD16<UInt8>) -> UInt32 {
        let words = unsafeBitCast(x &>> 7, to: SIMD2<UInt64>.self) &* 0x0102_0408_1020_4080
        return UInt32(truncatingIfNeeded: words[0] &>> 56 | (words[1] &>> 56) &<< 8)
    }

    @inline(__always)
    static func bitmask(_ x: SIMD8<UInt16>) -> UInt32 {
        let words = unsafeBitCast(x &>> 15, to: SIMD2<UInt64>.self) &* 0x0001_0002_0004_0008
        return UInt32(truncatingIfNeeded: (words[0] &>> 48) & 0xF | ((words[1] &>> 48) & 0xF) &<< 4)
    }

    @inline(__always)
    static func bitmask(_ x: SIMD4<UInt32>) -> UInt32 {
        let words = unsafeBitCast(x &>> 31, to: SIMD2<UInt64>.self) &* 0x0000_0001_0000_0002
        return UInt32(truncatingIfNeeded: (words[0] &>> 32) & 3 | ((words[1] &>> 32) & 3) &<< 2)
    }

    @inline(__always)
    static func bitmask(_ x: SIMD2<UInt64>) -> UInt32 {
        UInt32(truncatingIfNeeded: x[0] &>> 63 | (x[1] &>> 63) &<< 1)
    }

    /// Set bits per byte: pairs, then nibbles, then bytes.
    @inline(__always)
    static func popcount(_ x: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let pairs = x &- ((x &>> 1) & 0x55)
        let nibbles = (pairs & 0x33) &+ ((pairs &>> 2) & 0x33)
        return (nibbles &+ (nibbles &>> 4)) & 0x0F
    }

    /// Shifts every lane by the scalar `y` modulo the lane width, as wasm's shifts do (Swift's
    /// masking shifts, lane by lane; the lane loop has no comparison, and becomes one vector shift).
    @inline(__always)
    static func shiftLeft<V: SIMD>(_ x: V, _ y: UInt32) -> V where V.Scalar: FixedWidthInteger {
        x &<< V(repeating: V.Scalar(truncatingIfNeeded: y))
    }

    @inline(__always)
    static func shiftRight<V: SIMD>(_ x: V, _ y: UInt32) -> V where V.Scalar: FixedWidthInteger {
        x &>> V(repeating: V.Scalar(truncatingIfNeeded: y))
    }

    // MARK: Saturating arithmetic

    // Unsigned: a sum below either operand wrapped, a difference wraps when y > x.
    @inline(__always)
    static func addSaturating(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> SIMD16<UInt8> {
        let sum = x &+ y
        return sum.replacing(with: .max, where: sum .< x)
    }

    @inline(__always)
    static func addSaturating(_ x: SIMD8<UInt16>, _ y: SIMD8<UInt16>) -> SIMD8<UInt16> {
        let sum = x &+ y
        return sum.replacing(with: .max, where: sum .< x)
    }

    @inline(__always)
    static func subtractSaturating(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> SIMD16<UInt8> {
        (x &- y).replacing(with: 0, where: x .< y)
    }

    @inline(__always)
    static func subtractSaturating(_ x: SIMD8<UInt16>, _ y: SIMD8<UInt16>) -> SIMD8<UInt16> {
        (x &- y).replacing(with: 0, where: x .< y)
    }

    // Signed: the result overflowed where its sign differs from both operands' (sum) or from x's
    // with y's sign different too (difference); then it saturates toward x's sign.
    @inline(__always)
    static func addSaturating(_ x: SIMD16<Int8>, _ y: SIMD16<Int8>) -> SIMD16<Int8> {
        let sum = x &+ y
        let overflowed = ((x ^ sum) & (y ^ sum)) &>> 7
        return (sum & ~overflowed) | (((x &>> 7) ^ .max) & overflowed)
    }

    @inline(__always)
    static func addSaturating(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD8<Int16> {
        let sum = x &+ y
        let overflowed = ((x ^ sum) & (y ^ sum)) &>> 15
        return (sum & ~overflowed) | (((x &>> 15) ^ .max) & overflowed)
    }

    @inline(__always)
    static func subtractSaturating(_ x: SIMD16<Int8>, _ y: SIMD16<Int8>) -> SIMD16<Int8> {
        let difference = x &- y
        let overflowed = ((x ^ y) & (x ^ difference)) &>> 7
        return (difference & ~overflowed) | (((x &>> 7) ^ .max) & overflowed)
    }

    @inline(__always)
    static func subtractSaturating(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD8<Int16> {
        let difference = x &- y
        let overflowed = ((x ^ y) & (x ^ difference)) &>> 15
        return (difference & ~overflowed) | (((x &>> 15) ^ .max) & overflowed)
    }

    // MARK: Products in pairs of lanes

    // A lane of twice the width holds an even lane in its low half and an odd lane in its high
    // half: shifts split them, sign- or zero-extended, without shuffles.

    /// `(x * y + 2^14) >> 15`, saturated: Q15 fixed-point multiplication, rounding (only
    /// -32768 * -32768 saturates).
    @inline(__always)
    static func q15MultiplyRounding(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD8<Int16> {
        let wx = unsafeBitCast(x, to: SIMD4<Int32>.self)
        let wy = unsafeBitCast(y, to: SIMD4<Int32>.self)
        let even = (((wx &<< 16) &>> 16) &* ((wy &<< 16) &>> 16) &+ 0x4000) &>> 15
        let odd = ((wx &>> 16) &* (wy &>> 16) &+ 0x4000) &>> 15
        let overflow = SIMD4<Int32>(repeating: 0x8000)
        let evenSaturated = even.replacing(with: 0x7FFF, where: even .== overflow)
        let oddSaturated = odd.replacing(with: 0x7FFF, where: odd .== overflow)
        return unsafeBitCast((evenSaturated & 0xFFFF) | (oddSaturated &<< 16), to: SIMD8<Int16>.self)
    }

    /// `x[2i] * y[2i] + x[2i+1] * y[2i+1]` in 32-bit lanes, wrapping (`i32x4.dot_i16x8_s`).
    @inline(__always)
    static func dot(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD4<Int32> {
        let wx = unsafeBitCast(x, to: SIMD4<Int32>.self)
        let wy = unsafeBitCast(y, to: SIMD4<Int32>.self)
        return ((wx &<< 16) &>> 16) &* ((wy &<< 16) &>> 16) &+ (wx &>> 16) &* (wy &>> 16)
    }

    /// `x[2i] * y[2i] + x[2i+1] * y[2i+1]` in 16-bit lanes, both signed, wrapping.
    @inline(__always)
    static func dot(_ x: SIMD16<Int8>, _ y: SIMD16<Int8>) -> SIMD8<Int16> {
        let wx = unsafeBitCast(x, to: SIMD8<Int16>.self)
        let wy = unsafeBitCast(y, to: SIMD8<Int16>.self)
        return ((wx &<< 8) &>> 8) &* ((wy &<< 8) &>> 8) &+ (wx &>> 8) &* (wy &>> 8)
    }

    /// The four products of each 32-bit lane's bytes, both signed, summed exactly, plus `z`.
    @inline(__always)
    static func dotAdd(_ x: SIMD16<Int8>, _ y: SIMD16<Int8>, _ z: SIMD4<Int32>) -> SIMD4<Int32> {
        let wx = unsafeBitCast(x, to: SIMD4<Int32>.self)
        let wy = unsafeBitCast(y, to: SIMD4<Int32>.self)
        let byte0 = ((wx &<< 24) &>> 24) &* ((wy &<< 24) &>> 24)
        let byte1 = ((wx &<< 16) &>> 24) &* ((wy &<< 16) &>> 24)
        let byte2 = ((wx &<< 8) &>> 24) &* ((wy &<< 8) &>> 24)
        let byte3 = (wx &>> 24) &* (wy &>> 24)
        return byte0 &+ byte1 &+ byte2 &+ byte3 &+ z
    }

    /// Lanes `2i` and `2i + 1` added in a lane of twice the width (`extadd_pairwise`).
    @inline(__always)
    static func addPairs(_ x: SIMD16<Int8>) -> SIMD8<Int16> {
        let w = unsafeBitCast(x, to: SIMD8<Int16>.self)
        return ((w &<< 8) &>> 8) &+ (w &>> 8)
    }

    @inline(__always)
    static func addPairs(_ x: SIMD16<UInt8>) -> SIMD8<UInt16> {
        let w = unsafeBitCast(x, to: SIMD8<UInt16>.self)
        return (w & 0xFF) &+ (w &>> 8)
    }

    @inline(__always)
    static func addPairs(_ x: SIMD8<Int16>) -> SIMD4<Int32> {
        let w = unsafeBitCast(x, to: SIMD4<Int32>.self)
        return ((w &<< 16) &>> 16) &+ (w &>> 16)
    }

    @inline(__always)
    static func addPairs(_ x: SIMD8<UInt16>) -> SIMD4<UInt32> {
        let w = unsafeBitCast(x, to: SIMD4<UInt32>.self)
        return (w & 0xFFFF) &+ (w &>> 16)
    }

    // MARK: Widening and narrowing

    // The low or high half of the lanes, or all lanes of a half-size vector (a load), sign- or
    // zero-extended as the source type says.

    @inline(__always)
    static func widenLow(_ x: SIMD16<Int8>) -> SIMD8<Int16> {
        SIMD8<Int16>(
            Int16(truncatingIfNeeded: x[0]), Int16(truncatingIfNeeded: x[1]), Int16(truncatingIfNeeded: x[2]),
            Int16(truncatingIfNeeded: x[3]), Int16(truncatingIfNeeded: x[4]), Int16(truncatingIfNeeded: x[5]),
            Int16(truncatingIfNeeded: x[6]), Int16(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD16<Int8>) -> SIMD8<Int16> {
        SIMD8<Int16>(
            Int16(truncatingIfNeeded: x[8]), Int16(truncatingIfNeeded: x[9]), Int16(truncatingIfNeeded: x[10]),
            Int16(truncatingIfNeeded: x[11]), Int16(truncatingIfNeeded: x[12]), Int16(truncatingIfNeeded: x[13]),
            Int16(truncatingIfNeeded: x[14]), Int16(truncatingIfNeeded: x[15]))
    }

    @inline(__always)
    static func widen(_ x: SIMD8<Int8>) -> SIMD8<Int16> {
        SIMD8<Int16>(
            Int16(truncatingIfNeeded: x[0]), Int16(truncatingIfNeeded: x[1]), Int16(truncatingIfNeeded: x[2]),
            Int16(truncatingIfNeeded: x[3]), Int16(truncatingIfNeeded: x[4]), Int16(truncatingIfNeeded: x[5]),
            Int16(truncatingIfNeeded: x[6]), Int16(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widenLow(_ x: SIMD16<UInt8>) -> SIMD8<UInt16> {
        SIMD8<UInt16>(
            UInt16(truncatingIfNeeded: x[0]), UInt16(truncatingIfNeeded: x[1]), UInt16(truncatingIfNeeded: x[2]),
            UInt16(truncatingIfNeeded: x[3]), UInt16(truncatingIfNeeded: x[4]), UInt16(truncatingIfNeeded: x[5]),
            UInt16(truncatingIfNeeded: x[6]), UInt16(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD16<UInt8>) -> SIMD8<UInt16> {
        SIMD8<UInt16>(
            UInt16(truncatingIfNeeded: x[8]), UInt16(truncatingIfNeeded: x[9]), UInt16(truncatingIfNeeded: x[10]),
            UInt16(truncatingIfNeeded: x[11]), UInt16(truncatingIfNeeded: x[12]), UInt16(truncatingIfNeeded: x[13]),
            UInt16(truncatingIfNeeded: x[14]), UInt16(truncatingIfNeeded: x[15]))
    }

    @inline(__always)
    static func widen(_ x: SIMD8<UInt8>) -> SIMD8<UInt16> {
        SIMD8<UInt16>(
            UInt16(truncatingIfNeeded: x[0]), UInt16(truncatingIfNeeded: x[1]), UInt16(truncatingIfNeeded: x[2]),
            UInt16(truncatingIfNeeded: x[3]), UInt16(truncatingIfNeeded: x[4]), UInt16(truncatingIfNeeded: x[5]),
            UInt16(truncatingIfNeeded: x[6]), UInt16(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widenLow(_ x: SIMD8<Int16>) -> SIMD4<Int32> {
        SIMD4<Int32>(
            Int32(truncatingIfNeeded: x[0]), Int32(truncatingIfNeeded: x[1]), Int32(truncatingIfNeeded: x[2]),
            Int32(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD8<Int16>) -> SIMD4<Int32> {
        SIMD4<Int32>(
            Int32(truncatingIfNeeded: x[4]), Int32(truncatingIfNeeded: x[5]), Int32(truncatingIfNeeded: x[6]),
            Int32(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widen(_ x: SIMD4<Int16>) -> SIMD4<Int32> {
        SIMD4<Int32>(
            Int32(truncatingIfNeeded: x[0]), Int32(truncatingIfNeeded: x[1]), Int32(truncatingIfNeeded: x[2]),
            Int32(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widenLow(_ x: SIMD8<UInt16>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(
            UInt32(truncatingIfNeeded: x[0]), UInt32(truncatingIfNeeded: x[1]), UInt32(truncatingIfNeeded: x[2]),
            UInt32(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD8<UInt16>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(
            UInt32(truncatingIfNeeded: x[4]), UInt32(truncatingIfNeeded: x[5]), UInt32(truncatingIfNeeded: x[6]),
            UInt32(truncatingIfNeeded: x[7]))
    }

    @inline(__always)
    static func widen(_ x: SIMD4<UInt16>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(
            UInt32(truncatingIfNeeded: x[0]), UInt32(truncatingIfNeeded: x[1]), UInt32(truncatingIfNeeded: x[2]),
            UInt32(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widenLow(_ x: SIMD4<Int32>) -> SIMD2<Int64> {
        SIMD2<Int64>(Int64(truncatingIfNeeded: x[0]), Int64(truncatingIfNeeded: x[1]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD4<Int32>) -> SIMD2<Int64> {
        SIMD2<Int64>(Int64(truncatingIfNeeded: x[2]), Int64(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widen(_ x: SIMD2<Int32>) -> SIMD2<Int64> {
        SIMD2<Int64>(Int64(truncatingIfNeeded: x[0]), Int64(truncatingIfNeeded: x[1]))
    }

    @inline(__always)
    static func widenLow(_ x: SIMD4<UInt32>) -> SIMD2<UInt64> {
        SIMD2<UInt64>(UInt64(truncatingIfNeeded: x[0]), UInt64(truncatingIfNeeded: x[1]))
    }

    @inline(__always)
    static func widenHigh(_ x: SIMD4<UInt32>) -> SIMD2<UInt64> {
        SIMD2<UInt64>(UInt64(truncatingIfNeeded: x[2]), UInt64(truncatingIfNeeded: x[3]))
    }

    @inline(__always)
    static func widen(_ x: SIMD2<UInt32>) -> SIMD2<UInt64> {
        SIMD2<UInt64>(UInt64(truncatingIfNeeded: x[0]), UInt64(truncatingIfNeeded: x[1]))
    }

    /// The lanes of `x` then `y`, each clamped to the narrower type's range.
    @inline(__always)
    static func narrowSigned(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD16<Int8> {
        let low = SIMD8<Int16>(repeating: -128)
        let high = SIMD8<Int16>(repeating: 127)
        let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let y = y.replacing(with: low, where: y .< low).replacing(with: high, where: y .> high)
        return SIMD16<Int8>(
            Int8(truncatingIfNeeded: x[0]), Int8(truncatingIfNeeded: x[1]), Int8(truncatingIfNeeded: x[2]),
            Int8(truncatingIfNeeded: x[3]), Int8(truncatingIfNeeded: x[4]), Int8(truncatingIfNeeded: x[5]),
            Int8(truncatingIfNeeded: x[6]), Int8(truncatingIfNeeded: x[7]), Int8(truncatingIfNeeded: y[0]),
            Int8(truncatingIfNeeded: y[1]), Int8(truncatingIfNeeded: y[2]), Int8(truncatingIfNeeded: y[3]),
            Int8(truncatingIfNeeded: y[4]), Int8(truncatingIfNeeded: y[5]), Int8(truncatingIfNeeded: y[6]),
            Int8(truncatingIfNeeded: y[7]))
    }

    /// The lanes of `x` then `y`, each clamped to the narrower type's range.
    @inline(__always)
    static func narrowUnsigned(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD16<UInt8> {
        let low = SIMD8<Int16>(repeating: 0)
        let high = SIMD8<Int16>(repeating: 255)
        let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let y = y.replacing(with: low, where: y .< low).replacing(with: high, where: y .> high)
        return SIMD16<UInt8>(
            UInt8(truncatingIfNeeded: x[0]), UInt8(truncatingIfNeeded: x[1]), UInt8(truncatingIfNeeded: x[2]),
            UInt8(truncatingIfNeeded: x[3]), UInt8(truncatingIfNeeded: x[4]), UInt8(truncatingIfNeeded: x[5]),
            UInt8(truncatingIfNeeded: x[6]), UInt8(truncatingIfNeeded: x[7]), UInt8(truncatingIfNeeded: y[0]),
            UInt8(truncatingIfNeeded: y[1]), UInt8(truncatingIfNeeded: y[2]), UInt8(truncatingIfNeeded: y[3]),
            UInt8(truncatingIfNeeded: y[4]), UInt8(truncatingIfNeeded: y[5]), UInt8(truncatingIfNeeded: y[6]),
            UInt8(truncatingIfNeeded: y[7]))
    }

    /// The lanes of `x` then `y`, each clamped to the narrower type's range.
    @inline(__always)
    static func narrowSigned(_ x: SIMD4<Int32>, _ y: SIMD4<Int32>) -> SIMD8<Int16> {
        let low = SIMD4<Int32>(repeating: -32768)
        let high = SIMD4<Int32>(repeating: 32767)
        let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let y = y.replacing(with: low, where: y .< low).replacing(with: high, where: y .> high)
        return SIMD8<Int16>(
            Int16(truncatingIfNeeded: x[0]), Int16(truncatingIfNeeded: x[1]), Int16(truncatingIfNeeded: x[2]),
            Int16(truncatingIfNeeded: x[3]), Int16(truncatingIfNeeded: y[0]), Int16(truncatingIfNeeded: y[1]),
            Int16(truncatingIfNeeded: y[2]), Int16(truncatingIfNeeded: y[3]))
    }

    /// The lanes of `x` then `y`, each clamped to the narrower type's range.
    @inline(__always)
    static func narrowUnsigned(_ x: SIMD4<Int32>, _ y: SIMD4<Int32>) -> SIMD8<UInt16> {
        let low = SIMD4<Int32>(repeating: 0)
        let high = SIMD4<Int32>(repeating: 65535)
        let x = x.replacing(with: low, where: x .< low).replacing(with: high, where: x .> high)
        let y = y.replacing(with: low, where: y .< low).replacing(with: high, where: y .> high)
        return SIMD8<UInt16>(
            UInt16(truncatingIfNeeded: x[0]), UInt16(truncatingIfNeeded: x[1]), UInt16(truncatingIfNeeded: x[2]),
            UInt16(truncatingIfNeeded: x[3]), UInt16(truncatingIfNeeded: y[0]), UInt16(truncatingIfNeeded: y[1]),
            UInt16(truncatingIfNeeded: y[2]), UInt16(truncatingIfNeeded: y[3]))
    }

    // MARK: Lane permutations

    /// Lane `i` of the result is lane `y[i]` of `x`, or 0 when `y[i]` is 16 or more.
    @inline(__always)
    static func swizzle(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> SIMD16<UInt8> {
        // x, then 16 zero bytes: indices of 16 and more (clamped to 16) read a zero.
        var table = (x, SIMD16<UInt8>())
        let indices = y.replacing(with: 16, where: y .> SIMD16<UInt8>(repeating: 16))
        return lookUp(&table, indices)
    }

    /// Lane `i` of the result is lane `lanes[i]` of the 32 lanes of `x` then `y` (lane indices
    /// below 32, checked by validation; masked here all the same).
    @inline(__always)
    static func shuffle(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>, _ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        var table = (x, y)
        return lookUp(&table, lanes & 31)
    }

    /// Bytes of a 32-byte table at 16 indices below 32.
    @inline(__always)
    private static func lookUp(
        _ table: inout (SIMD16<UInt8>, SIMD16<UInt8>), _ indices: SIMD16<UInt8>
    ) -> SIMD16<UInt8> {
        withUnsafeBytes(of: &table) { bytes in
            var result = SIMD16<UInt8>()
            for i in 0..<16 { result[i] = bytes[Int(indices[i] & 31)] }
            return result
        }
    }

    // MARK: Floating point

    /// wasm `min`: NaN if either lane is NaN, and -0 is less than +0.
    @inline(__always)
    static func minimum(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> SIMD4<Float> {
        let either = unsafeBitCast(
            unsafeBitCast(x, to: SIMD4<UInt32>.self) | unsafeBitCast(y, to: SIMD4<UInt32>.self), to: SIMD4<Float>.self)
        return y.replacing(with: x, where: x .< y).replacing(with: either, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func maximum(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> SIMD4<Float> {
        let both = unsafeBitCast(
            unsafeBitCast(x, to: SIMD4<UInt32>.self) & unsafeBitCast(y, to: SIMD4<UInt32>.self), to: SIMD4<Float>.self)
        return y.replacing(with: x, where: y .< x).replacing(with: both, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func minimum(_ x: SIMD2<Double>, _ y: SIMD2<Double>) -> SIMD2<Double> {
        let either = unsafeBitCast(
            unsafeBitCast(x, to: SIMD2<UInt64>.self) | unsafeBitCast(y, to: SIMD2<UInt64>.self), to: SIMD2<Double>.self)
        return y.replacing(with: x, where: x .< y).replacing(with: either, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func maximum(_ x: SIMD2<Double>, _ y: SIMD2<Double>) -> SIMD2<Double> {
        let both = unsafeBitCast(
            unsafeBitCast(x, to: SIMD2<UInt64>.self) & unsafeBitCast(y, to: SIMD2<UInt64>.self), to: SIMD2<Double>.self)
        return y.replacing(with: x, where: y .< x).replacing(with: both, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    enum Rounding { case up, down, towardZero, toNearestOrEven }

    // Rounding each lane to an integral value. Below 2^(significand bits) in magnitude, adding and
    // subtracting that power of two rounds to nearest, ties to even (the default rounding mode);
    // the other directions step one from there. Every result has the sign of its lane (so -0.5
    // rounds up to -0); larger magnitudes, infinities and NaN are already integral (`x + 0`
    // quiets a signaling NaN, as arithmetic must).

    @inline(__always)
    static func round(_ x: SIMD4<Float>, _ rule: Rounding) -> SIMD4<Float> {
        typealias Bits = SIMD4<UInt32>
        let signBit = Bits(repeating: 1 &<< 31)
        let xBits = unsafeBitCast(x, to: Bits.self)
        let magnitude = unsafeBitCast(xBits & ~signBit, to: SIMD4<Float>.self)
        // 2^23: from there on every value is integral.
        let integral = SIMD4<Float>(repeating: 8_388_608)
        let nearest = (magnitude + integral) - integral
        let up = nearest.replacing(with: nearest + 1, where: nearest .< magnitude)
        let down = nearest.replacing(with: nearest - 1, where: nearest .> magnitude)
        let isNegative = x .< SIMD4<Float>()
        let rounded: SIMD4<Float>
        switch rule {
        case .toNearestOrEven: rounded = nearest
        case .towardZero: rounded = down
        case .up: rounded = up.replacing(with: down, where: isNegative)
        case .down: rounded = down.replacing(with: up, where: isNegative)
        }
        let signed = unsafeBitCast(unsafeBitCast(rounded, to: Bits.self) | (xBits & signBit), to: SIMD4<Float>.self)
        return (x + SIMD4<Float>()).replacing(with: signed, where: magnitude .< integral)
    }

    @inline(__always)
    static func round(_ x: SIMD2<Double>, _ rule: Rounding) -> SIMD2<Double> {
        typealias Bits = SIMD2<UInt64>
        let signBit = Bits(repeating: 1 &<< 63)
        let xBits = unsafeBitCast(x, to: Bits.self)
        let magnitude = unsafeBitCast(xBits & ~signBit, to: SIMD2<Double>.self)
        // 2^52: from there on every value is integral.
        let integral = SIMD2<Double>(repeating: 4_503_599_627_370_496)
        let nearest = (magnitude + integral) - integral
        let up = nearest.replacing(with: nearest + 1, where: nearest .< magnitude)
        let down = nearest.replacing(with: nearest - 1, where: nearest .> magnitude)
        let isNegative = x .< SIMD2<Double>()
        let rounded: SIMD2<Double>
        switch rule {
        case .toNearestOrEven: rounded = nearest
        case .towardZero: rounded = down
        case .up: rounded = up.replacing(with: down, where: isNegative)
        case .down: rounded = down.replacing(with: up, where: isNegative)
        }
        let signed = unsafeBitCast(unsafeBitCast(rounded, to: Bits.self) | (xBits & signBit), to: SIMD2<Double>.self)
        return (x + SIMD2<Double>()).replacing(with: signed, where: magnitude .< integral)
    }

    // Saturating truncation: NaN gives 0, out-of-range lanes clamp.

    @inline(__always)
    static func truncateSaturatingSigned(_ x: SIMD4<Float>) -> SIMD4<Int32> {
        SIMD4<Int32>(
            Int32(bitPattern: Numeric.satS32(Double(x[0]))), Int32(bitPattern: Numeric.satS32(Double(x[1]))),
            Int32(bitPattern: Numeric.satS32(Double(x[2]))), Int32(bitPattern: Numeric.satS32(Double(x[3]))))
    }

    @inline(__always)
    static func truncateSaturatingUnsigned(_ x: SIMD4<Float>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(
            Numeric.satU32(Double(x[0])), Numeric.satU32(Double(x[1])), Numeric.satU32(Double(x[2])),
            Numeric.satU32(Double(x[3])))
    }

    /// The two lanes truncated, saturating, into the low lanes; the high lanes are zero.
    @inline(__always)
    static func truncateSaturatingSignedZero(_ x: SIMD2<Double>) -> SIMD4<Int32> {
        SIMD4<Int32>(Int32(bitPattern: Numeric.satS32(x[0])), Int32(bitPattern: Numeric.satS32(x[1])), 0, 0)
    }

    @inline(__always)
    static func truncateSaturatingUnsignedZero(_ x: SIMD2<Double>) -> SIMD4<UInt32> {
        SIMD4<UInt32>(Numeric.satU32(x[0]), Numeric.satU32(x[1]), 0, 0)
    }
}
