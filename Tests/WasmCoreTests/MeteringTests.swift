import Foundation
import Synchronization
import TestSupport
import Testing
@_spi(Tools) import WasmCore

/// Fuel and interruption: checkpoints at function entry and loop headers. A broken limit would
/// let a guest run for minutes: every test has a time limit, and the stops a 2-second bound.
@Suite(.timeLimit(.minutes(1))) struct MeteringTests {
    private func meteredLoop() throws -> Loaded {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        return try Fixtures.instantiate("long_loop", configuration: configuration)
    }

    @Test func runningOutOfFuelTrapsAndTheInstanceStaysUsable() throws {
        let loaded = try meteredLoop()
        let sum = try #require(loaded.instance.exportedFunction("sum"))
        loaded.store.fuel = 1_000
        let started = ContinuousClock.now
        let error = #expect(throws: Trap.self) { try loaded.store.invoke(sum, [.i32(1_000_000)]) }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(error?.reason == .outOfFuel)
        #expect(error?.reason.origin == .limit)
        #expect(loaded.store.fuel == 0)

        loaded.store.fuel = nil
        #expect(try loaded.store.invoke(sum, [.i32(1000)]) == [.i64(499_500)])
    }

    @Test func fuelUseIsDeterministicAndGrowsWithTheWork() throws {
        func fuelUsed(_ n: UInt32) throws -> Int64 {
            let loaded = try meteredLoop()
            let sum = try #require(loaded.instance.exportedFunction("sum"))
            loaded.store.fuel = 1 << 40
            _ = try loaded.store.invoke(sum, [.i32(n)])
            return (1 << 40) - (loaded.store.fuel ?? 0)
        }
        let small = try fuelUsed(100)
        #expect(try fuelUsed(100) == small)
        #expect(try fuelUsed(200) > small)
        #expect(small > 100)
    }

    @Test func anInterruptCheckStopsATightLoop() throws {
        let loaded = try meteredLoop()
        let lcg = try #require(loaded.instance.exportedFunction("lcg"))
        var polls = 0
        loaded.store.interruptCheck = {
            polls += 1
            return polls >= 3 ? .cancelled : nil
        }
        let started = ContinuousClock.now
        let error = #expect(throws: Trap.self) { try loaded.store.invoke(lcg, [.i32(1), .i32(UInt32.max)]) }
        #expect(ContinuousClock.now - started < .seconds(2))
        #expect(error?.reason == .cancelled)
        #expect(polls == 3)

        loaded.store.interruptCheck = nil
        #expect(try loaded.store.invoke(lcg, [.i32(1), .i32(1)]) == [.i32(1 &* 1664525 &+ 1013904223)])
    }

    @Test func withoutMeteringNoCheckpointIsTranslated() throws {
        let loaded = try Fixtures.instantiate("long_loop")
        let sum = try #require(loaded.instance.exportedFunction("sum"))
        #expect(!(try loaded.store.internalCode(of: sum)).contains("checkpoint"))
        let metered = try meteredLoop()
        let meteredSum = try #require(metered.instance.exportedFunction("sum"))
        #expect(try metered.store.internalCode(of: meteredSum).contains("checkpoint"))
    }
}

/// Deadlines and task cancellation reach a guest in a tight loop without calls: 2^32 iterations
/// would take minutes, so the trap proves the stop, and a 2-second bound (measured on the thread
/// that runs the guest, so a busy pool does not count) proves it prompt.
@Suite(.timeLimit(.minutes(1))) struct InterruptionTests {
    private func meteredLoop() throws -> Loaded {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        return try Fixtures.instantiate("long_loop", configuration: configuration)
    }

    @Test func aDeadlineStopsALongLoop() throws {
        let loaded = try meteredLoop()
        let lcg = try loaded.function("lcg")
        let started = ContinuousClock.now
        loaded.store.deadline = started + .milliseconds(100)
        let error = #expect(throws: Trap.self) { try loaded.store.invoke(lcg, [.i32(1), .i32(UInt32.max)]) }
        let ran = ContinuousClock.now - started
        #expect(error?.reason == .deadlineExceeded)
        #expect(ran >= .milliseconds(100) && ran < .seconds(2), "a 100 ms deadline stopped the guest after \(ran)")
        loaded.store.deadline = nil
        #expect(try loaded.store.invoke(lcg, [.i32(0), .i32(0)]) == [.i32(0)])
    }

    @Test func cancellingTheTaskStopsTheGuest() async throws {
        let running = Flag()
        let task = Task { () -> (TrapReason?, ContinuousClock.Instant) in
            let loaded = try meteredLoop()
            let lcg = try loaded.function("lcg")
            // Polled from the running guest: tells the test that the loop is under way.
            loaded.store.interruptCheck = {
                running.raise()
                return nil
            }
            do {
                _ = try loaded.store.invoke(lcg, [.i32(1), .i32(UInt32.max)])
                return (nil, .now)
            } catch let trap as Trap {
                return (trap.reason, .now)
            } catch {
                return (nil, .now)
            }
        }
        let canceller = OffPoolCanceller(task) { running.isRaised }
        let (reason, stopped) = try await task.value
        let cancelled = try #require(canceller.cancelledAt)
        #expect(reason == .cancelled)
        // Taken on the guest's thread as it stopped, whenever the test gets to read it.
        #expect(stopped - cancelled < .seconds(2), "the guest stopped \(stopped - cancelled) after the cancellation")
    }
}

