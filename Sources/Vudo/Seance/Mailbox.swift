import Synchronization

/// Every Spirit's queues of waiting messages, per channel, for one Séance. Lock-protected: Spirits
/// send and receive from inside their calls, on whatever thread those run.
final class Mailbox: Sendable {
    private struct Queues: ~Copyable {
        var byRecipient: [String: [Int32: [SeanceMessage]]] = [:]
    }

    private let queues = Mutex(Queues())

    /// Makes `name` a recipient (with nothing waiting).
    func open(_ name: String) { queues.withLock { $0.byRecipient[name] = [:] } }

    /// Removes `name` and drops everything waiting for it.
    func close(_ name: String) { queues.withLock { $0.byRecipient[name] = nil } }

    /// Drops every recipient and message.
    func closeAll() { queues.withLock { $0.byRecipient = [:] } }

    /// Queues `message` for `recipient`; false when there is no such recipient.
    func send(_ message: SeanceMessage, to recipient: String) -> Bool {
        queues.withLock { queues in
            guard queues.byRecipient[recipient] != nil else { return false }
            queues.byRecipient[recipient]![message.channel, default: []].append(message)
            return true
        }
    }

    /// Queues `message` for every recipient but its sender; returns how many received it.
    func broadcast(_ message: SeanceMessage) -> Int {
        queues.withLock { queues in
            let recipients = queues.byRecipient.keys.filter { $0 != message.from }
            for recipient in recipients {
                queues.byRecipient[recipient]![message.channel, default: []].append(message)
            }
            return recipients.count
        }
    }

    /// How many messages wait for `recipient` on `channel` (0 for an unknown recipient).
    func pending(for recipient: String, channel: Int32) -> Int {
        queues.withLock { $0.byRecipient[recipient]?[channel]?.count ?? 0 }
    }

    /// Every message waiting for `recipient`, over all channels.
    func pendingTotal(for recipient: String) -> Int {
        queues.withLock { $0.byRecipient[recipient]?.values.reduce(0) { $0 + $1.count } ?? 0 }
    }

    /// Removes and returns the oldest message for `recipient` on `channel`, but only if `accept`
    /// says yes: a receiver whose buffers are too small leaves it queued.
    func receive(for recipient: String, channel: Int32, accept: (SeanceMessage) -> Bool = { _ in true }) -> SeanceMessage? {
        queues.withLock { queues in
            guard let first = queues.byRecipient[recipient]?[channel]?.first, accept(first) else { return nil }
            queues.byRecipient[recipient]![channel]!.removeFirst()
            return first
        }
    }

    /// Whether anything at all is queued (for tests of release and dismiss).
    var isEmpty: Bool { queues.withLock { $0.byRecipient.values.allSatisfy { $0.values.allSatisfy(\.isEmpty) } } }
}
