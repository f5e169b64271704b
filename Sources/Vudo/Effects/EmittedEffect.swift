/// An effect a Spirit emitted through the DOL ABI's `vudo_emit_effect(ptr, len)`: a UTF-8 JSON
/// object `{"effect_type": "...", "payload": ..., "timestamp": ms}`, as `@vudo/runtime`'s
/// `effects.ts` defines it, accepted by an ``EffectHub``.
public struct EmittedEffect: Sendable, Hashable {
    /// The hub's number for it, counted from 1; what `vudo_emit_effect` returned to the Spirit.
    public let id: UInt32
    /// The `effect_type` member: a non-empty string, what subscriptions match.
    public let type: String
    /// The JSON text of the `payload` member exactly as the Spirit wrote it; `null` when absent.
    public let payload: String
    /// The `timestamp` member in milliseconds since the Unix epoch; the time of emission when the
    /// Spirit gave none, or 0 (as `effects.ts` does).
    public let timestamp: Int64
    /// The emitting Spirit's name; nil when the host emitted it.
    public let spirit: String?
    /// The whole JSON text as emitted.
    public let json: String

    public init(id: UInt32, type: String, payload: String, timestamp: Int64, spirit: String?, json: String) {
        self.id = id
        self.type = type
        self.payload = payload
        self.timestamp = timestamp
        self.spirit = spirit
        self.json = json
    }
}

/// A subscription to effects: the exact `effect_type` it matches, or `*` for every effect.
/// (There are no globs: `state_change.*` matches only an effect of that literal type, as in
/// `effects.ts`.)
public struct EffectSubscription: Sendable, Hashable {
    /// The hub's number for it, counted from 1; what `vudo_subscribe` returned to the Spirit.
    public let id: UInt32
    public let pattern: String
    /// The subscribing Spirit's name; nil for a subscription the host made with a callback.
    public let subscriber: String?

    public init(id: UInt32, pattern: String, subscriber: String?) {
        self.id = id
        self.pattern = pattern
        self.subscriber = subscriber
    }

    /// Whether an effect of `type` is one this subscription asked for.
    public func matches(_ type: String) -> Bool { pattern == "*" || pattern == type }
}