/// A flag raised from one thread and read from another.
final class Flag: Sendable {
    private let raised = Atomic<Bool>(false)
    func raise() { raised.store(true, ordering: .releasing) }
    var isRaised: Bool { raised.load(ordering: .acquiring) }
}

/// A call that runs out of fuel continues where it stopped once refuelled.
@Suite(.timeLimit(.minutes(1))) struct ResumableCallTests {
    private func meteredLoop() throws -> Loaded {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        return try Fixtures.instantiate("long_loop", configuration: configuration)
    }

    @Test func resumingAfterRefuellingGivesTheUninterruptedResult() throws {
        let loaded = try meteredLoop()
        let lcg = try loaded.function("lcg")
        let expected = try loaded.store.invoke(lcg, [.i32(7), .i32(100_000)])

        loaded.store.fuel = 50_000
        var stops = 0
        var results: [Value]?
        do {
            results = try loaded.store.invoke(lcg, [.i32(7), .i32(100_000)])
        } catch {
            #expect(error.reason == .outOfFuel)
            stops += 1
        }
        while results == nil, loaded.store.hasSuspendedCall {
            loaded.store.fuel = 50_000
            do {
                results = try loaded.store.resume()
            } catch {
                #expect(error.reason == .outOfFuel)
                stops += 1
            }
        }
        #expect(stops > 3)
        #expect(results == expected)
        #expect(!loaded.store.hasSuspendedCall)
    }

    @Test func aNewCallAbandonsTheWaitingOne() throws {
        let loaded = try meteredLoop()
        let sum = try loaded.function("sum")
        loaded.store.fuel = 10_000
        #expect(throws: Trap.self) { try loaded.store.invoke(sum, [.i32(1_000_000)]) }
        #expect(loaded.store.hasSuspendedCall)
        loaded.store.fuel = nil
        #expect(try loaded.store.invoke(sum, [.i32(10)]) == [.i64(45)])
        #expect(!loaded.store.hasSuspendedCall)
        #expect(throws: Trap.self) { try loaded.store.resume() }
    }

    @Test func resumingWithNothingWaitingIsAnError() throws {
        let loaded = try meteredLoop()
        #expect(throws: Trap.self) { try loaded.store.resume() }
        loaded.store.fuel = 100
        let sum = try loaded.function("sum")
        #expect(throws: Trap.self) { try loaded.store.invoke(sum, [.i32(1_000_000)]) }
        loaded.store.discardSuspendedCall()
        #expect(!loaded.store.hasSuspendedCall)
        #expect(throws: Trap.self) { try loaded.store.resume() }
    }
}

/// Calls that run out of fuel and are never resumed do not eat the value stack.
@Suite(.timeLimit(.minutes(1))) struct AbandonedCallTests {
    @Test func repeatedAbandonedCallsKeepTheStackBounded() throws {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        configuration.valueStackSlots = 4096
        let loaded = try Fixtures.instantiate("long_loop", configuration: configuration)
        let sum = try loaded.function("sum")
        for _ in 0..<10_000 {
            loaded.store.fuel = 50
            let error = #expect(throws: Trap.self) { try loaded.store.invoke(sum, [.i32(1_000_000)]) }
            #expect(error?.reason == .outOfFuel)
        }
        loaded.store.discardSuspendedCall()
        loaded.store.fuel = nil
        #expect(try loaded.store.invoke(sum, [.i32(100)]) == [.i64(4950)])
    }
}

/// Resumption on a real workload: the sieve benchmark, stopped many times, gives its checksum.
@Suite struct ResumableBenchmarkTests {
    /// A debug build takes most of a minute over it: it runs on a thread of its own.
    @Test func theSieveResumedAfterEveryFuelStopGivesItsChecksum() async throws {
        let path = Fixtures.packageRoot + "/Benchmarks/sieve.wasm"
        let bytes = try #require(FileManager.default.contents(atPath: path).map { [UInt8]($0) })
        let (stops, results, otherStops) = try await offThePool {
            var configuration = EngineConfiguration()
            configuration.meteringEnabled = true
            let store = Store(configuration: configuration)
            let instance = try store.instantiate(try Module(bytes: bytes))
            guard let run = instance.exportedFunction("run") else { return (0, [Value]?.none, [TrapReason]()) }
            var stops = 0
            var results: [Value]?
            var otherStops: [TrapReason] = []
            store.fuel = 20_000_000
            do {
                results = try store.invoke(run, [])
            } catch let trap as Trap {
                if trap.reason != .outOfFuel { otherStops.append(trap.reason) }
            }
            while results == nil, store.hasSuspendedCall {
                stops += 1
                store.fuel = 20_000_000
                do {
                    results = try store.resume()
                } catch let trap as Trap {
                    if trap.reason != .outOfFuel { otherStops.append(trap.reason) }
                }
            }
            return (stops, results, otherStops)
        }
        #expect(otherStops.isEmpty)
        #expect(stops > 2)
        // Benchmarks/workloads.txt: sieve's checksum.
        #expect(results == [.i32(2_825_896)])
    }
}
