/// An effect a Spirit emitted through `vudo_emit_effect(id, payload)`. What `id` means, and what
/// `payload` points to in the Spirit's memory, is agreed between the Spirit and its embedder.
public struct Effect: Sendable, Hashable {
    public let id: Int32
    public let payload: UInt32

    public init(id: Int32, payload: UInt32) {
        self.id = id
        self.payload = payload
    }
}

/// Receives a Spirit's effects. It runs inside the guest call, with the calling Spirit's
/// ``HostContext`` (to read the payload), and returns the status handed back to the guest:
/// 0 for success.
public struct EffectHandler: Sendable {
    private let handler: @Sendable (Effect, HostContext) throws -> Int32

    public init(_ handler: @escaping @Sendable (Effect, HostContext) throws -> Int32) { self.handler = handler }

    public func handle(_ effect: Effect, context: HostContext) throws -> Int32 { try handler(effect, context) }

    /// Accepts every effect and does nothing with it (status 0).
    public static let ignore = EffectHandler { _, _ in 0 }
}
