// Exceptions: `throw` and `throw_ref` (legacy `rethrow` too) unwind through the interpreter's own
// call frames, looking up each function's handler table (`ExceptionHandler`) only now: the code
// inside a `try_table` is the same as outside one, so nothing is paid until something throws.
//
// The unwinder returns where to continue, and the handler itself dispatches there: a call to the
// next handler from the (out-of-line, reference-counting) unwinder would not be a tail call, and
// a loop that throws would grow the native stack with every exception.

/// Where a caught exception continues.
struct Landing {
    var pc: CodePointer
    var fp: FramePointer
    var md: MemoryBase
    var ms: MemorySize
}

/// `throw base, tag`: the tag's values are in the slots from `base`.
@_cdecl("vudo_execute_throwTag") @inline(__always)
func executeThrowTag(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let landing = throwNew(pc, fp, context) else { return }
    next(landing.pc, landing.fp, landing.md, landing.ms, context)
}

/// `throw_ref exception`: throws a caught exception again; null traps.
@_cdecl("vudo_execute_throwRef") @inline(__always)
func executeThrowRef(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let bits = fp[pc.a]
    guard bits != 0 else { return raise(.nullExceptionReference, at: pc, context, fp) }
    guard let landing = unwind(Int(bits - 1), from: pc, fp, context) else { return }
    next(landing.pc, landing.fp, landing.md, landing.ms, context)
}

@inline(never)
private func throwNew(_ pc: CodePointer, _ fp: FramePointer, _ context: ContextPointer) -> Landing? {
    let state = context.state
    let store = state.pointee.store.takeUnretainedValue()
    let instance = state.pointee.instance.pointee.owner.takeUnretainedValue()
    let tag = instance.tagAddresses[Int(pc.c32)]
    let count = store.tags[tag].type.parameters.slotCount
    let payload = Array(UnsafeBufferPointer(start: fp + pc.a, count: count))
    // The payload is still in the frame, which a collection scans.
    store.collectIfExceptionsPileUp(frameEnd: fp + state.pointee.function.pointee.frameSize)
    return unwind(store.allocateException(tag: tag, payload: payload), from: pc, fp, context)
}

/// Continues at `landing` from `Store.run`'s loop, on a fresh native stack: for slow paths whose
/// call of the next handler would not be a tail call.
func bounce(to landing: Landing, _ context: ContextPointer) {
    let state = context.state
    state.pointee.pc = landing.pc
    state.pointee.fp = landing.fp
    state.pointee.md = landing.md
    state.pointee.ms = landing.ms
    if dispatchesByTailCalls() { state.pointee.status = .bouncing }
}

/// Finds the innermost handler of exception `exception` thrown at `pc` (an instruction of the
/// running function, whose frame is `fp`), leaving frames on the way, and returns where to
/// continue; nil when the run has stopped: with the exception, when no frame of the run catches
/// it, or returned, when a handler's label is the run's first function's own. An exception of a
/// host function that the running function tail-called (`leavingRunningFunction`) starts at that
/// function's caller: the tail call has left its frame and its handlers.
@inline(never)
func unwind(
    _ exception: Int, from pc: CodePointer, _ fp: FramePointer, _ context: ContextPointer,
    leavingRunningFunction: Bool = false
) -> Landing? {
    let state = context.state
    let store = state.pointee.store.takeUnretainedValue()
    let tag = store.exceptions[exception]?.tag ?? -1
    var function = state.pointee.function
    var fp = fp
    var depth = state.pointee.depth
    var site = pc
    var skipsHandlers = leavingRunningFunction
    while true {
        if !skipsHandlers, let code = function.pointee.code, let instance = function.pointee.instance {
            let handlers = store.functions[function.pointee.address].handlers
            if !handlers.isEmpty,
                let target = findCatch(handlers, at: (site - code) / Inst.stride, tag: tag, instance)
            {
                return land(exception, target, code, fp, function, depth, store, context)
            }
        }
        if depth == state.pointee.baseDepth {
            state.pointee.function = function
            state.pointee.depth = depth
            state.pointee.pc = site
            state.pointee.fp = fp
            state.pointee.trap = .exception(store.hostException(exception))
            // The host has its values; unless an `exnref` reaches it, nothing else can.
            store.releaseException(exception)
            state.pointee.status = .trapped
            return nil
        }
        skipsHandlers = false
        let caller = CallFrame(of: function, at: fp)
        depth -= 1
        function = caller.function
        fp = caller.fp
        // The call instruction (or its last data word): inside the same handlers' ranges.
        site = caller.returnPC - Inst.stride
    }
}

/// The catch clause that takes an exception of store tag `tag` thrown at code index `index`.
private func findCatch(_ handlers: [ExceptionHandler], at index: Int, tag: Int, _ instance: Instance) -> CatchTarget? {
    // Handlers are sorted innermost first.
    var limit = Int.max
    for handler in handlers where handler.depth <= limit && handler.start <= index && index < handler.end {
        if let delegateDepth = handler.delegateDepth {
            limit = delegateDepth
            continue
        }
        for clause in handler.catches {
            guard let clauseTag = clause.tag else { return clause }
            if instance.tagAddresses[Int(clauseTag)] == tag { return clause }
        }
    }
    return nil
}

/// Continues at a catch clause: its values in their slots, then its label.
private func land(
    _ exception: Int, _ target: CatchTarget, _ code: CodePointer, _ fp: FramePointer,
    _ function: UnsafeMutablePointer<FunctionEntry>, _ depth: Int, _ store: Store, _ context: ContextPointer
) -> Landing? {
    let state = context.state
    if let payload = store.exceptions[exception]?.payload {
        for (slot, bits) in zip(target.slots, payload) { fp[Int(slot)] = bits }
    }
    if let slot = target.exceptionSlot {
        store.exceptions[exception]?.isReferenced = true
        fp[Int(slot)] = UInt64(exception) + 1
    } else {
        store.releaseException(exception)
    }
    state.pointee.depth = depth
    state.pointee.function = function
    let instance = function.pointee.runtime.unsafelyUnwrapped
    state.pointee.instance = instance
    if let index = target.target {
        return Landing(pc: code + index &* Inst.stride, fp: fp, md: instance.memoryBase, ms: instance.memorySize)
    }
    // The function's own label: return, the values already in the result slots.
    if depth == state.pointee.baseDepth {
        state.pointee.pc = code
        state.pointee.status = .returned
        return nil
    }
    let caller = CallFrame(of: function, at: fp)
    state.pointee.depth = depth - 1
    state.pointee.function = caller.function
    let callerInstance = caller.function.pointee.runtime.unsafelyUnwrapped
    state.pointee.instance = callerInstance
    return Landing(
        pc: caller.returnPC, fp: caller.fp, md: callerInstance.memoryBase, ms: callerInstance.memorySize)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let exceptionHandlers: [(InternalOp, Handler)] = [
        (.throwTag, executeThrowTag),
        (.throwRef, executeThrowRef),
    ]
}
