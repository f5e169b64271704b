// The v128 instructions: every fixed-width SIMD instruction and the relaxed ones. A v128 lies in
// two consecutive slots; expressions compute with Swift's SIMD types (`VectorKind`) and the
// helpers of Sources/WasmCore/Execution/VectorNumeric.swift (`V.` below).

extension InstructionTable {
    /// Relaxed instructions that behave exactly as a fixed-width one (the deterministic choice
    /// docs/opcodes.md lists), and vector operations that compute the same bits as another.
    static let vectorTwins: [String: String] = [
        "f32x4Splat": "i32x4Splat", "f64x2Splat": "i64x2Splat",
        "f32x4ExtractLane": "i32x4ExtractLane", "f64x2ExtractLane": "i64x2ExtractLane",
        "f32x4ReplaceLane": "i32x4ReplaceLane", "f64x2ReplaceLane": "i64x2ReplaceLane",
        "i8x16RelaxedSwizzle": "i8x16Swizzle",
        "i32x4RelaxedTruncF32x4S": "i32x4TruncSatF32x4S", "i32x4RelaxedTruncF32x4U": "i32x4TruncSatF32x4U",
        "i32x4RelaxedTruncF64x2SZero": "i32x4TruncSatF64x2SZero",
        "i32x4RelaxedTruncF64x2UZero": "i32x4TruncSatF64x2UZero",
        "i8x16RelaxedLaneselect": "v128Bitselect", "i16x8RelaxedLaneselect": "v128Bitselect",
        "i32x4RelaxedLaneselect": "v128Bitselect", "i64x2RelaxedLaneselect": "v128Bitselect",
        "f32x4RelaxedMin": "f32x4Min", "f32x4RelaxedMax": "f32x4Max",
        "f64x2RelaxedMin": "f64x2Min", "f64x2RelaxedMax": "f64x2Max",
        "i16x8RelaxedQ15mulrS": "i16x8Q15mulrSatS",
        // The multiply-add superinstructions compute what the relaxed multiply-adds do (not fused).
        "f32x4MulAdd": "f32x4RelaxedMadd", "f64x2MulAdd": "f64x2RelaxedMadd",
    ]

    static let vector: [InstructionSpec] =
        vectorMoves + vectorMemory + vectorLanes + vectorBitwise
        + vectorIntegers + vectorFloats + vectorConversions + relaxedVector + vectorFused

    // MARK: Moves of v128 values

