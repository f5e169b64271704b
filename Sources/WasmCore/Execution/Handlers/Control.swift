// Control: traps, branches, returns, fuel checkpoints. Branch targets are relative to the
// branching instruction, in instructions.

/// `unreachable`
@_cdecl("vudo_execute_unreachable") @inline(__always)
func executeUnreachable(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    raise(.unreachable, at: pc, context, fp)
}

/// An operand word: consumed by the instruction before it, never dispatched.
@_cdecl("vudo_execute_data") @inline(__always)
func executeData(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    raise(.internalError("operand word executed as an instruction"), at: pc, context, fp)
}

/// `br target`
@_cdecl("vudo_execute_br") @inline(__always)
func executeBr(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    next(pc.jump(pc.c32), fp, md, ms, context)
}

/// `br_if condition, target`: taken when the condition is non-zero.
@_cdecl("vudo_execute_brIf") @inline(__always)
func executeBrIf(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    if _fastPath(fp.i32(pc.a) != 0) { return next(pc.jump(pc.c32), fp, md, ms, context) }
    next(pc.next, fp, md, ms, context)
}

/// `copy_br result, source, target`
@_cdecl("vudo_execute_copyBr") @inline(__always)
func executeCopyBr(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer)
{
    fp[pc.a] = fp[pc.b]
    next(pc.jump(pc.c32), fp, md, ms, context)
}

/// `copy_br_if result, source, condition`; data word: the target, relative to it. The copy
/// happens either way, before the condition is read.
@_cdecl("vudo_execute_copyBrIf") @inline(__always)
func executeCopyBrIf(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    copyThenBranch(pc, fp, md, ms, context) { _fastPath($0.i32(pc.c) != 0) }
}

/// `copy_br_if_i32.eq_imm result, source, x, y`: as `copy_br_if`, taken when x equals y (16 bits,
/// sign-extended).
@_cdecl("vudo_execute_copyBrIfI32EqImm") @inline(__always)
func executeCopyBrIfI32EqImm(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    copyThenBranch(pc, fp, md, ms, context) {
        $0.i32(pc.c) == pc.signed(pc.d)
    }
}

/// `copy_br_if_i32.ne_imm result, source, x, y`: as `copy_br_if`, taken when x differs from y.
@_cdecl("vudo_execute_copyBrIfI32NeImm") @inline(__always)
func executeCopyBrIfI32NeImm(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    copyThenBranch(pc, fp, md, ms, context) {
        $0.i32(pc.c) != pc.signed(pc.d)
    }
}

/// The `copy_br_if` forms: `a <- b`, then the branch to the data word's target when `taken`,
/// which reads the frame after the copy.
@inline(__always)
private func copyThenBranch(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer,
    when taken: (FramePointer) -> Bool
) {
    fp[pc.a] = fp[pc.b]
    if taken(fp) {
        let target = pc.data()
        return next(target.jump(target.c32), fp, md, ms, context)
    }
    next(pc.data(2), fp, md, ms, context)
}

/// `br_if_not condition, target`: taken when the condition is zero (an `if`'s way to its `else`).
@_cdecl("vudo_execute_brIfNot") @inline(__always)
func executeBrIfNot(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    if _fastPath(fp.i32(pc.a) == 0) { return next(pc.jump(pc.c32), fp, md, ms, context) }
    next(pc.next, fp, md, ms, context)
}

/// `br_table index, count`, followed by `count + 1` `br` instructions (the last the default): the
/// chosen entry's own target is taken directly.
@_cdecl("vudo_execute_brTable") @inline(__always)
func executeBrTable(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let index = fp.i32(pc.a)
    let count = pc.c32
    let entry = pc.data(Int(index < count ? index : count) + 1)
    next(entry.jump(entry.c32), fp, md, ms, context)
}

/// `return`: results are in the frame's first slots, which are the caller's operand slots.
@_cdecl("vudo_execute_ret") @inline(__always)
func executeRet(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    returnToCaller(pc, fp, md, ms, context)
}

/// `return_from slot`: a single result not yet in slot 0.
@_cdecl("vudo_execute_retFrom") @inline(__always)
func executeRetFrom(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[0] = fp[pc.a]
    returnToCaller(pc, fp, md, ms, context)
}

@inline(__always)
private func returnToCaller(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let state = context.state
    let depth = state.pointee.depth
    if _slowPath(depth == state.pointee.baseDepth) {
        state.pointee.pc = pc
        state.pointee.status = .returned
        return
    }
    let caller = CallFrame(at: fp + pc.b)
    // Above the run's base depth, so at least 1.
    state.pointee.depth = depth &- 1
    state.pointee.function = caller.function
    continueIn(caller.function, at: caller.returnPC, frame: caller.fp, md, ms, context)
}

/// `checkpoint fuel`, at function entry and loop headers when metering: charges the fuel of the
/// code up to the next checkpoint, and now and then polls for a deadline, cancellation or the
/// embedder's own stop.
@_cdecl("vudo_execute_checkpoint") @inline(__always)
func executeCheckpoint(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let metering = context.state.pointee.metering
    if metering.pointee.isLimited {
        let cost = Int64(pc.c32)
        guard metering.pointee.fuel >= cost else { return stopForFuel(pc, fp, context) }
        metering.pointee.fuel -= cost
    }
    let left = metering.pointee.checkpointsUntilInterruptCheck
    if _slowPath(left <= 1) { return checkInterruption(pc, fp, md, ms, context) }
    metering.pointee.checkpointsUntilInterruptCheck = left - 1
    next(pc.next, fp, md, ms, context)
}

/// Out of fuel: the call can continue from this checkpoint once refuelled (`Store.resume`).
@inline(never)
private func stopForFuel(_ pc: CodePointer, _ fp: FramePointer, _ context: ContextPointer) {
    context.state.pointee.metering.pointee.fuel = 0
    raise(.outOfFuel, at: pc, context, fp)
}

@inline(never)
private func checkInterruption(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let state = context.state
    let store = state.pointee.store.takeUnretainedValue()
    state.pointee.metering.pointee.checkpointsUntilInterruptCheck = store.configuration.interruptCheckInterval
    if let reason = store.pendingInterruption() { return raise(reason, at: pc, context, fp) }
    next(pc.next, fp, md, ms, context)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let controlHandlers: [(InternalOp, Handler)] = [
        (.unreachable, executeUnreachable),
        (.data, executeData),
        (.br, executeBr),
        (.brIf, executeBrIf),
        (.brIfNot, executeBrIfNot),
        (.copyBr, executeCopyBr),
        (.copyBrIf, executeCopyBrIf),
        (.copyBrIfI32EqImm, executeCopyBrIfI32EqImm),
        (.copyBrIfI32NeImm, executeCopyBrIfI32NeImm),
        (.brTable, executeBrTable),
        (.ret, executeRet),
        (.retFrom, executeRetFrom),
        (.checkpoint, executeCheckpoint),
    ]
}
