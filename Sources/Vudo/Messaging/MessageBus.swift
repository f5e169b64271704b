import Synchronization

/// Named inboxes and the messages between them: how the Spirits of a ``Seance`` (and the host)
/// talk. This is the message bus of `@vudo/runtime` (`messagebus.ts`): a FIFO per recipient,
/// channels with 0 meaning "any channel" when receiving, peeking or counting, a timestamp on every
/// message, and handlers that see each message as it arrives.
///
/// ```swift
/// let bus = MessageBus()
/// try bus.register("ping")
/// try bus.register("pong")
/// bus.send([1, 2, 3], to: "pong", channel: 1, from: "ping")   // true
/// bus.pending(for: "pong")                                     // 1 (channel 0: every channel)
/// bus.receive(for: "pong", channel: 1)?.payload                // [1, 2, 3]
/// ```
///
/// A Séance's bus is ``Seance/messages``. Spirits reach it through the `messaging` Loa (module
/// `messaging` or `env`) and through the `vudo` module's `vudo_send`, `vudo_recv`, ... (see the
/// ABI reference). All methods are safe from any thread; handlers run on the sender's thread,
/// after the message is queued and outside the bus's lock, so a handler may use the bus.
public final class MessageBus: Sendable {
    /// Receiving, peeking or counting on this channel takes every channel.
    public static let anyChannel: Int32 = 0
    /// The longest name, in UTF-8 bytes, a bus accepts: the DOL ABI's cap on a sender name.
    public static let maximumNameLength = 256
    /// The largest payload, in bytes, a Spirit may send: the DOL ABI's cap on a message.
    public static let maximumPayloadLength = 1 << 20

    let state = Mutex(BusState())
    private let time: TimeSource

    /// A bus with no one registered; message timestamps come from `time`.
    public init(time: TimeSource = .system) { self.time = time }

    // MARK: Registration

    /// Gives `name` an inbox. A recipient that does not `receivesBroadcasts` (the host of a
    /// Séance) gets only messages sent to it by name.
    ///
    /// Throws ``MessageBusError/duplicateName(_:)`` when `name` has an inbox already and
    /// ``MessageBusError/nameTooLong(_:)`` past ``maximumNameLength`` bytes.
    public func register(_ name: String, receivesBroadcasts: Bool = true) throws(MessageBusError) {
        guard name.utf8.count <= Self.maximumNameLength else { throw .nameTooLong(name) }
        try state.withLock { (state) throws(MessageBusError) in
            guard state.inboxes[name] == nil else { throw .duplicateName(name) }
            state.inboxes[name] = Inbox(receivesBroadcasts: receivesBroadcasts)
            state.order.append(name)
        }
    }

    /// Removes `name`'s inbox with its messages and handlers. A receiver waiting for it stops
    /// waiting (and gets nothing). Unknown names are ignored.
    public func unregister(_ name: String) {
        let woken = state.withLock { state in
            state.inboxes[name] = nil
            state.order.removeAll { $0 == name }
            return state.takeWaiters { $0.recipient == name }
        }
        for waiter in woken { waiter.resume() }
    }

    /// Removes every inbox, message and handler.
    public func unregisterAll() {
        let woken = state.withLock { state in
            state.inboxes = [:]
            state.order = []
            return state.takeWaiters { _ in true }
        }
        for waiter in woken { waiter.resume() }
    }

    /// Whether `name` has an inbox.
    public func isRegistered(_ name: String) -> Bool { state.withLock { $0.inboxes[name] != nil } }

    /// Every registered name, in registration order.
    public var names: [String] { state.withLock { $0.order } }

    // MARK: Sending

    /// Queues a copy of `payload` for `recipient`, then runs `recipient`'s handlers. Returns false,
    /// and queues nothing, when `recipient` has no inbox. The sender need not be registered.
    @discardableResult
    public func send(_ payload: [UInt8], to recipient: String, channel: Int32, from sender: String) -> Bool {
        let message = SeanceMessage(
            from: sender, to: recipient, channel: channel, payload: payload, timestamp: time.now())
        guard let (handlers, woken) = state.withLock({ $0.deliver(message) }) else { return false }
        for waiter in woken { waiter.resume() }
        for handler in handlers { handler(message) }
        return true
    }

    /// Queues a copy of `payload` for every recipient that receives broadcasts, except `sender`;
    /// returns how many received it.
    @discardableResult
    public func broadcast(_ payload: [UInt8], channel: Int32, from sender: String) -> Int {
        let now = time.now()
        var delivered: [(SeanceMessage, [MessageHandler])] = []
        let woken = state.withLock { state in
            var woken: [CheckedContinuation<Void, Never>] = []
            for name in state.order where name != sender && state.inboxes[name]?.receivesBroadcasts == true {
                let message = SeanceMessage(from: sender, to: name, channel: channel, payload: payload, timestamp: now)
                guard let (handlers, waiters) = state.deliver(message) else { continue }
                delivered.append((message, handlers))
                woken += waiters
            }
            return woken
        }
        for waiter in woken { waiter.resume() }
        for (message, handlers) in delivered {
            for handler in handlers { handler(message) }
        }
        return delivered.count
    }

    // MARK: Receiving

