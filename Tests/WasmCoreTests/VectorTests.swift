import Testing
@_spi(Tools) import WasmCore

/// v128 values where the translator lays frame slots out by width (Fixtures/simd.wat): two slots
/// per vector among one-slot scalars in parameters, locals, operands, results, constants, globals,
/// calls, blocks, branches and the host boundary. The instructions' own semantics are the spec
/// suite's (`vudo spectest simd`); these pin the plumbing, with results worked out by hand from
/// the wasm semantics.
@Suite struct VectorTests {
    let wasm: Loaded

    init() throws {
        var imports = Imports()
        let store = Store()
        // (i32, v128, i64) -> (v128, i32): the vector with its lanes reversed, and a + b.
        let mix = HostFunction(type: FunctionType(parameters: [.i32, .v128, .i64], results: [.v128, .i32])) {
            _, arguments in
            guard case .i32(let a) = arguments[0], case .v128(let v) = arguments[1], case .i64(let b) = arguments[2]
            else { throw Trap(.host("unexpected arguments \(arguments)")) }
            let lanes = v.i32x4
            return [
                .v128(V128(SIMD4(lanes[3], lanes[2], lanes[1], lanes[0]))), .i32(a &+ UInt32(truncatingIfNeeded: b)),
            ]
        }
        imports.define(module: "host", name: "mix", .function(store.addHostFunction(mix)))
        let instance = try store.instantiate(try Fixtures.module("simd"), imports: imports)
        wasm = Loaded(store: store, instance: instance)
    }

    private static func i32x4(_ a: Int32, _ b: Int32, _ c: Int32, _ d: Int32) -> Value {
        .v128(V128(SIMD4<Int32>(a, b, c, d)))
    }

    /// Lane 0 is in the lowest bytes whatever the shape (wasm's lane order), and every shape reads
    /// the same 16 bytes.
    @Test func v128LanesAreLittleEndian() {
        let v = V128(SIMD4<UInt32>(1, 2, 3, 0xFFFF_FFFF))
        #expect(v.low == 0x0000_0002_0000_0001 && v.high == 0xFFFF_FFFF_0000_0003)
        #expect(v.u8x16[4] == 2 && v.u8x16[15] == 0xFF)
        #expect(v.i16x8 == SIMD8<Int16>(1, 0, 2, 0, 3, 0, -1, -1))
        #expect(v.i64x2 == SIMD2<Int64>(0x0000_0002_0000_0001, -0x0000_0000_FFFF_FFFD))
        #expect(V128(SIMD2<Double>(1, -0.0)) == V128(low: 0x3FF0_0000_0000_0000, high: 0x8000_0000_0000_0000))
        #expect(V128(v.f32x4) == v && V128(v.i8x16) == v && V128(v.u16x8) == v && V128(v.u64x2) == v)
    }

    @Test func mixedParametersLocalsAndResults() throws {
        // t = v + w = (11, 22, 33, 44); k = a + t[3] = 2 + 44; results: b + w.low, t * k, k.
        let w = V128(SIMD2<Int64>(5, -9))
        let results = try wasm.call(
            "mixed", [.i32(2), Self.i32x4(1, 2, 3, 4), .i64(1000), .v128(w)])
        let t = SIMD4<Int32>(1, 2, 3, 4) &+ w.i32x4
        let k = 2 &+ t[3]
        let expected: [Value] = [.i64(1005), .v128(V128(t &* SIMD4(repeating: k))), .s32(k)]
        #expect(results == expected)
    }

