import Synchronization
import Vudo

/// A Spirit's debug log with the instant of each line. The lines "call f(...)" and "f trapped: ..."
/// are written on the Spirit's actor right before the guest starts and right after it stops, so
/// the time between them is the guest's own, not the time a busy thread pool took to resume the
/// test: a promptness bound on it holds on a loaded machine.
final class TimedLog: Sendable {
    private let entries = Mutex<[(line: String, at: ContinuousClock.Instant)]>([])

    var logger: SpiritLogger {
        SpiritLogger { line in
            let now = ContinuousClock.now
            self.entries.withLock { $0.append((line, now)) }
        }
    }

    /// When the first line containing `text` was written.
    func instant(of text: String) -> ContinuousClock.Instant? {
        entries.withLock { entries in entries.first { $0.line.contains(text) }?.at }
    }

    /// The time from the first line containing `start` to the first containing `end`.
    func interval(from start: String, to end: String) -> Duration? {
        guard let from = instant(of: start), let to = instant(of: end) else { return nil }
        return to - from
    }
}