    /// Removes and returns the oldest message for `recipient` on `channel` (0: on any channel), or
    /// nil when none waits or `recipient` is unknown.
    public func receive(for recipient: String, channel: Int32 = anyChannel) -> SeanceMessage? {
        guard case .taken(let message) = take(for: recipient, channel: channel, if: { _ in true }) else { return nil }
        return message
    }

    /// The message ``receive(for:channel:)`` would return, left in place.
    public func peek(for recipient: String, channel: Int32 = anyChannel) -> SeanceMessage? {
        state.withLock { $0.inboxes[recipient]?.messages.first { $0.matches(channel: channel) } }
    }

    /// How many messages wait for `recipient` on `channel` (0: on every channel); 0 for an
    /// unknown recipient.
    public func pending(for recipient: String, channel: Int32 = anyChannel) -> Int {
        state.withLock { state in
            guard let messages = state.inboxes[recipient]?.messages else { return 0 }
            return channel == Self.anyChannel ? messages.count : messages.count { $0.channel == channel }
        }
    }

    /// Removes the oldest message for `recipient` on `channel`, but only if `accept` says yes;
    /// otherwise it stays where it is (a receiver whose buffers are too small).
    func take(for recipient: String, channel: Int32, if accept: (SeanceMessage) -> Bool) -> TakeOutcome {
        state.withLock { $0.take(for: recipient, channel: channel, if: accept) }
    }

    // MARK: Handlers and housekeeping

    /// Runs `handler` for every message queued for `name` from now on, after it is queued. Handlers
    /// do not consume messages. Returns false, and keeps nothing, when `name` is not registered;
    /// unregistering `name` drops its handlers.
    @discardableResult
    public func onMessage(for name: String, _ handler: @escaping @Sendable (SeanceMessage) -> Void) -> Bool {
        state.withLock { state in
            guard state.inboxes[name] != nil else { return false }
            state.inboxes[name]?.handlers.append(handler)
            return true
        }
    }

    /// Drops every message waiting for `name`.
    public func clear(_ name: String) {
        state.withLock { state in
            state.inboxes[name]?.messages = []
        }
    }

    /// Drops every message waiting for anyone; inboxes and handlers stay.
    public func clearAll() {
        state.withLock { state in
            for name in state.order { state.inboxes[name]?.messages = [] }
        }
    }
}

/// Why a ``MessageBus`` refused a name.
public enum MessageBusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name has an inbox already.
    case duplicateName(String)
    /// The name is longer than ``MessageBus/maximumNameLength`` UTF-8 bytes.
    case nameTooLong(String)

    public var description: String {
        switch self {
        case .duplicateName(let name): "'\(name)' is already registered on the message bus"
        case .nameTooLong(let name):
            "a name on the message bus has at most \(MessageBus.maximumNameLength) bytes; '\(name.prefix(32))...' has \(name.utf8.count)"
        }
    }
}

typealias MessageHandler = @Sendable (SeanceMessage) -> Void

/// One recipient's queue, oldest first, over all channels (so channel 0 receives in arrival order).
struct Inbox {
    var messages: [SeanceMessage] = []
    var handlers: [MessageHandler] = []
    var receivesBroadcasts: Bool
}

/// Everything a bus guards with its lock.
struct BusState: ~Copyable {
    var inboxes: [String: Inbox] = [:]
    var order: [String] = []
    /// Receivers suspended in ``MessageBus/receive(for:channel:timeout:)``, by wait.
    var waiters: [UInt64: MessageWaiter] = [:]
    /// Waits in progress; a wake-up for any other is stale and ignored.
    var liveWaits: Set<UInt64> = []
    /// Waits woken (by their timer or cancellation) before they parked: they must not park.
    var wokenEarly: Set<UInt64> = []
    var lastWait: UInt64 = 0

    /// Queues `message`; returns the recipient's handlers and the receivers to wake, or nil when
    /// there is no such recipient.
    mutating func deliver(_ message: SeanceMessage) -> ([MessageHandler], [CheckedContinuation<Void, Never>])? {
        guard let handlers = inboxes[message.to]?.handlers else { return nil }
        inboxes[message.to]?.messages.append(message)
        let woken = takeWaiters { $0.recipient == message.to && message.matches(channel: $0.channel) }
        return (handlers, woken)
    }

    mutating func take(for recipient: String, channel: Int32, if accept: (SeanceMessage) -> Bool) -> TakeOutcome {
        guard let index = inboxes[recipient]?.messages.firstIndex(where: { $0.matches(channel: channel) }),
            let message = inboxes[recipient]?.messages[index]
        else { return .nothing }
        guard accept(message) else { return .refused }
        inboxes[recipient]?.messages.remove(at: index)
        return .taken(message)
    }

    /// Removes the waiters `matching` says yes to and returns their continuations.
    mutating func takeWaiters(_ matching: (MessageWaiter) -> Bool) -> [CheckedContinuation<Void, Never>] {
        let chosen = waiters.filter { matching($0.value) }
        for id in chosen.keys { waiters[id] = nil }
        return chosen.values.map(\.continuation)
    }
}

/// What taking a message found.
enum TakeOutcome {
    case taken(SeanceMessage)
    /// Nothing waits on that channel.
    case nothing
    /// A message waits, but the receiver refused it; it stays queued.
    case refused
}

/// A receiver suspended until a message for `recipient` on `channel` arrives.
struct MessageWaiter {
    let recipient: String
    let channel: Int32
    let continuation: CheckedContinuation<Void, Never>
}
