import Foundation
import Synchronization

/// Cancels a task from a thread of its own once `ready` holds. A test that cancels a spinning
/// guest from the cooperative pool can wait for ever: on a 2-core machine two such guests hold
/// both of the pool's threads, and the task that would cancel them never gets one.
final class OffPoolCanceller: Sendable {
    private let cancelled = Mutex<ContinuousClock.Instant?>(nil)

    init<Success: Sendable, Failure: Error>(
        _ task: Task<Success, Failure>, after delay: Duration = .zero, when ready: @escaping @Sendable () -> Bool
    ) {
        Thread.detachNewThread { [self] in
            while !ready() { Thread.sleep(forTimeInterval: 0.002) }
            let seconds = Double(delay.components.seconds) + Double(delay.components.attoseconds) * 1e-18
            if seconds > 0 { Thread.sleep(forTimeInterval: seconds) }
            cancelled.withLock { $0 = .now }
            task.cancel()
        }
    }

    /// When the task was cancelled; nil until it has been.
    var cancelledAt: ContinuousClock.Instant? { cancelled.withLock { $0 } }
}