    static let vectorMoves: [InstructionSpec] = [
        InstructionSpec(
            "select128", "select128",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                Operand(.d, .slot, "condition"),
            ],
            .handwritten(pure: true)),
        InstructionSpec(
            "globalGet128", "global.get128",
            [Operand(.a, .result, "result"), Operand(.c32, .index("global"), "global")], .handwritten(pure: true)),
        InstructionSpec(
            "globalSet128", "global.set128",
            [Operand(.a, .slot, "value"), Operand(.c32, .index("global"), "global")], .handwritten(pure: false)),
        // An `i8x16.shuffle` of whole 32-bit lanes: four 3-bit lane numbers in d.
        InstructionSpec(
            "i8x16ShuffleWords", "i8x16.shuffle_words",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                Operand(.d, .immediate, "lanes"),
            ],
            .handwritten(pure: true)),
    ]

    // MARK: Loads and stores

    static let vectorMemory: [InstructionSpec] = {
        // (name, text, result, memory type, bytes, expression of the loaded v)
        let loads: [(String, String, VectorKind, String, Int, String)] = [
            ("v128Load", "v128.load", .u64x2, "SIMD2<UInt64>", 16, "v"),
            ("v128Load8x8S", "v128.load8x8_s", .i16x8, "SIMD8<Int8>", 8, "V.widen(v)"),
            ("v128Load8x8U", "v128.load8x8_u", .u16x8, "SIMD8<UInt8>", 8, "V.widen(v)"),
            ("v128Load16x4S", "v128.load16x4_s", .i32x4, "SIMD4<Int16>", 8, "V.widen(v)"),
            ("v128Load16x4U", "v128.load16x4_u", .u32x4, "SIMD4<UInt16>", 8, "V.widen(v)"),
            ("v128Load32x2S", "v128.load32x2_s", .i64x2, "SIMD2<Int32>", 8, "V.widen(v)"),
            ("v128Load32x2U", "v128.load32x2_u", .u64x2, "SIMD2<UInt32>", 8, "V.widen(v)"),
            ("v128Load8Splat", "v128.load8_splat", .u8x16, "UInt8", 1, "SIMD16<UInt8>(repeating: v)"),
            ("v128Load16Splat", "v128.load16_splat", .u16x8, "UInt16", 2, "SIMD8<UInt16>(repeating: v)"),
            ("v128Load32Splat", "v128.load32_splat", .u32x4, "UInt32", 4, "SIMD4<UInt32>(repeating: v)"),
            ("v128Load64Splat", "v128.load64_splat", .u64x2, "UInt64", 8, "SIMD2<UInt64>(repeating: v)"),
            ("v128Load32Zero", "v128.load32_zero", .u32x4, "UInt32", 4, "SIMD4<UInt32>(v, 0, 0, 0)"),
            ("v128Load64Zero", "v128.load64_zero", .u64x2, "UInt64", 8, "SIMD2<UInt64>(v, 0)"),
        ]
        var rows: [InstructionSpec] = []
        for (name, text, result, memoryType, bytes, expression) in loads {
            var row = InstructionSpec(
                name, text,
                [Operand(.a, .result, "result"), Operand(.b, .slot, "address"), Operand(.c32, .immediate, "offset")],
                .family(
                    .vectorLoad(
                        result: result, memoryType: memoryType, bytes: bytes, expression: expression,
                        wrappingSum: false)),
                wasm: name)
            guard name == "v128Load" else {
                rows.append(row)
                continue
            }
            row.addressSumForm = name + "AddImm"
            rows.append(row)
            rows.append(
                InstructionSpec(
                    name + "AddImm", text + "_at_sum",
                    [Operand(.a, .result, "result"), Operand(.b, .slot, "base"), Operand(.c32, .immediate, "addend")],
                    .family(
                        .vectorLoad(
                            result: result, memoryType: memoryType, bytes: bytes, expression: expression,
                            wrappingSum: true))))
        }
        var store = InstructionSpec(
            "v128Store", "v128.store",
            [Operand(.a, .slot, "address"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "offset")],
            .family(.vectorStore(wrappingSum: false)), wasm: "v128Store")
        store.addressSumForm = "v128StoreAddImm"
        rows.append(store)
        rows.append(
            InstructionSpec(
                "v128StoreAddImm", "v128.store_at_sum",
                [Operand(.a, .slot, "base"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "addend")],
                .family(.vectorStore(wrappingSum: true))))
        // Data word: the offset (c32).
        for (bits, kind) in [("8", VectorKind.u8x16), ("16", .u16x8), ("32", .u32x4), ("64", .u64x2)] {
            rows.append(
                InstructionSpec(
                    "v128Load\(bits)Lane", "v128.load\(bits)_lane",
                    [
                        Operand(.a, .result, "result"), Operand(.b, .slot, "address"), Operand(.c, .slot, "x"),
                        Operand(.d, .immediate, "lane"),
                    ],
                    .family(.loadLane(kind: kind)), wasm: "v128Load\(bits)Lane", dataWords: 1))
        }
        for (bits, kind) in [("8", VectorKind.u8x16), ("16", .u16x8), ("32", .u32x4), ("64", .u64x2)] {
            rows.append(
                InstructionSpec(
                    "v128Store\(bits)Lane", "v128.store\(bits)_lane",
                    [Operand(.a, .slot, "address"), Operand(.b, .slot, "x"), Operand(.c, .immediate, "lane")],
                    .family(.storeLane(kind: kind)), wasm: "v128Store\(bits)Lane", dataWords: 1))
        }
        return rows
    }()

    // MARK: Lanes: splats, extraction, replacement, swizzles and shuffles

    static let vectorLanes: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        let splats: [(String, ValueKind, VectorKind, String)] = [
            ("i8x16", .i32, .u8x16, "SIMD16<UInt8>(repeating: UInt8(truncatingIfNeeded: x))"),
            ("i16x8", .i32, .u16x8, "SIMD8<UInt16>(repeating: UInt16(truncatingIfNeeded: x))"),
            ("i32x4", .i32, .u32x4, "SIMD4<UInt32>(repeating: x)"),
            ("i64x2", .i64, .u64x2, "SIMD2<UInt64>(repeating: x)"),
            // A slot holds a float's bits: the float splats are the integer ones (twins).
            ("f32x4", .i32, .u32x4, "SIMD4<UInt32>(repeating: x)"),
            ("f64x2", .i64, .u64x2, "SIMD2<UInt64>(repeating: x)"),
        ]
        for (shape, operand, result, expression) in splats {
            rows.append(
                InstructionSpec(
                    shape + "Splat", shape + ".splat", [Operand(.a, .result, "result"), Operand(.b, .slot, "x")],
                    .family(.splat(operand: operand, result: result, expression: expression)), wasm: shape + "Splat"))
        }
        let extracts: [(String, String, VectorKind, ValueKind, String)] = [
            ("i8x16ExtractLaneS", "i8x16.extract_lane_s", .i8x16, .i32, "UInt32(bitPattern: Int32(v))"),
            ("i8x16ExtractLaneU", "i8x16.extract_lane_u", .u8x16, .i32, "UInt32(v)"),
            ("i16x8ExtractLaneS", "i16x8.extract_lane_s", .i16x8, .i32, "UInt32(bitPattern: Int32(v))"),
            ("i16x8ExtractLaneU", "i16x8.extract_lane_u", .u16x8, .i32, "UInt32(v)"),
            ("i32x4ExtractLane", "i32x4.extract_lane", .u32x4, .i32, "v"),
            ("i64x2ExtractLane", "i64x2.extract_lane", .u64x2, .i64, "v"),
            ("f32x4ExtractLane", "f32x4.extract_lane", .u32x4, .i32, "v"),
            ("f64x2ExtractLane", "f64x2.extract_lane", .u64x2, .i64, "v"),
        ]
        for (name, text, operand, result, conversion) in extracts {
            rows.append(
                InstructionSpec(
                    name, text,
                    [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .immediate, "lane")],
                    .family(.extractLane(operand: operand, result: result, conversion: conversion)), wasm: name))
        }
        let replacements: [(String, VectorKind, ValueKind)] = [
            ("i8x16", .u8x16, .i32), ("i16x8", .u16x8, .i32), ("i32x4", .u32x4, .i32), ("i64x2", .u64x2, .i64),
            ("f32x4", .u32x4, .i32), ("f64x2", .u64x2, .i64),
        ]
        for (shape, kind, operand) in replacements {
            rows.append(
                InstructionSpec(
                    shape + "ReplaceLane", shape + ".replace_lane",
                    [
                        Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                        Operand(.d, .immediate, "lane"),
                    ],
                    .family(.replaceLane(kind: kind, operand: operand)), wasm: shape + "ReplaceLane"))
        }
        rows += vectorBinary("i8x16Swizzle", "i8x16.swizzle", .u8x16, .u8x16, "V.swizzle(x, y)")
        // The 16 lane indices are a v128 constant in slot d (translated, not one-to-one).
        rows.append(
            InstructionSpec(
                "i8x16Shuffle", "i8x16.shuffle",
                [
                    Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                    Operand(.d, .slot, "lanes"),
                ],
                .family(
                    .vectorTernary(operand: .u8x16, third: .u8x16, result: .u8x16, expression: "V.shuffle(x, y, z)"))
            ))
        return rows
    }()

    // MARK: Bitwise

    static let vectorBitwise: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        rows += vectorUnary("v128Not", "v128.not", .u64x2, .u64x2, "~x")
        rows += vectorBinary("v128And", "v128.and", .u64x2, .u64x2, "x & y")
        rows += vectorBinary("v128Andnot", "v128.andnot", .u64x2, .u64x2, "x & ~y")
        rows += vectorBinary("v128Or", "v128.or", .u64x2, .u64x2, "x | y")
        rows += vectorBinary("v128Xor", "v128.xor", .u64x2, .u64x2, "x ^ y")
        rows += vectorTernary("v128Bitselect", "v128.bitselect", .u64x2, .u64x2, .u64x2, "(x & z) | (y & ~z)")
        rows.append(
            InstructionSpec(
                "v128AnyTrue", "v128.any_true", [Operand(.a, .result, "result"), Operand(.b, .slot, "x")],
                .family(.vectorTest(operand: .u64x2, result: .i32, expression: "(x[0] | x[1]) != 0 ? 1 : 0")),
                wasm: "v128AnyTrue"))
        return rows
    }()

    // MARK: Integer lanes

    static let vectorIntegers: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        // (shape, signed kind, unsigned kind)
        let shapes: [(String, VectorKind, VectorKind)] = [
            ("i8x16", .i8x16, .u8x16), ("i16x8", .i16x8, .u16x8), ("i32x4", .i32x4, .u32x4), ("i64x2", .i64x2, .u64x2),
        ]
        for (t, s, u) in shapes {
            let hasUnsignedComparisons = t != "i64x2"
            var comparisons: [(String, String, VectorKind, String)] = [("Eq", "eq", u, ".=="), ("Ne", "ne", u, ".!=")]
            for (suffix, text, op) in [
                ("Lt", "lt", ".<"), ("Gt", "gt", ".>"), ("Le", "le", ".<="), ("Ge", "ge", ".>="),
            ] {
                comparisons.append((suffix + "S", text + "_s", s, op))
                if hasUnsignedComparisons { comparisons.append((suffix + "U", text + "_u", u, op)) }
            }
            // A comparison's lanes are all ones where it holds: its mask's storage.
            for (suffix, text, kind, op) in comparisons {
                rows += vectorBinary(
                    t + suffix, "\(t).\(text)", kind, s, "unsafeBitCast(x \(op) y, to: \(s.swiftType).self)")
            }
            let zeroS = "\(s.swiftType)()"
            let zeroU = "\(u.swiftType)()"
            rows += vectorUnary(t + "Abs", "\(t).abs", s, s, "x.replacing(with: \(zeroS) &- x, where: x .< \(zeroS))")
            rows += vectorUnary(t + "Neg", "\(t).neg", u, u, "\(zeroU) &- x")
            rows += vectorTest(t + "AllTrue", "\(t).all_true", u, "V.hasBits(x .== \(zeroU)) ? 0 : 1")
            rows += vectorTest(t + "Bitmask", "\(t).bitmask", u, "V.bitmask(x)")
            rows += vectorShift(t + "Shl", "\(t).shl", u, "V.shiftLeft(x, y)")
            rows += vectorShift(t + "ShrS", "\(t).shr_s", s, "V.shiftRight(x, y)")
            rows += vectorShift(t + "ShrU", "\(t).shr_u", u, "V.shiftRight(x, y)")
            rows += vectorBinary(t + "Add", "\(t).add", u, u, "x &+ y")
            rows += vectorBinary(t + "Sub", "\(t).sub", u, u, "x &- y")
            if t != "i8x16" { rows += vectorBinary(t + "Mul", "\(t).mul", u, u, "x &* y") }
            if t == "i64x2" { continue }
            rows += vectorBinary(t + "MinS", "\(t).min_s", s, s, "x.replacing(with: y, where: y .< x)")
            rows += vectorBinary(t + "MinU", "\(t).min_u", u, u, "x.replacing(with: y, where: y .< x)")
            rows += vectorBinary(t + "MaxS", "\(t).max_s", s, s, "x.replacing(with: y, where: x .< y)")
            rows += vectorBinary(t + "MaxU", "\(t).max_u", u, u, "x.replacing(with: y, where: x .< y)")
            if t == "i32x4" { continue }
            rows += vectorBinary(t + "AddSatS", "\(t).add_sat_s", s, s, "V.addSaturating(x, y)")
            rows += vectorBinary(t + "AddSatU", "\(t).add_sat_u", u, u, "V.addSaturating(x, y)")
            rows += vectorBinary(t + "SubSatS", "\(t).sub_sat_s", s, s, "V.subtractSaturating(x, y)")
            rows += vectorBinary(t + "SubSatU", "\(t).sub_sat_u", u, u, "V.subtractSaturating(x, y)")
            // Rounding up without a wider lane: (x + y + 1) / 2 = (x | y) - (x ^ y) / 2.
            rows += vectorBinary(t + "AvgrU", "\(t).avgr_u", u, u, "(x | y) &- ((x ^ y) &>> 1)")
        }
        rows += vectorUnary("i8x16Popcnt", "i8x16.popcnt", .u8x16, .u8x16, "V.popcount(x)")
        rows += vectorBinary("i8x16NarrowI16x8S", "i8x16.narrow_i16x8_s", .i16x8, .i8x16, "V.narrowSigned(x, y)")
        rows += vectorBinary("i8x16NarrowI16x8U", "i8x16.narrow_i16x8_u", .i16x8, .u8x16, "V.narrowUnsigned(x, y)")
        rows += vectorBinary("i16x8NarrowI32x4S", "i16x8.narrow_i32x4_s", .i32x4, .i16x8, "V.narrowSigned(x, y)")
        rows += vectorBinary("i16x8NarrowI32x4U", "i16x8.narrow_i32x4_u", .i32x4, .u16x8, "V.narrowUnsigned(x, y)")
        rows += vectorBinary("i16x8Q15mulrSatS", "i16x8.q15mulr_sat_s", .i16x8, .i16x8, "V.q15MultiplyRounding(x, y)")
        rows += vectorBinary("i32x4DotI16x8S", "i32x4.dot_i16x8_s", .i16x8, .i32x4, "V.dot(x, y)")
        // Widening: (wider shape, narrower shape, signed and unsigned kinds of each)
        let widenings: [(String, String, VectorKind, VectorKind, VectorKind, VectorKind)] = [
            ("i16x8", "i8x16", .i8x16, .u8x16, .i16x8, .u16x8),
            ("i32x4", "i16x8", .i16x8, .u16x8, .i32x4, .u32x4),
            ("i64x2", "i32x4", .i32x4, .u32x4, .i64x2, .u64x2),
        ]
        for (wide, narrow, ns, nu, ws, wu) in widenings {
            let n = cap(narrow)
            for (sign, from, to) in [("S", ns, ws), ("U", nu, wu)] {
                let lower = sign.lowercased()
                for half in ["Low", "High"] {
                    let h = half.lowercased()
                    rows += vectorUnary(
                        "\(wide)Extend\(half)\(n)\(sign)", "\(wide).extend_\(h)_\(narrow)_\(lower)", from, to,
                        "V.widen\(half)(x)")
                    rows += vectorBinary(
                        "\(wide)Extmul\(half)\(n)\(sign)", "\(wide).extmul_\(h)_\(narrow)_\(lower)", from, to,
                        "V.widen\(half)(x) &* V.widen\(half)(y)")
                }
                if wide != "i64x2" {
                    rows += vectorUnary(
                        "\(wide)ExtaddPairwise\(n)\(sign)", "\(wide).extadd_pairwise_\(narrow)_\(lower)", from, to,
                        "V.addPairs(x)")
                }
            }
        }
        return rows
    }()

    // MARK: Floating-point lanes

    static let vectorFloats: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for (t, kind, mask, bits, sign) in [
            ("f32x4", VectorKind.f32x4, VectorKind.i32x4, VectorKind.u32x4, "0x8000_0000"),
            ("f64x2", .f64x2, .i64x2, .u64x2, "0x8000_0000_0000_0000"),
        ] {
            for (suffix, text, op) in [
                ("Eq", "eq", ".=="), ("Ne", "ne", ".!="), ("Lt", "lt", ".<"), ("Gt", "gt", ".>"),
                ("Le", "le", ".<="), ("Ge", "ge", ".>="),
            ] {
                rows += vectorBinary(
                    t + suffix, "\(t).\(text)", kind, mask, "unsafeBitCast(x \(op) y, to: \(mask.swiftType).self)")
            }
            for (suffix, text, rule) in [
                ("Ceil", "ceil", "up"), ("Floor", "floor", "down"), ("Trunc", "trunc", "towardZero"),
                ("Nearest", "nearest", "toNearestOrEven"),
            ] {
                rows += vectorUnary(
                    t + suffix, "\(t).\(text)", kind, kind, "V.round(x, .\(rule))")
            }
            // Sign operations work on the bits, so that NaN payloads pass through unchanged.
            rows += vectorUnary(t + "Abs", "\(t).abs", bits, bits, "x & ~\(sign)")
            rows += vectorUnary(t + "Neg", "\(t).neg", bits, bits, "x ^ \(sign)")
            rows += vectorUnary(t + "Sqrt", "\(t).sqrt", kind, kind, "x.squareRoot()")
            rows += vectorBinary(t + "Add", "\(t).add", kind, kind, "x + y")
            rows += vectorBinary(t + "Sub", "\(t).sub", kind, kind, "x - y")
            rows += vectorBinary(t + "Mul", "\(t).mul", kind, kind, "x * y")
            rows += vectorBinary(t + "Div", "\(t).div", kind, kind, "x / y")
            rows += vectorBinary(t + "Min", "\(t).min", kind, kind, "V.minimum(x, y)")
            rows += vectorBinary(t + "Max", "\(t).max", kind, kind, "V.maximum(x, y)")
            rows += vectorBinary(t + "Pmin", "\(t).pmin", kind, kind, "x.replacing(with: y, where: y .< x)")
            rows += vectorBinary(t + "Pmax", "\(t).pmax", kind, kind, "x.replacing(with: y, where: x .< y)")
        }
        return rows
    }()

    // MARK: Conversions

    static let vectorConversions: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        rows += vectorUnary(
            "f32x4DemoteF64x2Zero", "f32x4.demote_f64x2_zero", .f64x2, .f32x4,
            "SIMD4<Float>(Float(x[0]), Float(x[1]), 0, 0)")
        rows += vectorUnary(
            "f64x2PromoteLowF32x4", "f64x2.promote_low_f32x4", .f32x4, .f64x2,
            "SIMD2<Double>(Double(x[0]), Double(x[1]))")
        rows += vectorUnary(
            "i32x4TruncSatF32x4S", "i32x4.trunc_sat_f32x4_s", .f32x4, .i32x4, "V.truncateSaturatingSigned(x)")
        rows += vectorUnary(
            "i32x4TruncSatF32x4U", "i32x4.trunc_sat_f32x4_u", .f32x4, .u32x4, "V.truncateSaturatingUnsigned(x)")
        rows += vectorUnary(
            "f32x4ConvertI32x4S", "f32x4.convert_i32x4_s", .i32x4, .f32x4,
            "SIMD4<Float>(Float(x[0]), Float(x[1]), Float(x[2]), Float(x[3]))")
        rows += vectorUnary(
            "f32x4ConvertI32x4U", "f32x4.convert_i32x4_u", .u32x4, .f32x4,
            "SIMD4<Float>(Float(x[0]), Float(x[1]), Float(x[2]), Float(x[3]))")
        rows += vectorUnary(
            "i32x4TruncSatF64x2SZero", "i32x4.trunc_sat_f64x2_s_zero", .f64x2, .i32x4,
            "V.truncateSaturatingSignedZero(x)")
        rows += vectorUnary(
            "i32x4TruncSatF64x2UZero", "i32x4.trunc_sat_f64x2_u_zero", .f64x2, .u32x4,
            "V.truncateSaturatingUnsignedZero(x)")
        rows += vectorUnary(
            "f64x2ConvertLowI32x4S", "f64x2.convert_low_i32x4_s", .i32x4, .f64x2,
            "SIMD2<Double>(Double(x[0]), Double(x[1]))")
        rows += vectorUnary(
            "f64x2ConvertLowI32x4U", "f64x2.convert_low_i32x4_u", .u32x4, .f64x2,
            "SIMD2<Double>(Double(x[0]), Double(x[1]))")
        return rows
    }()

    // MARK: Relaxed SIMD (one deterministic behaviour each: the opcode table's notes)

    static let relaxedVector: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        // Twins of the fixed-width instructions they behave as (`vectorTwins`).
        rows += vectorBinary("i8x16RelaxedSwizzle", "i8x16.relaxed_swizzle", .u8x16, .u8x16, "V.swizzle(x, y)")
        rows += vectorUnary(
            "i32x4RelaxedTruncF32x4S", "i32x4.relaxed_trunc_f32x4_s", .f32x4, .i32x4,
            "V.truncateSaturatingSigned(x)")
        rows += vectorUnary(
            "i32x4RelaxedTruncF32x4U", "i32x4.relaxed_trunc_f32x4_u", .f32x4, .u32x4,
            "V.truncateSaturatingUnsigned(x)")
        rows += vectorUnary(
            "i32x4RelaxedTruncF64x2SZero", "i32x4.relaxed_trunc_f64x2_s_zero", .f64x2, .i32x4,
            "V.truncateSaturatingSignedZero(x)")
        rows += vectorUnary(
            "i32x4RelaxedTruncF64x2UZero", "i32x4.relaxed_trunc_f64x2_u_zero", .f64x2, .u32x4,
            "V.truncateSaturatingUnsignedZero(x)")
        // Multiply, round, add, round: no fused multiply-add.
        rows += vectorTernary("f32x4RelaxedMadd", "f32x4.relaxed_madd", .f32x4, .f32x4, .f32x4, "x * y + z")
        rows += vectorTernary("f32x4RelaxedNmadd", "f32x4.relaxed_nmadd", .f32x4, .f32x4, .f32x4, "-(x * y) + z")
        rows += vectorTernary("f64x2RelaxedMadd", "f64x2.relaxed_madd", .f64x2, .f64x2, .f64x2, "x * y + z")
        rows += vectorTernary("f64x2RelaxedNmadd", "f64x2.relaxed_nmadd", .f64x2, .f64x2, .f64x2, "-(x * y) + z")
        for shape in ["i8x16", "i16x8", "i32x4", "i64x2"] {
            rows += vectorTernary(
                shape + "RelaxedLaneselect", shape + ".relaxed_laneselect", .u64x2, .u64x2, .u64x2,
                "(x & z) | (y & ~z)")
        }
        rows += vectorBinary("f32x4RelaxedMin", "f32x4.relaxed_min", .f32x4, .f32x4, "V.minimum(x, y)")
        rows += vectorBinary("f32x4RelaxedMax", "f32x4.relaxed_max", .f32x4, .f32x4, "V.maximum(x, y)")
        rows += vectorBinary("f64x2RelaxedMin", "f64x2.relaxed_min", .f64x2, .f64x2, "V.minimum(x, y)")
        rows += vectorBinary("f64x2RelaxedMax", "f64x2.relaxed_max", .f64x2, .f64x2, "V.maximum(x, y)")
        rows += vectorBinary(
            "i16x8RelaxedQ15mulrS", "i16x8.relaxed_q15mulr_s", .i16x8, .i16x8, "V.q15MultiplyRounding(x, y)")
        // Both operands signed; the pairwise sums wrap to 16 bits.
        rows += vectorBinary(
            "i16x8RelaxedDotI8x16I7x16S", "i16x8.relaxed_dot_i8x16_i7x16_s", .i8x16, .i16x8,
            "V.dot(x, y)")
        // Both operands signed; four products summed exactly, then z added, wrapping.
        rows += vectorTernary(
            "i32x4RelaxedDotI8x16I7x16AddS", "i32x4.relaxed_dot_i8x16_i7x16_add_s", .i8x16, .i32x4, .i32x4,
            "V.dotAdd(x, y, z)"
        )
        return rows
    }()

    // MARK: Superinstructions

    /// A multiply feeding an add (dot products, matrix kernels), rounded twice like the two
    /// instructions; addition commutes exactly, so either operand order fuses into this form.
    static let vectorFused: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for (shape, kind) in [("f32x4", VectorKind.f32x4), ("f64x2", .f64x2)] {
            var row = vectorTernary(shape + "MulAdd", shape + ".mul_add", kind, kind, kind, "x * y + z")[0]
            row.wasm = nil
            row.fusion = Fusion(producer: shape + "Mul", consumer: shape + "Add", producerIsFirst: nil)
            rows.append(row)
        }
        return rows
    }()

    // MARK: Vector family helpers

    static func vectorUnary(
        _ name: String, _ text: String, _ operand: VectorKind, _ result: VectorKind, _ expression: String
    ) -> [InstructionSpec] {
        [
            InstructionSpec(
                name, text, [Operand(.a, .result, "result"), Operand(.b, .slot, "x")],
                .family(.vectorUnary(operand: operand, result: result, expression: expression)), wasm: name)
        ]
    }

    static func vectorTest(
        _ name: String, _ text: String, _ operand: VectorKind, _ expression: String
    )
        -> [InstructionSpec]
    {
        [
            InstructionSpec(
                name, text, [Operand(.a, .result, "result"), Operand(.b, .slot, "x")],
                .family(.vectorTest(operand: operand, result: .i32, expression: expression)), wasm: name)
        ]
    }

    static func vectorBinary(
        _ name: String, _ text: String, _ operand: VectorKind, _ result: VectorKind, _ expression: String
    ) -> [InstructionSpec] {
        [
            InstructionSpec(
                name, text, [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y")],
                .family(.vectorBinary(operand: operand, result: result, expression: expression)), wasm: name)
        ]
    }

    static func vectorTernary(
        _ name: String, _ text: String, _ operand: VectorKind, _ third: VectorKind, _ result: VectorKind,
        _ expression: String
    ) -> [InstructionSpec] {
        [
            InstructionSpec(
                name, text,
                [
                    Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                    Operand(.d, .slot, "z"),
                ],
                .family(.vectorTernary(operand: operand, third: third, result: result, expression: expression)),
                wasm: name)
        ]
    }

    static func vectorShift(
        _ name: String, _ text: String, _ kind: VectorKind, _ expression: String
    )
        -> [InstructionSpec]
    {
        [
            InstructionSpec(
                name, text, [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y")],
                .family(.vectorShift(kind: kind, expression: expression)), wasm: name)
        ]
    }
}
