/// A table of references. Elements are raw reference bits as the interpreter stores them in
/// slots: 0 is null; a funcref is a `FunctionEntry` pointer; an externref is its value plus one.
public final class TableInstance {
    public let type: TableType
    let maxElements: UInt64
    /// Elements and count behind a stable pointer, so the interpreter reads them without ARC.
    let storage: UnsafeMutablePointer<TableStorage>

    init(type: TableType, engineLimit: UInt64, initial: UInt64 = 0) throws(InstantiationError) {
        self.type = type
        // Below 2^31 whatever the configuration says: `table.grow` then returns an old size that
        // no reader, 32- or 64-bit, can take for its -1 failure.
        maxElements = min(type.limits.max ?? UInt64(Int32.max), engineLimit, UInt64(Int32.max))
        guard type.limits.min <= maxElements else {
            throw InstantiationError(.limit, "table of \(type.limits.min) elements exceeds the limit of \(maxElements)")
        }
        let count = Int(type.limits.min)
        let elements = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
        elements.initialize(repeating: initial, count: count)
        storage = .allocate(capacity: 1)
        storage.initialize(to: TableStorage(elements: elements, count: count))
    }

    deinit {
        storage.pointee.elements.deallocate()
        storage.deallocate()
    }

    public var count: Int { storage.pointee.count }

    subscript(index: Int) -> UInt64 {
        get { storage.pointee.elements[index] }
        set { storage.pointee.elements[index] = newValue }
    }

    /// Grows by `delta` elements set to `value`; returns the old size, or nil when not allowed.
    func grow(by delta: UInt64, value: UInt64) -> UInt64? {
        let old = storage.pointee.count
        guard delta <= maxElements, UInt64(old) + delta <= maxElements else { return nil }
        let newCount = old + Int(delta)
        let elements = UnsafeMutablePointer<UInt64>.allocate(capacity: max(newCount, 1))
        elements.moveInitialize(from: storage.pointee.elements, count: old)
        (elements + old).initialize(repeating: value, count: Int(delta))
        storage.pointee.elements.deallocate()
        storage.pointee = TableStorage(elements: elements, count: newCount)
        return UInt64(old)
    }

    /// Writes `items` starting at `offset`; the caller has bounds-checked.
    func replace(at offset: Int, with items: some Collection<UInt64>) {
        var index = offset
        for item in items {
            storage.pointee.elements[index] = item
            index += 1
        }
    }
}

struct TableStorage {
    var elements: UnsafeMutablePointer<UInt64>
    var count: Int
}

/// A global's storage: two 64-bit words so that v128 values fit.
public final class GlobalInstance {
    public let type: GlobalType
    let cell: UnsafeMutablePointer<UInt64>

    init(type: GlobalType) {
        self.type = type
        cell = .allocate(capacity: 2)
        cell.initialize(repeating: 0, count: 2)
    }

    deinit { cell.deallocate() }
}
