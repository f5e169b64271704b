import Synchronization

/// Where the JSON effects of the DOL ABI go: `vudo_emit_effect(ptr, len)` hands one to the hub,
/// which checks it, numbers it, keeps it in a bounded queue and calls every subscriber whose
/// pattern matches; `vudo_subscribe(ptr, len)` records a Spirit's subscription.
///
/// ```swift
/// let hub = EffectHub()
/// hub.subscribe("state_change") { effect in print(effect.payload) }
/// var options = SpiritOptions()
/// options.effectHub = hub
/// ```
///
/// A Spirit's hub is ``SpiritOptions/effectHub`` (one per options value by default); the Spirits
/// of a ``Seance`` share ``Seance/effects``. A Spirit's own subscription gets no callback (a Spirit
/// cannot be called back in the middle of its work): it is listed in ``subscriptions``, and
/// `onSubscribe` tells the host, which may forward matching effects to it, as messages for instance.
public final class EffectHub: Sendable {
    /// The largest effect or pattern, in bytes, a Spirit may hand over: the DOL ABI's message cap.
    public static let maximumLength = MessageBus.maximumPayloadLength

    private struct State: ~Copyable {
        var queue: [EmittedEffect] = []
        var subscriptions: [(EffectSubscription, (@Sendable (EmittedEffect) -> Void)?)] = []
        var lastEffect: UInt32 = 0
        var lastSubscription: UInt32 = 0
    }

    private let state = Mutex(State())
    private let time: TimeSource
    private let queueLimit: Int
    private let accept: (@Sendable (EmittedEffect) -> Bool)?
    private let onSubscribe: (@Sendable (EffectSubscription) -> Void)?

    /// - Parameters:
    ///   - time: fills in the timestamp of effects the host emits without one.
    ///   - queueLimit: how many effects ``queue`` keeps; the oldest go first.
    ///   - accept: decides whether a well-formed effect is taken; a refused one is not queued, no
    ///     subscriber sees it, and the Spirit gets 0. All are taken when nil.
    ///   - onSubscribe: told of every new subscription, the Spirits' and the host's.
    public init(
        time: TimeSource = .system, queueLimit: Int = 1024,
        accept: (@Sendable (EmittedEffect) -> Bool)? = nil,
        onSubscribe: (@Sendable (EffectSubscription) -> Void)? = nil
    ) {
        self.time = time
        self.queueLimit = max(queueLimit, 0)
        self.accept = accept
        self.onSubscribe = onSubscribe
    }

    // MARK: Emitting

    /// Takes an effect given as JSON text; returns its id, or 0 when the text is not a JSON object
    /// with a non-empty string `effect_type`, or `accept` refused it. `spirit` names the emitter.
    @discardableResult
    public func emit(json: String, from spirit: String? = nil) -> UInt32 {
        emit(Array(json.utf8), from: spirit, now: time.now())
    }

    /// What `vudo_emit_effect` does with the bytes a Spirit handed over; `now` stands in for a
    /// missing timestamp.
    func emit(_ bytes: [UInt8], from spirit: String?, now: Int64) -> UInt32 {
        guard bytes.count <= Self.maximumLength, let value = JSONParser.parse(bytes),
            case .string(let type)? = value.member("effect_type")?.value, !type.isEmpty
        else { return 0 }
        let payload = value.member("payload").map { String(decoding: bytes[$0.text], as: UTF8.self) } ?? "null"
        var timestamp = now
        if case .number(let given)? = value.member("timestamp")?.value, given != 0, given.isFinite {
            timestamp = Int64(exactly: given.rounded(.towardZero)) ?? now
        }
        let id = state.withLock { state in
            state.lastEffect = state.lastEffect == .max ? 1 : state.lastEffect + 1
            return state.lastEffect
        }
        let effect = EmittedEffect(
            id: id, type: type, payload: payload, timestamp: timestamp, spirit: spirit,
            json: String(decoding: bytes, as: UTF8.self))
        if let accept, !accept(effect) { return 0 }
        let callbacks = state.withLock { state in
            state.queue.append(effect)
            if state.queue.count > queueLimit { state.queue.removeFirst(state.queue.count - queueLimit) }
            return state.subscriptions.compactMap { $0.0.matches(type) ? $0.1 : nil }
        }
        // Outside the lock: a callback may use the hub.
        for callback in callbacks { callback(effect) }
        return id
    }

    // MARK: Subscribing

    /// Calls `callback` with every effect of type `pattern` (`*`: every effect) taken from now on,
    /// on the emitting Spirit's thread. Returns the subscription's id.
    @discardableResult
    public func subscribe(_ pattern: String, _ callback: @escaping @Sendable (EmittedEffect) -> Void) -> UInt32 {
        add(pattern, subscriber: nil, callback: callback)
    }

    /// What `vudo_subscribe` does: records a Spirit's subscription and returns its id, or 0 when
    /// the pattern is too long.
    func subscribe(_ pattern: String, subscriber: String?) -> UInt32 {
        guard pattern.utf8.count <= Self.maximumLength else { return 0 }
        return add(pattern, subscriber: subscriber, callback: nil)
    }

    private func add(_ pattern: String, subscriber: String?, callback: (@Sendable (EmittedEffect) -> Void)?) -> UInt32 {
        let subscription = state.withLock { state in
            state.lastSubscription = state.lastSubscription == .max ? 1 : state.lastSubscription + 1
            let subscription = EffectSubscription(id: state.lastSubscription, pattern: pattern, subscriber: subscriber)
            state.subscriptions.append((subscription, callback))
            return subscription
        }
        onSubscribe?(subscription)
        return subscription.id
    }

    /// Ends a subscription; false when there is none with this id.
    @discardableResult
    public func unsubscribe(_ id: UInt32) -> Bool {
        state.withLock { state in
            guard let index = state.subscriptions.firstIndex(where: { $0.0.id == id }) else { return false }
            state.subscriptions.remove(at: index)
            return true
        }
    }

    // MARK: Reading

    /// The effects taken, oldest first (at most `queueLimit`): a copy.
    public var queue: [EmittedEffect] { state.withLock { $0.queue } }

    /// Empties ``queue``.
    public func clearQueue() { state.withLock { $0.queue = [] } }

    /// Every live subscription, the Spirits' and the host's, oldest first.
    public var subscriptions: [EffectSubscription] { state.withLock { $0.subscriptions.map(\.0) } }

    /// The live subscriptions an effect of `type` matches.
    public func subscriptions(matching type: String) -> [EffectSubscription] {
        subscriptions.filter { $0.matches(type) }
    }
}
