import Testing
import WasmCore

/// Deep guest recursion (Fixtures/recursion.wat) ends in the "call stack exhausted" trap, never a
/// native stack overflow, and the instance computes normally afterwards.
@Suite struct CallStackTests {
    @Test func recursionWithinTheLimitReturns() throws {
        let wasm = try Fixtures.instantiate("recursion")
        #expect(try wasm.i32("recurse", 0) == 0)
        #expect(try wasm.i32("recurse", 10_000) == 10_000)
        #expect(try wasm.i32("fib", 20) == 6765)
    }

    @Test func millionDeepRecursionTraps() throws {
        let wasm = try Fixtures.instantiate("recursion")
        let trap = try wasm.trap("recurse", [.s32(1_000_000)])
        #expect(trap.reason == .callStackExhausted)
        // The innermost 64 frames are named, the others counted: the entry function and the
        // 20,000 calls (the default depth limit) nested in it.
        #expect(trap.backtrace.count == Trap.maxBacktraceLength)
        #expect(trap.backtrace.allSatisfy { $0 == "recurse" })
        #expect(trap.backtrace.count + trap.omittedFrames == EngineConfiguration().maxCallDepth + 1)
        #expect(trap.description.hasSuffix("  ... \(trap.omittedFrames) more frames"))
        // Usable afterwards, including for deep (but allowed) recursion.
        #expect(try wasm.i32("recurse", 10_000) == 10_000)
        #expect(try wasm.i32("fib", 15) == 610)
    }

    @Test func infiniteRecursionTrapsRepeatedly() throws {
        let wasm = try Fixtures.instantiate("recursion")
        for _ in 0..<3 {
            #expect(try wasm.trap("forever", [.i64(0)]).reason == .callStackExhausted)
        }
        #expect(try wasm.i32("is_even", 10) == 1)
    }

    @Test func configuredDepthIsTheLimit() throws {
        var configuration = EngineConfiguration()
        configuration.maxCallDepth = 100
        let wasm = try Fixtures.instantiate("recursion", configuration: configuration)
        #expect(try wasm.i32("recurse", 50) == 50)
        #expect(try wasm.trap("recurse", [.s32(1_000)]).reason == .callStackExhausted)
        #expect(try wasm.i32("recurse", 50) == 50)
    }

    @Test func deeperLimitAllowsDeeperMutualRecursion() throws {
        var configuration = EngineConfiguration()
        configuration.maxCallDepth = 300_000
        let wasm = try Fixtures.instantiate("recursion", configuration: configuration)
        #expect(try wasm.i32("is_even", 200_001) == 0)
        #expect(try wasm.i32("is_odd", 200_001) == 1)
        #expect(try wasm.trap("forever", [.i64(0)]).reason == .callStackExhausted)
    }

    @Test func smallValueStackTrapsInsteadOfOverflowing() throws {
        var configuration = EngineConfiguration()
        configuration.valueStackSlots = 1024
        configuration.maxCallDepth = 1_000_000
        let wasm = try Fixtures.instantiate("recursion", configuration: configuration)
        #expect(try wasm.trap("recurse", [.s32(100_000)]).reason == .callStackExhausted)
        #expect(try wasm.trap("forever", [.i64(0)]).reason == .callStackExhausted)
        #expect(try wasm.i32("recurse", 10) == 10)
    }
}