    @Test func callWithVectorArgumentsAndResults() throws {
        // mixed(7, (1,2,3,4), 100, (10,20,30,40)): t = (11,22,33,44), k = 51, b + w.low = 100 + 10 + 20 << 32.
        let results = try wasm.call("call_mixed", [.i32(7)])
        let low = UInt64(100) &+ (UInt64(10) | UInt64(20) << 32)
        #expect(
            results == [.i32(UInt32(truncatingIfNeeded: low)), Self.i32x4(11 * 51, 22 * 51, 33 * 51, 44 * 51), .i64(7)])
    }

    @Test(arguments: [Int32(1), 3, 10])
    func loopCarriesAVector(iterations: Int32) throws {
        let results = try wasm.call("sum_lanes", [.s32(iterations)])
        let n = iterations
        #expect(results == [Self.i32x4(n, 2 * n, 3 * n, 4 * n), .i32(0)])
    }

    @Test func selectChoosesWholeVectors() throws {
        let x = Self.i32x4(1, 2, 3, 4)
        let y = Self.i32x4(-1, -2, -3, -4)
        #expect(try wasm.call("choose", [.i32(1), x, y]) == [x, y])
        #expect(try wasm.call("choose", [.i32(0), x, y]) == [y, x])
    }

    @Test(arguments: [
        (Int32(0), SIMD4<Int32>(7, 7, 10, 7)), (1, SIMD4(7, 9, 10, 7)), (2, SIMD4(8, 7, 10, 7)),
        (99, SIMD4(8, 7, 10, 7)),
    ])
    func branchTableCarriesAVector(index: Int32, expected: SIMD4<Int32>) throws {
        #expect(try wasm.call("branch_table", [.s32(index)]) == [.v128(V128(expected))])
    }

    @Test func ifWithAVectorParameter() throws {
        #expect(try wasm.call("if_else", [.i32(1), Self.i32x4(1, -2, 3, 0)]) == [Self.i32x4(-1, 2, -3, 0)])
        #expect(try wasm.call("if_else", [.i32(0), Self.i32x4(1, -2, 3, 0)]) == [Self.i32x4(101, 98, 103, 100)])
    }

    @Test func vectorGlobals() throws {
        // counter (1,2,3,4) + fixed i64x2(-1, 7), which is i32x4(-1, -1, 7, 0).
        #expect(try wasm.call("bump") == [Self.i32x4(0, 1, 10, 4)])
        #expect(try wasm.call("bump") == [Self.i32x4(-1, 0, 17, 4)])
        let counter = try #require(wasm.instance.exports["counter"])
        guard case .global(let address) = counter else { throw Loaded.Unexpected() }
        #expect(wasm.store.globalValue(address) == Self.i32x4(-1, 0, 17, 4))
        wasm.store.setGlobalValue(address, Self.i32x4(5, 6, 7, 8))
        #expect(try wasm.call("bump") == [Self.i32x4(4, 5, 14, 8)])
    }

    @Test func vectorsCrossTheHostBoundary() throws {
        #expect(try wasm.call("through_host", [Self.i32x4(1, 2, 3, 4)]) == [Self.i32x4(4, 3, 2, 1), .i32(3)])
    }

    @Test func vectorConstantsKeepBothHalves() throws {
        #expect(
            try wasm.call("constants") == [
                .v128(V128(SIMD16<UInt8>(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16)))
            ])
    }

    @Test func shuffleTakesItsLanesFromAConstant() throws {
        let x = V128(SIMD16<UInt8>(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15))
        let y = V128(SIMD16<UInt8>(16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31))
        let expected = V128(SIMD16<UInt8>(31, 0, 30, 1, 29, 2, 28, 3, 27, 4, 26, 5, 25, 6, 24, 7))
        #expect(try wasm.call("shuffle", [.v128(x), .v128(y)]) == [.v128(expected)])
    }

    @Test func shufflesOfWholeLanesMoveWords() throws {
        #expect(try wasm.store.internalCode(of: wasm.function("shuffle_words")).contains(" i8x16ShuffleWords "))
        let results = try wasm.call("shuffle_words", [Self.i32x4(10, 11, 12, 13), Self.i32x4(20, 21, 22, 23)])
        #expect(results == [Self.i32x4(11, 23, 10, 20)])
    }

    /// Rounded twice, as the two instructions: 0.1f * 3 + 1e8 is 100000000.3 before rounding.
    @Test func multiplyAddIsOneInstructionRoundedTwice() throws {
        #expect(try wasm.store.internalCode(of: wasm.function("mul_add")).contains(" f32x4MulAdd "))
        #expect(try wasm.store.internalCode(of: wasm.function("add_mul")).contains(" f64x2MulAdd "))
        let a = V128(SIMD4<Float>(0.1, 2, -3, .infinity))
        let b = V128(SIMD4<Float>(3, 4, 5, 0))
        let c = V128(SIMD4<Float>(1e8, 1, 0.5, 1))
        let product = a.f32x4 * b.f32x4
        let expected = product + c.f32x4
        let results = try wasm.call("mul_add", [.v128(a), .v128(b), .v128(c)])
        #expect(results.count == 1)
        guard case .v128(let sum)? = results.first else { return }
        #expect(sum.f32x4[0] == expected[0] && sum.f32x4[1] == 9 && sum.f32x4[2] == -14.5 && sum.f32x4[3].isNaN)
        let x = V128(SIMD2<Double>(1.5, -2)), y = V128(SIMD2<Double>(2, 0.25)), z = V128(SIMD2<Double>(0.25, 1))
        #expect(try wasm.call("add_mul", [.v128(x), .v128(y), .v128(z)]) == [.v128(V128(SIMD2<Double>(3.25, 0.5)))])
    }

    @Test func aSingleResultMovesDownToSlotZero() throws {
        let v = Self.i32x4(9, 8, 7, 6)
        #expect(try wasm.call("second", [.i32(1), v]) == [v])
    }

    @Test func loadsAndStoresAtAnAddressSum() throws {
        #expect(try wasm.store.internalCode(of: wasm.function("load_sum")).contains(" v128LoadAddImm "))
        #expect(try wasm.store.internalCode(of: wasm.function("store_sum")).contains(" v128StoreAddImm "))
        let v = Self.i32x4(1, -1, 0x1234_5678, 0)
        _ = try wasm.call("store_sum", [.i32(100), v])
        #expect(try wasm.call("load_sum", [.i32(100)]) == [v])
        // The sum wraps to 32 bits, like i32.add: -16 + 16 is address 0.
        _ = try wasm.call("store_sum", [.i32(UInt32(bitPattern: -16)), Self.i32x4(4, 3, 2, 1)])
        #expect(try wasm.call("load_sum", [.i32(UInt32(bitPattern: -16))]) == [Self.i32x4(4, 3, 2, 1)])
        // The last 16 bytes of the page load; one byte further traps.
        #expect(try wasm.call("load_sum", [.i32(65536 - 32)]).count == 1)
        #expect(try wasm.trap("load_sum", [.i32(65536 - 31)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("store_sum", [.i32(65536 - 31), v]).reason == .memoryOutOfBounds)
    }

    @Test func lanesLoadAndStoreAtOffsetsBeyondSixteenBits() throws {
        #expect(try wasm.trap("load_lane_far", [.i32(0), Self.i32x4(0, 0, 0, 0)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("store_lane_far", [.i32(0), Self.i32x4(0, 0, 0, 0)]).reason == .memoryOutOfBounds)
        // The offset is added without wrapping: with a second page, 70000 + a small address is in.
        let memory = try #require(wasm.instance.exports["memory"])
        guard case .memory(let address) = memory else { throw Loaded.Unexpected() }
        #expect(wasm.store.memory(address).grow(pages: 1) == 1)
        let v = V128(SIMD8<UInt16>(0, 1, 2, 3, 4, 0xABCD, 6, 7))
        _ = try wasm.call("store_lane_far", [.i32(8), .v128(v)])
        let loaded = try wasm.call("load_lane_far", [.i32(6), Self.i32x4(1, 2, 3, 4)])
        // Bytes 70006-70009: 0, 0, then lane 5 (0xABCD) at 70008: the 32-bit lane is 0xABCD_0000.
        #expect(loaded == [Self.i32x4(1, 2, Int32(bitPattern: 0xABCD_0000), 4)])
    }
}
