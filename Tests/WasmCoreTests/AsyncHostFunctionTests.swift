import Testing
import WasmCore

/// Async host functions: the guest is suspended at the call and continued with the results.
@Suite struct AsyncHostFunctionTests {
    struct HostFailure: Error {}

    private func load(next: @escaping HostFunction.AsyncBody) throws -> Loaded {
        let store = Store()
        let type = FunctionType(parameters: [.i32], results: [.i32])
        var imports = Imports()
        imports.define(
            module: "host", name: "next", .function(store.addHostFunction(HostFunction(type: type, asyncBody: next))))
        let instance = try store.instantiate(try Fixtures.module("async_host"), imports: imports)
        return Loaded(store: store, instance: instance)
    }

    @Test func tenThousandAwaitedResultsArriveInOrder() async throws {
        let loaded = try load { _, arguments in
            await Task.yield()
            guard case .i32(let x) = arguments.first else { throw HostFailure() }
            return [.i32(x &* 2 &+ 1)]
        }
        var expected: UInt32 = 0
        for i in UInt32(0)..<10_000 { expected = expected &* 31 &+ (i &* 2 &+ 1) }
        let results = try await loaded.store.invokeAsync(try loaded.function("chain"), [.i32(10_000)])
        #expect(results == [.i32(expected)])
    }

    @Test func suspendedFramesSurviveTheAwait() async throws {
        let loaded = try load { _, _ in
            try await Task.sleep(for: .milliseconds(5))
            return [.i32(1)]
        }
        #expect(try await loaded.store.invokeAsync(try loaded.function("deep"), [.i32(500)]) == [.i32(501)])
        // The same instance keeps working for plain calls afterwards.
        #expect(try await loaded.store.invokeAsync(try loaded.function("deep"), [.i32(3)]) == [.i32(4)])
    }

    @Test func aSynchronousCallCannotAwait() throws {
        let loaded = try load { _, _ in [.i32(0)] }
        let trap = try loaded.trap("once", [.i32(1)])
        #expect("\(trap.reason)".contains("invokeAsync"))
    }

    @Test func anErrorFromTheHostEndsTheCallWithIt() async throws {
        let loaded = try load { _, _ in throw HostFailure() }
        let once = try loaded.function("once")
        do {
            _ = try await loaded.store.invokeAsync(once, [.i32(1)])
            Issue.record("the call should have failed")
        } catch {
            #expect(error.underlyingError is HostFailure)
            #expect(!error.backtrace.isEmpty)
        }
    }

    @Test(.timeLimit(.minutes(1))) func cancellationReachesTheAwaitedHostCall() async throws {
        let task = Task { () -> Trap? in
            let loaded = try load { _, _ in
                try await Task.sleep(for: .seconds(30))
                return [.i32(0)]
            }
            let once = try loaded.function("once")
            do {
                _ = try await loaded.store.invokeAsync(once, [.i32(1)])
                return nil
            } catch let trap as Trap {
                return trap
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        let cancelled = ContinuousClock.now
        task.cancel()
        let trap = try await task.result.get()
        // A 30-second wait that ran out would return normally: the CancellationError shows the
        // cancellation reached it, and the bound that it did not wait the 30 s out. The bound is
        // loose because the cancelled wait resumes only when a thread is free, which on a loaded
        // 2-core machine running the suites in parallel has taken seconds.
        #expect(trap?.underlyingError is CancellationError)
        #expect(ContinuousClock.now - cancelled < .seconds(20))
    }
}
