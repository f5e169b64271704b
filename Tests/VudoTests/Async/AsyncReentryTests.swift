import Synchronization
import Testing
import Vudo
import WasmCore

/// An async host function that calls back into the Spirit suspended in it, and calls waiting for
/// their turn. Each test has a time limit: the failure these guard against is a call that never
/// ends.
@Suite(.timeLimit(.minutes(1))) struct AsyncReentryTests {
    /// The Spirit a host function calls back into, set once it is loaded.
    final class SpiritBox: Sendable {
        private let held = Mutex<Spirit?>(nil)
        var spirit: Spirit? { held.withLock { $0 } }
        func set(_ spirit: Spirit) { held.withLock { $0 = spirit } }
    }

    struct NotLoaded: Error {}

    /// async_reentry.wasm with `host.fetch` as this async body.
    static func load(
        fetch: @escaping @Sendable (Spirit, UInt32) async throws -> UInt32
    ) async throws -> Spirit {
        let box = SpiritBox()
        let function = LoaFunction(
            name: "fetch", type: FunctionType(parameters: [.i32], results: [.i32]), capability: "fetch"
        ) { _, arguments in
            guard let spirit = box.spirit, case .i32(let n) = arguments.first else { throw NotLoaded() }
            return [.i32(try await fetch(spirit, n))]
        }
        var options = SpiritOptions()
        try options.loas.register(Loa(name: "host", version: "1.0.0", functions: [function]))
        options.grant(LoaGrant("host", capabilities: .all))
        let spirit = try await Fixtures.load("async_reentry.wasm", options: options)
        box.set(spirit)
        return spirit
    }

    @Test func aHostFunctionCanCallTheGuestsAllocator() async throws {
        let spirit = try await Self.load { spirit, n in
            // The common pattern: ask the guest for memory, fill it, hand the guest the pointer.
            guard case .i32(let pointer) = try await spirit.call("alloc", [Value.i32(4)]).first else { return 0 }
            try await spirit.memory.store(n &* 3, at: pointer)
            return pointer
        }
        #expect(try await spirit.call("request", [.i32(5)]) == [.i32(15)])
        // The nested call ran in the guest: its allocator moved by 4 bytes from 1024.
        #expect(try await spirit.call("allocated", []) == [.i32(1028)])
        // Later calls, nested or not, still work.
        #expect(try await spirit.call("request", [.i32(7)]) == [.i32(21)])
        #expect(try await spirit.call("allocated", []) == [.i32(1032)])
        #expect(try await spirit.call("plain", []) == [.i32(7)])
    }

    @Test func aNestedCallThatReachesAnAsyncFunctionFailsAtOnce() async throws {
        let inner = Mutex<SpiritError?>(nil)
        let spirit = try await Self.load { spirit, n in
            if n == 1 {
                // Nested calls are synchronous: this one cannot suspend in `fetch` again.
                do throws(SpiritError) {
                    _ = try await spirit.call("request", [.i32(2)])
                } catch {
                    inner.withLock { $0 = error }
                }
            }
            guard case .i32(let pointer) = try await spirit.call("alloc", [Value.i32(4)]).first else { return 0 }
            try await spirit.memory.store(n, at: pointer)
            return pointer
        }
        #expect(try await spirit.call("request", [.i32(1)]) == [.i32(1)])
        guard case .trap(let function, let trap) = inner.withLock({ $0 }) else {
            Issue.record("the nested call should have failed with a trap")
            return
        }
        #expect(function == "request")
        #expect("\(trap.reason)".contains("async host function"))
        #expect(try await spirit.call("plain", []) == [.i32(7)])
    }

    /// A gate the host function waits at, opened by the test.
    actor Gate {
        private var open = false
        private var waiters: [CheckedContinuation<Void, Never>] = []
        private(set) var arrivals = 0

        func pass() async {
            arrivals += 1
            if open { return }
            await withCheckedContinuation { waiters.append($0) }
        }

        func openUp() {
            open = true
            for waiter in waiters { waiter.resume() }
            waiters = []
        }
    }

    @Test func aCallWaitingForItsTurnEndsWhenItsTaskIsCancelled() async throws {
        let gate = Gate()
        let spirit = try await Self.load { spirit, n in
            await gate.pass()
            // No call back into the Spirit here: this test is about the turn alone.
            try await spirit.memory.store(n, at: 512)
            return 512
        }
        // The first call holds the turn, suspended at the gate.
        let holder = Task { try await spirit.call("request", [.i32(3)]) }
        while await gate.arrivals == 0 { try await Task.sleep(for: .milliseconds(5)) }
        // A safety net: if the waiting call ignored its cancellation, the gate opens after 20 s
        // and the waiting call then runs to completion, which the test reports as a failure.
        let safetyNet = Task {
            try await Task.sleep(for: .seconds(20))
            await gate.openUp()
        }
        defer { safetyNet.cancel() }
        let waiting = Task { () -> Result<[Value], SpiritError> in
            do throws(SpiritError) {
                return .success(try await spirit.call("plain", []))
            } catch {
                return .failure(error)
            }
        }
        try await Task.sleep(for: .milliseconds(50))
        waiting.cancel()
        let outcome = await waiting.value
        // Had it waited for its turn instead, it would have run `plain` once the gate opened.
        guard case .failure(.trap(let function, let trap)) = outcome else {
            Issue.record("the waiting call should have ended with a cancellation trap, got \(outcome)")
            return
        }
        #expect(function == "plain")
        #expect(trap.reason == .cancelled)
        // The holder finishes once released, and later calls take their turns as before.
        await gate.openUp()
        #expect(try await holder.value == [.i32(3)])
        #expect(try await spirit.call("plain", []) == [.i32(7)])
        #expect(try await spirit.call("request", [.i32(4)]) == [.i32(4)])
    }
}
