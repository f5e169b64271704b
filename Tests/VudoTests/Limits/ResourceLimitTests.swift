import Testing
import Vudo
import WasmCore

/// Fuel, deadlines, cancellation, call depth, memory and heap caps on a misbehaving Spirit.
///
/// A broken limit would let a guest run for ever: every test has a time limit, and the ones that
/// stop a guest bound how long the guest ran (measured by ``TimedLog`` on the Spirit's actor) by
/// what a loaded 2-core machine meets.
@Suite(.timeLimit(.minutes(1))) struct ResourceLimitTests {
    private func load(_ limits: ResourceLimits, log: TimedLog? = nil) async throws -> Spirit {
        var options = SpiritOptions()
        options.limits = limits
        if let log {
            options.debug = true
            options.logger = log.logger
        }
        return try await Fixtures.load("runaway.wasm", options: options)
    }

    private func trapReason(_ error: SpiritError?) -> TrapReason? {
        if case .trap(_, let trap) = error { return trap.reason }
        return nil
    }

    @Test func runningOutOfFuelIsATypedErrorAndRefuellingContinues() async throws {
        let log = TimedLog()
        let spirit = try await load(ResourceLimits(fuel: 10_000), log: log)
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        #expect(trapReason(error) == .outOfFuel)
        let ran = try #require(log.interval(from: "call spin", to: "spin trapped"))
        #expect(ran < .seconds(2), "10,000 units of fuel lasted \(ran)")
        #expect(await spirit.fuelRemaining == 0)
        await spirit.refuel(1_000_000)
        #expect(try await spirit.call("count", [.i32(1000)]) == [.i32(1000)])
        let left = try #require(await spirit.fuelRemaining)
        #expect(left > 0 && left < 1_000_000)
    }

    @Test func aCallThatRanOutOfFuelResumesAfterRefuelling() async throws {
        let log = TimedLog()
        let spirit = try await load(ResourceLimits(fuel: 2_000), log: log)
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("count", [.i32(100_000)]) }
        #expect(trapReason(error) == .outOfFuel)
        let ran = try #require(log.interval(from: "call count", to: "count trapped"))
        #expect(ran < .seconds(2), "2,000 units of fuel lasted \(ran)")
        await spirit.refuel(10_000_000)
        #expect(try await spirit.resume() == [.i32(100_000)])
    }

    @Test func aTimeoutStopsATightLoop() async throws {
        let log = TimedLog()
        let spirit = try await load(ResourceLimits(timeout: .milliseconds(100)), log: log)
        // `spin` never ends by itself: the trap is the proof that the deadline stopped it.
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        #expect(trapReason(error) == .deadlineExceeded)
        // Not before the deadline, and promptly after it.
        let ran = try #require(log.interval(from: "call spin", to: "spin trapped"))
        #expect(ran >= .milliseconds(100) && ran < .seconds(2), "a 100 ms deadline stopped the guest after \(ran)")
        #expect(try await spirit.call("count", [.i32(10)]) == [.i32(10)])
    }

    @Test func cancellingTheAwaitingTaskStopsTheGuest() async throws {
        let log = TimedLog()
        let spirit = try await load(ResourceLimits(), log: log)
        let call = Task { () -> TrapReason? in
            do {
                _ = try await spirit.call("spin", [])
                return nil
            } catch let error as SpiritError {
                return trapReason(error)
            } catch {
                return nil
            }
        }
        // Cancel once the guest is spinning.
        let canceller = OffPoolCanceller(call, after: .milliseconds(30)) { log.instant(of: "call spin") != nil }
        // `spin` never ends by itself: that it stops, with this reason, is the proof.
        let reason = await call.value
        let cancelled = try #require(canceller.cancelledAt)
        #expect(reason == .cancelled)
        // The spinning guest polls for cancellation itself: it stops within 2 s even when the test
        // waits longer for a thread to report it.
        let stopped = try #require(log.instant(of: "spin trapped"))
        #expect(stopped - cancelled < .seconds(2), "the guest stopped \(stopped - cancelled) after the cancellation")
        #expect(try await spirit.call("count", [.i32(3)]) == [.i32(3)])
    }

    @Test func aMillionDeepRecursionEndsInTheCallStackTrap() async throws {
        let spirit = try await load(ResourceLimits())
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("recurse", [.i32(1_000_000)]) }
        #expect(trapReason(error) == .callStackExhausted)
        #expect(try await spirit.call("recurse", [.i32(100)]) == [.i32(100)])
    }

    @Test func callDepthIsConfigurable() async throws {
        let spirit = try await load(ResourceLimits(maxCallDepth: 50))
        #expect(try await spirit.call("recurse", [.i32(40)]) == [.i32(40)])
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("recurse", [.i32(60)]) }
        #expect(trapReason(error) == .callStackExhausted)
    }

    @Test func memoryGrowthStopsAtTheCap() async throws {
        let spirit = try await load(ResourceLimits(maxMemoryPages: 3))
        #expect(try await spirit.call("grow", [.i32(2)]) == [.i32(1)])
        #expect(try await spirit.call("grow", [.i32(1)]) == [.i32(UInt32.max)])
    }

    /// A guest that keeps every struct it makes alive stops at the heap cap, a limit error; what it
    /// drops stays collectable below the cap.
    @Test func theGCHeapStopsAtTheCap() async throws {
        var options = SpiritOptions()
        options.limits = ResourceLimits(maxHeapBytes: 8 << 20)
        let spirit = try await loadSpirit(
            wat: """
                (module
                  (type $cell (struct (field (ref null $cell)) (field i64)))
                  (func (export "keep") (param $n i32) (result i32)
                    (local $head (ref null $cell))
                    (loop $next
                      (local.set $head (struct.new $cell (local.get $head) (i64.const 0)))
                      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                      (br_if $next (local.get $n)))
                    (i32.const 1))
                  (func (export "drop") (param $n i32) (result i32)
                    (loop $next
                      (drop (struct.new $cell (ref.null $cell) (i64.const 0)))
                      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                      (br_if $next (local.get $n)))
                    (i32.const 1)))
                """, options: options)
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("keep", [.i32(10_000_000)]) }
        #expect(trapReason(error) == .heapLimitExceeded)
        #expect(trapReason(error)?.origin == .limit)
        #expect(try await spirit.call("drop", [.i32(1_000_000)]) == [.i32(1)])
        #expect(await spirit.heapStatistics.bytes <= 8 << 20)
    }
}

/// A Spirit that is not interruptible still honours fuel and timeouts, which bring checkpoints back.
@Suite(.timeLimit(.minutes(1))) struct UninterruptibleSpiritTests {
    @Test func fuelStillStopsAnUninterruptibleSpirit() async throws {
        let log = TimedLog()
        var options = SpiritOptions()
        options.limits = ResourceLimits(fuel: 5_000, interruptible: false)
        options.debug = true
        options.logger = log.logger
        let spirit = try await Fixtures.load("runaway.wasm", options: options)
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        let ran = try #require(log.interval(from: "call spin", to: "spin trapped"))
        #expect(ran < .seconds(2), "5,000 units of fuel lasted \(ran)")
        guard case .trap(_, let trap) = error else {
            Issue.record("expected a trap, got \(String(describing: error))")
            return
        }
        #expect(trap.reason == .outOfFuel)
    }
}
