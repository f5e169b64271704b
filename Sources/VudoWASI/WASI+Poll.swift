/// `poll_oneoff`: waits until a subscription is ready, then reports every ready one.
///
/// A clock is ready when its time comes (relative, or absolute on its clock); a host descriptor
/// when `poll(2)` says so (a regular file at once, a pipe when data or a hang-up arrives); a Swift
/// stream at once. The wait has two forms for the same rules: blocking, for synchronous calls
/// (``WASI/run(_:engine:)``, `Store.invoke`), and suspending, when the guest runs under an async
/// call (`Store.invokeAsync`, ``Spirit/call(_:_:)``), where no thread is held.

import Vudo
import WasmCore

extension WASI {
    /// The longest pause between two looks at descriptors that are not ready, in an async call.
    static let longestPollPause: UInt64 = 20_000_000

    func pollOneoff(
        _ memory: GuestMemory, subscriptions: UInt32, events: UInt32, count: UInt32, result: UInt32
    ) throws(WASIErrno) {
        let request = try pollRequest(
            memory, subscriptions: subscriptions, events: events, count: count, result: result)
        var ready = request.readyEvents(pollTimeout: 0, clocksDueBy: 0)
        if ready.isEmpty, !request.waitsForHostDescriptors, let delay = request.earliestClock {
            // Only clocks: the configured clock sleeps (a manual clock moves instead).
            configuration.clock.sleep(delay)
            ready = request.readyEvents(pollTimeout: 0, clocksDueBy: delay)
        }
        while ready.isEmpty {
            // Host descriptors, perhaps with a clock: poll(2) waits for either.
            ready = request.readyEvents(
                pollTimeout: Self.milliseconds(until: request.earliestClock, after: request.elapsed))
        }
        try request.report(ready, to: memory)
    }

    /// The same rules as ``pollOneoff(_:subscriptions:events:count:result:)``, without blocking a
    /// thread: clocks wait with ``WASIClock/asyncSleep``, descriptors that are not ready are asked
    /// again after short sleeps. Cancelling the task ends the wait with `CancellationError`.
    nonisolated(nonsending) func pollOneoffAsync(
        _ memory: GuestMemory, subscriptions: UInt32, events: UInt32, count: UInt32, result: UInt32
    ) async throws {
        let request = try pollRequest(
            memory, subscriptions: subscriptions, events: events, count: count, result: result)
        var ready = request.readyEvents(pollTimeout: 0, clocksDueBy: 0)
        if ready.isEmpty, !request.waitsForHostDescriptors, let delay = request.earliestClock {
            try await configuration.clock.asyncSleep(delay)
            ready = request.readyEvents(pollTimeout: 0, clocksDueBy: delay)
        }
        var pause: UInt64 = 1_000_000
        while ready.isEmpty {
            let remaining = request.earliestClock.map { $0 > request.elapsed ? $0 - request.elapsed : 0 } ?? UInt64.max
            if remaining > 0 { try await Task.sleep(nanoseconds: min(pause, remaining)) }
            try Task.checkCancellation()
            pause = min(pause * 2, Self.longestPollPause)
            ready = request.readyEvents(pollTimeout: 0)
        }
        try request.report(ready, to: memory)
    }

    /// Reads the subscriptions, under the lock that guards the descriptor table (the wait itself
    /// happens outside it).
    private func pollRequest(
        _ memory: GuestMemory, subscriptions: UInt32, events: UInt32, count: UInt32, result: UInt32
    ) throws(WASIErrno) -> PollRequest {
        try withLock { () throws(WASIErrno) -> PollRequest in
            try PollRequest(
                memory, subscriptions: subscriptions, events: events, count: count, result: result,
                descriptors: descriptors, clock: configuration.clock)
        }
    }

    /// A `poll(2)` timeout: the milliseconds (rounded up) until the clock `delay` after the start,
    /// `elapsed` nanoseconds in; -1 (no limit) without a clock.
    private static func milliseconds(until delay: UInt64?, after elapsed: UInt64) -> Int32 {
        guard let delay else { return -1 }
        guard delay > elapsed else { return 0 }
        let milliseconds = (delay - elapsed) / 1_000_000 + ((delay - elapsed) % 1_000_000 == 0 ? 0 : 1)
        return Int32(min(milliseconds, UInt64(Int32.max)))
    }
}
