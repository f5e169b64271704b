import Testing
import WasmCore

/// Guests that run for a while (Fixtures/long_loop.wat) produce the right results.
@Suite struct LongLoopTests {
    let wasm: Loaded

    init() throws {
        wasm = try Fixtures.instantiate("long_loop")
    }

    @Test func tenMillionIterationSum() throws {
        let n: Int64 = 10_000_000
        #expect(try wasm.call("sum", [.s32(Int32(n))]) == [.s64(n * (n - 1) / 2)])
    }

    @Test func tenMillionStepsOfAnLCG() throws {
        var x: UInt32 = 12345
        for _ in 0..<10_000_000 { x = x &* 1_664_525 &+ 1_013_904_223 }
        #expect(try wasm.call("lcg", [.i32(12345), .s32(10_000_000)]) == [.i32(x)])
    }

    @Test func doWhileLoopWithBrIf() throws {
        #expect(try wasm.i32("count_down", 1) == 1)
        #expect(try wasm.i32("count_down", 3_000_000) == 3_000_000)
    }

    @Test func emptyLoops() throws {
        #expect(try wasm.call("sum", [.s32(0)]) == [.i64(0)])
        #expect(try wasm.call("lcg", [.i32(7), .s32(0)]) == [.i32(7)])
    }
}
