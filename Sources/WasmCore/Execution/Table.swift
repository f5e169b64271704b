/// A table of references. Elements are raw reference bits as the interpreter stores them in
/// slots: 0 is null; a funcref is a `FunctionEntry` pointer; an externref is its value plus one.
public final class TableInstance {
    public let type: TableType
    let maxElements: UInt64
    var elements: [UInt64]

    init(type: TableType, engineLimit: UInt64, initial: UInt64 = 0) throws(InstantiationError) {
        self.type = type
        maxElements = min(type.limits.max ?? UInt64(UInt32.max), engineLimit)
        guard type.limits.min <= maxElements else {
            throw InstantiationError(.limit, "table of \(type.limits.min) elements exceeds the limit of \(maxElements)")
        }
        elements = Array(repeating: initial, count: Int(type.limits.min))
    }

    public var count: Int { elements.count }

    /// Grows by `delta` elements set to `value`; returns the old size, or nil when not allowed.
    func grow(by delta: UInt64, value: UInt64) -> UInt64? {
        let old = UInt64(elements.count)
        guard delta <= maxElements, old + delta <= maxElements else { return nil }
        elements.append(contentsOf: repeatElement(value, count: Int(delta)))
        return old
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
