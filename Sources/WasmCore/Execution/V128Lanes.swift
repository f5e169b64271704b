// A v128's lanes as Swift SIMD values: lane 0 is in the lowest bytes (wasm's little-endian lane
// order), whatever the lane shape.

extension V128 {
    /// The v128 with these UInt8 lanes.
    public init(_ lanes: SIMD16<UInt8>) { self = V128.bits(of: lanes) }

    /// The v128 with these Int8 lanes.
    public init(_ lanes: SIMD16<Int8>) { self = V128.bits(of: lanes) }

    /// The v128 with these UInt16 lanes.
    public init(_ lanes: SIMD8<UInt16>) { self = V128.bits(of: lanes) }

    /// The v128 with these Int16 lanes.
    public init(_ lanes: SIMD8<Int16>) { self = V128.bits(of: lanes) }

    /// The v128 with these UInt32 lanes.
    public init(_ lanes: SIMD4<UInt32>) { self = V128.bits(of: lanes) }

    /// The v128 with these Int32 lanes.
    public init(_ lanes: SIMD4<Int32>) { self = V128.bits(of: lanes) }

    /// The v128 with these UInt64 lanes.
    public init(_ lanes: SIMD2<UInt64>) { self = V128.bits(of: lanes) }

    /// The v128 with these Int64 lanes.
    public init(_ lanes: SIMD2<Int64>) { self = V128.bits(of: lanes) }

    /// The v128 with these Float lanes.
    public init(_ lanes: SIMD4<Float>) { self = V128.bits(of: lanes) }

    /// The v128 with these Double lanes.
    public init(_ lanes: SIMD2<Double>) { self = V128.bits(of: lanes) }

    /// The lanes as UInt8.
    public var u8x16: SIMD16<UInt8> { lanes(as: SIMD16<UInt8>.self) }

    /// The lanes as Int8.
    public var i8x16: SIMD16<Int8> { lanes(as: SIMD16<Int8>.self) }

    /// The lanes as UInt16.
    public var u16x8: SIMD8<UInt16> { lanes(as: SIMD8<UInt16>.self) }

    /// The lanes as Int16.
    public var i16x8: SIMD8<Int16> { lanes(as: SIMD8<Int16>.self) }

    /// The lanes as UInt32.
    public var u32x4: SIMD4<UInt32> { lanes(as: SIMD4<UInt32>.self) }

    /// The lanes as Int32.
    public var i32x4: SIMD4<Int32> { lanes(as: SIMD4<Int32>.self) }

    /// The lanes as UInt64.
    public var u64x2: SIMD2<UInt64> { lanes(as: SIMD2<UInt64>.self) }

    /// The lanes as Int64.
    public var i64x2: SIMD2<Int64> { lanes(as: SIMD2<Int64>.self) }

    /// The lanes as Float.
    public var f32x4: SIMD4<Float> { lanes(as: SIMD4<Float>.self) }

    /// The lanes as Double.
    public var f64x2: SIMD2<Double> { lanes(as: SIMD2<Double>.self) }

    private static func bits<Lanes: SIMD>(of lanes: Lanes) -> V128 {
        let words = unsafeBitCast(lanes, to: SIMD2<UInt64>.self)
        return V128(low: words[0], high: words[1])
    }

    private func lanes<Lanes: SIMD>(as _: Lanes.Type) -> Lanes {
        unsafeBitCast(SIMD2<UInt64>(low, high), to: Lanes.self)
    }
}
