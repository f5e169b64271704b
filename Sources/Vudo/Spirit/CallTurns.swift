import Synchronization

/// The turns of the calls into one Spirit whose guest may be suspended in an async host function:
/// one call at a time, the others waiting in order. A waiting call whose task is cancelled leaves
/// the queue at once (a lock, not the actor, guards it, because a cancellation handler runs
/// synchronously on whatever thread cancelled the task).
final class CallTurns: Sendable {
    private struct State {
        var taken = false
        var nextTicket: UInt64 = 0
        var waiting: [(ticket: UInt64, continuation: CheckedContinuation<Bool, Never>)] = []
    }

    private let state = Mutex(State())

    /// Takes the turn, waiting while another call has it; false, without the turn, when the task is
    /// cancelled while it would wait.
    func take() async -> Bool {
        let ticket = state.withLock { state in
            state.nextTicket += 1
            return state.nextTicket
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
                let answer: Bool? = state.withLock { state in
                    if !state.taken {
                        state.taken = true
                        return true
                    }
                    // Checked under the lock: a cancellation either came before (seen here) or
                    // comes after the continuation is queued (the handler then finds it).
                    if Task.isCancelled { return false }
                    state.waiting.append((ticket, continuation))
                    return nil
                }
                if let answer { continuation.resume(returning: answer) }
            }
        } onCancel: {
            let cancelled = state.withLock { state in
                state.waiting.firstIndex { $0.ticket == ticket }.map { state.waiting.remove(at: $0).continuation }
            }
            cancelled?.resume(returning: false)
        }
    }

    /// Gives the turn to the next waiting call, or frees it.
    func give() {
        let next = state.withLock { state in
            guard !state.waiting.isEmpty else {
                state.taken = false
                return CheckedContinuation<Bool, Never>?.none
            }
            return state.waiting.removeFirst().continuation
        }
        next?.resume(returning: true)
    }
}

/// The Spirit calls the running task is inside, each by a ticket unique in the process.
///
/// An async host function runs in the task of the call that awaits it (or in a child task, which
/// inherits task-locals). When it calls back into the Spirit that is suspended in it, the turn is
/// held by its own caller: waiting for it would never end. Finding the suspended call's ticket
/// here tells the Spirit to run the call nested inside it instead.
enum SpiritCallChain {
    @TaskLocal static var tickets: [UInt64] = []

    private static let counter = Atomic<UInt64>(0)

    /// A ticket no other call has.
    static func newTicket() -> UInt64 { counter.wrappingAdd(1, ordering: .relaxed).newValue }
}
