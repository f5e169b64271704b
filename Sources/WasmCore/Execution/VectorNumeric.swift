/// WebAssembly's vector semantics where Swift's SIMD operations differ or do not exist: comparison
/// masks, NaN-propagating min/max with signed zeros, rounding, saturating conversions, lane
/// permutations. The vector handlers (Generated/Handlers+Vector.swift) call these; everything is
/// inlined, so that the compiler emits vector instructions where the target has them.
enum VectorNumeric {
    // MARK: Integers

    /// A comparison's lanes: all ones where it holds, zeros elsewhere.
    @inline(__always)
    static func mask<V: SIMD>(_ holds: SIMDMask<V>) -> V
    where V.Scalar: FixedWidthInteger & SignedInteger, V.MaskStorage == V {
        V(repeating: 0).replacing(with: -1, where: holds)
    }

    /// The smaller lane of each pair: `y < x ? y : x` (integer `min`, and `pmin`).
    @inline(__always)
    static func smaller<V: SIMD>(_ x: V, _ y: V) -> V where V.Scalar: Comparable {
        x.replacing(with: y, where: y .< x)
    }

    /// The larger lane of each pair: `x < y ? y : x` (integer `max`, and `pmax`).
    @inline(__always)
    static func larger<V: SIMD>(_ x: V, _ y: V) -> V where V.Scalar: Comparable {
        x.replacing(with: y, where: x .< y)
    }

    /// Wrapping absolute value (the most negative lane stays itself).
    @inline(__always)
    static func abs<V: SIMD>(_ x: V) -> V where V.Scalar: FixedWidthInteger & SignedInteger {
        x.replacing(with: 0 &- x, where: x .< 0)
    }

    /// Shifts by the scalar `y` modulo the lane width, as wasm's shifts do (and Swift's masking
    /// shifts, lane by lane).
    @inline(__always)
    static func shiftLeft<V: SIMD>(_ x: V, _ y: UInt32) -> V where V.Scalar: FixedWidthInteger {
        x &<< V(repeating: V.Scalar(truncatingIfNeeded: y))
    }

    @inline(__always)
    static func shiftRight<V: SIMD>(_ x: V, _ y: UInt32) -> V where V.Scalar: FixedWidthInteger {
        x &>> V(repeating: V.Scalar(truncatingIfNeeded: y))
    }

    /// 1 when every lane is non-zero.
    @inline(__always)
    static func allTrue<V: SIMD>(_ x: V) -> UInt32 where V.Scalar: FixedWidthInteger {
        all(x .!= 0) ? 1 : 0
    }

    /// Bit `i` is lane `i`'s sign bit.
    @inline(__always)
    static func bitmask<V: SIMD>(_ x: V) -> UInt32 where V.Scalar: FixedWidthInteger & SignedInteger {
        var bits: UInt32 = 0
        for i in x.indices where x[i] < 0 { bits |= 1 &<< UInt32(i) }
        return bits
    }

    @inline(__always)
    static func popcount(_ x: SIMD16<UInt8>) -> SIMD16<UInt8> {
        var result = SIMD16<UInt8>()
        for i in x.indices { result[i] = UInt8(truncatingIfNeeded: x[i].nonzeroBitCount) }
        return result
    }

    /// `(x * y + 2^14) >> 15`, saturated: Q15 fixed-point multiplication, rounding.
    @inline(__always)
    static func q15MultiplyRounding(_ x: SIMD8<Int16>, _ y: SIMD8<Int16>) -> SIMD8<Int16> {
        let product = SIMD8<Int32>(truncatingIfNeeded: x) &* SIMD8<Int32>(truncatingIfNeeded: y)
        return SIMD8<Int16>(clamping: (product &+ 0x4000) &>> 15)
    }

    /// Lane `i` of the result is lane `y[i]` of `x`, or 0 when `y[i]` is 16 or more.
    @inline(__always)
    static func swizzle(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>) -> SIMD16<UInt8> {
        var result = SIMD16<UInt8>()
        for i in 0..<16 {
            let k = Int(y[i])
            result[i] = k < 16 ? x[k] : 0
        }
        return result
    }

    /// Lane `i` of the result is lane `lanes[i]` of the 32 lanes of `x` then `y` (lane indices
    /// below 32, checked by validation; masked here all the same).
    @inline(__always)
    static func shuffle(_ x: SIMD16<UInt8>, _ y: SIMD16<UInt8>, _ lanes: SIMD16<UInt8>) -> SIMD16<UInt8> {
        var result = SIMD16<UInt8>()
        for i in 0..<16 {
            let k = Int(lanes[i] & 31)
            result[i] = k < 16 ? x[k] : y[k &- 16]
        }
        return result
    }

    // MARK: Floating point

