/// A store's value stack, in a block of address space from ``StackArena``. Call records live in
/// the frames on it (see `CallFrame`).
///
/// It is sized for the deepest program (16 MiB of value slots by default) but most programs use a
/// few pages of it: mapped rather than allocated, the rest costs nothing.
struct StackMapping {
    let valueStack: UnsafeMutablePointer<UInt64>
    private let base: UnsafeMutableRawPointer
    private let byteCount: Int

    init(valueSlots: Int) {
        let valueBytes = valueSlots.multipliedReportingOverflow(by: MemoryLayout<UInt64>.stride)
        guard !valueBytes.overflow, let base = StackArena.take(valueBytes.partialValue) else {
            fatalError("cannot map a stack of \(valueSlots) slots (EngineConfiguration)")
        }
        self.base = base
        byteCount = valueBytes.partialValue
        valueStack = base.bindMemory(to: UInt64.self, capacity: valueSlots)
    }

    /// Unmaps the stack; nothing may use it afterwards.
    func release() {
        StackArena.give(base, byteCount)
    }
}
