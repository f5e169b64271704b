import WasmCore

// GC objects a call returned: the Spirit keeps each alive while its `ObjectReference` lives, and
// reads it on its actor.
extension Spirit {
    /// The fields of a struct a call returned (packed fields as their unsigned value), or nil when
    /// the reference is not a struct of this Spirit.
    public func fields(of object: ObjectReference) -> [Value]? {
        gate.enter { store.fields(of: object) }
    }

    /// The elements of an array a call returned, or nil when the reference is not an array of this
    /// Spirit.
    public func elements(of object: ObjectReference) -> [Value]? {
        gate.enter { store.elements(of: object) }
    }

    /// What the Spirit's GC heap holds now.
    public var heapStatistics: HeapStatistics { gate.enter { store.heapStatistics } }

    /// Reclaims the GC objects nothing reaches any more (a collection also runs by itself as the
    /// guest allocates).
    public func collectGarbage() { gate.enter { store.collectGarbage() } }
}