    /// wasm `min`: NaN if either lane is NaN, and -0 is less than +0.
    @inline(__always)
    static func minimum(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> SIMD4<Float> {
        let either = bitCast(
            bitCast(x, to: SIMD4<UInt32>.self) | bitCast(y, to: SIMD4<UInt32>.self), to: SIMD4<Float>.self)
        return y.replacing(with: x, where: x .< y).replacing(with: either, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func maximum(_ x: SIMD4<Float>, _ y: SIMD4<Float>) -> SIMD4<Float> {
        let both = bitCast(
            bitCast(x, to: SIMD4<UInt32>.self) & bitCast(y, to: SIMD4<UInt32>.self), to: SIMD4<Float>.self)
        return y.replacing(with: x, where: y .< x).replacing(with: both, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func minimum(_ x: SIMD2<Double>, _ y: SIMD2<Double>) -> SIMD2<Double> {
        let either = bitCast(
            bitCast(x, to: SIMD2<UInt64>.self) | bitCast(y, to: SIMD2<UInt64>.self), to: SIMD2<Double>.self)
        return y.replacing(with: x, where: x .< y).replacing(with: either, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    @inline(__always)
    static func maximum(_ x: SIMD2<Double>, _ y: SIMD2<Double>) -> SIMD2<Double> {
        let both = bitCast(
            bitCast(x, to: SIMD2<UInt64>.self) & bitCast(y, to: SIMD2<UInt64>.self), to: SIMD2<Double>.self)
        return y.replacing(with: x, where: y .< x).replacing(with: both, where: x .== y)
            .replacing(with: x + y, where: (x .!= x) .| (y .!= y))
    }

    enum Rounding { case up, down, towardZero, toNearestOrEven }

    /// Rounds each lane to an integral value. Below 2^(significand bits) in magnitude, adding and
    /// subtracting that power of two rounds to nearest, ties to even (the default rounding mode);
    /// the other directions step one from there. Every result has the sign of its lane (so -0.5
    /// rounds up to -0); larger magnitudes, infinities and NaN are already integral (`x + 0`
    /// quiets a signaling NaN, as arithmetic must).
    @inline(__always)
    static func round<F: SIMD, U: SIMD>(_ x: F, _ rule: Rounding, bits _: U.Type) -> F
    where F.Scalar: BinaryFloatingPoint, U.Scalar: FixedWidthInteger & UnsignedInteger {
        let signBit = U(repeating: 1 &<< (U.Scalar.bitWidth - 1))
        let xBits = unsafeBitCast(x, to: U.self)
        let magnitude = unsafeBitCast(xBits & ~signBit, to: F.self)
        let integralFrom = F(
            repeating: F.Scalar(sign: .plus, exponent: F.Scalar.Exponent(F.Scalar.significandBitCount), significand: 1))
        let nearest = (magnitude + integralFrom) - integralFrom
        let up = nearest.replacing(with: nearest + 1, where: nearest .< magnitude)
        let down = nearest.replacing(with: nearest - 1, where: nearest .> magnitude)
        let isNegative = x .< 0
        let rounded: F
        switch rule {
        case .toNearestOrEven: rounded = nearest
        case .towardZero: rounded = down
        case .up: rounded = up.replacing(with: down, where: isNegative)
        case .down: rounded = down.replacing(with: up, where: isNegative)
        }
        let signed = unsafeBitCast(unsafeBitCast(rounded, to: U.self) | (xBits & signBit), to: F.self)
        return (x + 0).replacing(with: signed, where: magnitude .< integralFrom)
    }

    /// Saturating truncation: NaN gives 0, out-of-range lanes clamp.
    @inline(__always)
    static func truncateSaturatingSigned(_ x: SIMD4<Float>) -> SIMD4<Int32> {
        var result = SIMD4<Int32>()
        for i in 0..<4 { result[i] = Int32(bitPattern: Numeric.satS32(Double(x[i]))) }
        return result
    }

    @inline(__always)
    static func truncateSaturatingUnsigned(_ x: SIMD4<Float>) -> SIMD4<UInt32> {
        var result = SIMD4<UInt32>()
        for i in 0..<4 { result[i] = Numeric.satU32(Double(x[i])) }
        return result
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

    @inline(__always)
    static func demoteZero(_ x: SIMD2<Double>) -> SIMD4<Float> {
        SIMD4<Float>(lowHalf: SIMD2<Float>(x), highHalf: SIMD2<Float>())
    }
}

extension VectorNumeric {
    /// Lane `i` of the result is lanes `2i` and `2i + 1` added, wrapping.
    @inline(__always)
    static func pairwiseSum<T: SIMDScalar & FixedWidthInteger>(_ x: SIMD16<T>) -> SIMD8<T> {
        x.evenHalf &+ x.oddHalf
    }

    @inline(__always)
    static func pairwiseSum<T: SIMDScalar & FixedWidthInteger>(_ x: SIMD8<T>) -> SIMD4<T> {
        x.evenHalf &+ x.oddHalf
    }
}
