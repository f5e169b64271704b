/// A table of references. Elements are raw reference bits as the interpreter stores them in
/// slots: 0 is null; a funcref is a `FunctionEntry` pointer; an externref is its value plus one.
public final class TableInstance {
    public let type: TableType
    let maxElements: UInt64
    /// Elements and count behind a stable pointer, so the interpreter reads them without ARC.
    let storage: UnsafeMutablePointer<TableStorage>
    /// Where the elements live, with room to grow into.
    private var buffer: ElementBuffer

    init(type: TableType, engineLimit: UInt64, initial: UInt64 = 0) throws(InstantiationError) {
        self.type = type
        // Below 2^31 whatever the configuration says: `table.grow` then returns an old size that
        // no reader, 32- or 64-bit, can take for its -1 failure.
        maxElements = min(type.limits.max ?? UInt64(Int32.max), engineLimit, UInt64(Int32.max))
        guard type.limits.min <= maxElements else {
            throw InstantiationError(.limit, "table of \(type.limits.min) elements exceeds the limit of \(maxElements)")
        }
        let count = Int(type.limits.min)
        let buffer = ElementBuffer(capacity: count)
        buffer.fill(from: 0, count: count, with: initial)
        self.buffer = buffer
        storage = .allocate(capacity: 1)
        storage.initialize(to: TableStorage(elements: buffer.elements, count: count))
    }

    deinit {
        buffer.release()
        storage.deallocate()
    }

    public var count: Int { storage.pointee.count }

    subscript(index: Int) -> UInt64 {
        get { storage.pointee.elements[index] }
        set { storage.pointee.elements[index] = newValue }
    }

    /// Grows by `delta` elements set to `value`; returns the old size, or nil when not allowed.
    /// Capacity at least doubles, so a loop growing by one element copies each element a bounded
    /// number of times.
    func grow(by delta: UInt64, value: UInt64) -> UInt64? {
        let old = storage.pointee.count
        guard delta <= maxElements, UInt64(old) + delta <= maxElements else { return nil }
        let newCount = old + Int(delta)
        if newCount > buffer.capacity {
            let larger = ElementBuffer(capacity: max(newCount, min(Int(maxElements), buffer.capacity * 2)))
            larger.elements.initialize(from: buffer.elements, count: old)
            buffer.release()
            buffer = larger
        }
        buffer.fill(from: old, count: Int(delta), with: value)
        storage.pointee = TableStorage(elements: buffer.elements, count: newCount)
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

/// A table's elements. A large buffer is an anonymous mapping, zero until written: a module that
/// declares ten million null elements costs address space, not ten million writes and 80 MB of
/// resident memory. A small one comes from the allocator, so that small tables do not each take a
/// mapping.
private struct ElementBuffer {
    let elements: UnsafeMutablePointer<UInt64>
    let capacity: Int
    /// Mapped (and so zero beyond what was written), rather than allocated.
    private let isMapped: Bool

    static let mappingThreshold = 64 * 1024 / MemoryLayout<UInt64>.stride

    init(capacity: Int) {
        self.capacity = capacity
        if capacity >= Self.mappingThreshold,
            let mapped = VirtualMemory.allocateCommitted(capacity * MemoryLayout<UInt64>.stride)
        {
            elements = mapped.bindMemory(to: UInt64.self, capacity: capacity)
            isMapped = true
        } else {
            elements = .allocate(capacity: max(capacity, 1))
            isMapped = false
        }
    }

    /// Sets `count` elements from `start`, which were never written (a mapping's are already 0).
    func fill(from start: Int, count: Int, with value: UInt64) {
        guard value != 0 || !isMapped else { return }
        (elements + start).initialize(repeating: value, count: count)
    }

    func release() {
        if isMapped {
            VirtualMemory.release(UnsafeMutableRawPointer(elements), capacity * MemoryLayout<UInt64>.stride)
        } else {
            elements.deallocate()
        }
    }
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
