import Synchronization

/// The one way into a Spirit's engine objects: a lock, so a call from the Spirit's actor and a
/// synchronous call from another Spirit's import (in a ``Seance``) never run at once, and a record
/// of which gates the current call chain holds, so a cycle (A calls B, which calls A) is refused
/// with an error instead of waiting on a lock its own thread holds.
final class SpiritGate: Sendable {
    private let lock = Mutex<Void>(())

    /// The gates the running call chain is inside, outermost first. Task-local because a chain is
    /// one synchronous call stack inside one task.
    @TaskLocal static var entered: [ObjectIdentifier] = []

    /// Whether the running call chain is already inside this gate: entering again would deadlock.
    var isEnteredByCurrentCall: Bool { Self.entered.contains(ObjectIdentifier(self)) }

    /// Runs `body` holding the lock, with this gate recorded in the call chain.
    func enter<R, E: Error>(_ body: () throws(E) -> R) throws(E) -> R {
        let result: Result<R, E> = Self.$entered.withValue(Self.entered + [ObjectIdentifier(self)]) {
            lock.withLock { _ in
                do throws(E) { return .success(try body()) } catch { return .failure(error) }
            }
        }
        return try result.get()
    }
}
