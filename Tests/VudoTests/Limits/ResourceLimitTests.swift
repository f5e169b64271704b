import Testing
import Vudo

/// Fuel, deadlines, cancellation, call depth and memory caps on a misbehaving Spirit.
@Suite struct ResourceLimitTests {
    private func load(_ limits: ResourceLimits) async throws -> Spirit {
        var options = SpiritOptions()
        options.limits = limits
        return try await Fixtures.load("runaway.wasm", options: options)
    }

    private func trapReason(_ error: SpiritError?) -> TrapReason? {
        if case .trap(_, let trap) = error { return trap.reason }
        return nil
    }

    @Test func runningOutOfFuelIsATypedErrorAndRefuellingContinues() async throws {
        let spirit = try await load(ResourceLimits(fuel: 10_000))
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        #expect(trapReason(error) == .outOfFuel)
        #expect(await spirit.fuelRemaining == 0)
        await spirit.refuel(1_000_000)
        #expect(try await spirit.call("count", [.i32(1000)]) == [.i32(1000)])
        let left = try #require(await spirit.fuelRemaining)
        #expect(left > 0 && left < 1_000_000)
    }

    @Test func aCallThatRanOutOfFuelResumesAfterRefuelling() async throws {
        let spirit = try await load(ResourceLimits(fuel: 2_000))
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("count", [.i32(100_000)]) }
        #expect(trapReason(error) == .outOfFuel)
        await spirit.refuel(10_000_000)
        #expect(try await spirit.resume() == [.i32(100_000)])
    }

    @Test func aTimeoutStopsATightLoop() async throws {
        let spirit = try await load(ResourceLimits(timeout: .milliseconds(50)))
        // `spin` never ends by itself: the trap is the proof (no wall-clock bound, which a loaded
        // machine could break).
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        #expect(trapReason(error) == .deadlineExceeded)
        #expect(try await spirit.call("count", [.i32(10)]) == [.i32(10)])
    }

    @Test func cancellingTheAwaitingTaskStopsTheGuest() async throws {
        let spirit = try await load(ResourceLimits())
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
        try await Task.sleep(for: .milliseconds(30))
        call.cancel()
        // `spin` never ends by itself: that it stops, with this reason, is the proof.
        let reason = await call.value
        #expect(reason == .cancelled)
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
}

/// A Spirit that is not interruptible still honours fuel and timeouts, which bring checkpoints back.
@Suite struct UninterruptibleSpiritTests {
    @Test func fuelStillStopsAnUninterruptibleSpirit() async throws {
        var options = SpiritOptions()
        options.limits = ResourceLimits(fuel: 5_000, interruptible: false)
        let spirit = try await Fixtures.load("runaway.wasm", options: options)
        let error = await #expect(throws: SpiritError.self) { _ = try await spirit.call("spin", []) }
        guard case .trap(_, let trap) = error else {
            Issue.record("expected a trap, got \(String(describing: error))")
            return
        }
        #expect(trap.reason == .outOfFuel)
    }
}
