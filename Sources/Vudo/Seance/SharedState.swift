import Synchronization

/// A Séance's key-value store: bytes by string key, shared by its Spirits (through the `state`
/// Loa) and the host. Lock-protected; values are copied in and out.
public final class SharedState: Sendable {
    private let values = Mutex<[String: [UInt8]]>([:])

    init() {}

    /// The bytes stored under `key`, or nil.
    public func get(_ key: String) -> [UInt8]? { values.withLock { $0[key] } }

    /// Stores `value` under `key`, replacing what was there.
    public func set(_ key: String, _ value: [UInt8]) { values.withLock { $0[key] = value } }

    /// Removes `key`; returns whether it was there.
    @discardableResult
    public func delete(_ key: String) -> Bool { values.withLock { $0.removeValue(forKey: key) != nil } }

    /// Every key, sorted.
    public var keys: [String] { values.withLock { $0.keys.sorted() } }

    func removeAll() { values.withLock { $0 = [:] } }
}
