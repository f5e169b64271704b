/// A store's value stack and call-frame stack, in one block of address space from ``StackArena``.
///
/// Both are sized for the deepest program (16 MiB of value slots and 20,001 frames by default) but
/// most programs use a few pages of them: mapped rather than allocated, the rest costs nothing.
struct StackMapping {
    let valueStack: UnsafeMutablePointer<UInt64>
    let frames: UnsafeMutablePointer<CallFrame>
    private let base: UnsafeMutableRawPointer
    private let byteCount: Int

    init(valueSlots: Int, frameCount: Int) {
        let valueBytes = valueSlots.multipliedReportingOverflow(by: MemoryLayout<UInt64>.stride)
        let frameBytes = frameCount.multipliedReportingOverflow(by: MemoryLayout<CallFrame>.stride)
        // The frames start on a page of their own, after the value slots.
        let frameOffset = VirtualMemory.roundedToPages(valueBytes.partialValue)
        let total = frameOffset.addingReportingOverflow(frameBytes.partialValue)
        guard !valueBytes.overflow, !frameBytes.overflow, !total.overflow,
            let base = StackArena.take(total.partialValue)
        else {
            fatalError("cannot map stacks of \(valueSlots) slots and \(frameCount) frames (EngineConfiguration)")
        }
        self.base = base
        byteCount = total.partialValue
        valueStack = base.bindMemory(to: UInt64.self, capacity: valueSlots)
        frames = (base + frameOffset).bindMemory(to: CallFrame.self, capacity: frameCount)
    }

    /// Unmaps both stacks; nothing may use them afterwards.
    func release() {
        StackArena.give(base, byteCount)
    }
}
