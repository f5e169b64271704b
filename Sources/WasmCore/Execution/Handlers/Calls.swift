// Calls. A call pushes a `CallFrame` and continues in the callee's code: guest recursion never
// grows the native stack. The callee's frame starts at the caller's argument slots (`base`), so
// arguments are never copied, and its results come back in the same slots.

/// `call base, function`; data word: the callee's entry.
@_cdecl("vudo_execute_call") @inline(__always)
func executeCall(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    enter(pc.data().callee, base: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// `call_defined base, function`; data word: the callee's entry, a function of the running
/// instance's module.
@_cdecl("vudo_execute_callDefined") @inline(__always)
func executeCallDefined(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let callee = pc.data().callee
    let base = fp + pc.a
    guard pushFrame(for: callee, base: base, from: pc, returnTo: pc.data(2), fp, context) else { return }
    next(callee.pointee.start.unsafelyUnwrapped, base, md, ms, context)
}

/// `i32.add_imm_call_defined base, x, addend, function`: `x + addend` (16 bits, sign-extended)
/// into `base`, the first argument, then `call_defined base, function`.
@_cdecl("vudo_execute_i32AddImmCallDefined") @inline(__always)
func executeI32AddImmCallDefined(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp.setI32(pc.a, fp.i32(pc.b) &+ pc.signed(pc.c))
    let callee = pc.data().callee
    let base = fp + pc.a
    guard pushFrame(for: callee, base: base, from: pc, returnTo: pc.data(2), fp, context) else { return }
    next(callee.pointee.start.unsafelyUnwrapped, base, md, ms, context)
}

/// `enter_frame body`: the prologue of a function whose frame needs more than a call prepares
/// (see `FunctionEntry.prepareFrame`); the running function is the one entered.
@_cdecl("vudo_execute_enterFrame") @inline(__always)
func executeEnterFrame(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    context.state.pointee.function.completeFrame(fp)
    next(pc.jump(pc.c32), fp, md, ms, context)
}

/// `call_indirect base, index, table`; data word: the expected type's canonical id (c32).
@_cdecl("vudo_execute_callIndirect") @inline(__always)
func executeCallIndirect(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = indirectCallee(pc, fp, context, matchingSubtypes: false) else { return }
    enter(callee, base: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// `return_call base, function`; data word: the callee's entry.
@_cdecl("vudo_execute_returnCall") @inline(__always)
func executeReturnCall(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    enterInPlace(pc.data().callee, arguments: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// `return_call_indirect base, index, table`; data word: the expected type's canonical id (c32).
@_cdecl("vudo_execute_returnCallIndirect") @inline(__always)
func executeReturnCallIndirect(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = indirectCallee(pc, fp, context, matchingSubtypes: false) else { return }
    enterInPlace(callee, arguments: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// The function at the element that `call_indirect`'s forms name (`index` of table `c32`),
/// checked against the expected type in the data word: equal canonical ids, or with
/// `matchingSubtypes`, a subtype's. nil once the trap is raised.
@inline(__always)
func indirectCallee(
    _ pc: CodePointer, _ fp: FramePointer, _ context: ContextPointer, matchingSubtypes: Bool
) -> UnsafeMutablePointer<FunctionEntry>? {
    let table = context.state.pointee.instance.pointee.tables[Int(pc.c32)]
    let index = fp.i32(pc.b)
    guard _fastPath(Int(index) < table.pointee.count) else {
        raise(.undefinedElement, at: pc, context, fp)
        return nil
    }
    guard let callee = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(table.pointee.elements[Int(index)])) else {
        raise(.uninitializedElement(index), at: pc, context, fp)
        return nil
    }
    let expected = Int(pc.data().c32)
    guard
        _fastPath(callee.pointee.typeID == expected)
            || (matchingSubtypes && isSubtype(callee.pointee.typeID, of: expected, context))
    else {
        raise(.indirectCallTypeMismatch, at: pc, context, fp)
        return nil
    }
    return callee
}

/// A tail call: `callee`'s frame replaces the running function's (its arguments move down to
/// slot 0) and no call frame is pushed, so tail recursion runs in constant space. A host callee
/// is called as by `call`; the instructions at `returnTo` then return its results.
@inline(__always)
func enterInPlace(
    _ callee: UnsafeMutablePointer<FunctionEntry>, arguments: FramePointer, from pc: CodePointer,
    returnTo: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let start = callee.pointee.start else {
        // Read by `performHostCall`: seven arguments would not all fit in registers, and a handler
        // cannot tail-call a function that takes some on the stack.
        context.state.pointee.hostCallIsTailCall = true
        return callHostFunction(callee, base: arguments, from: pc, returnTo: returnTo, fp, context)
    }
    let state = context.state
    guard _fastPath(fp + callee.pointee.frameSize <= state.pointee.stackEnd) else {
        return raise(.callStackExhausted, at: pc, context, fp)
    }
    // The caller's record moves to the callee's record slot; read before the arguments, which may
    // land on it. The function a run starts with was entered by no call and has none.
    let caller =
        state.pointee.depth == state.pointee.baseDepth ? nil : CallFrame(of: state.pointee.function, at: fp)
    // The arguments lie above slot 0, so an ascending copy never overwrites one before reading it.
    for k in 0..<callee.pointee.parameterCount { fp[k] = arguments[k] }
    state.pointee.function = callee
    callee.prepareFrame(fp)
    caller?.write(to: fp + callee.pointee.recordSlot)
    continueIn(callee, at: start, frame: fp, md, ms, context)
}

/// Enters `callee` with its frame at `base`, or calls it if it is a host function.
@inline(__always)
func enter(
    _ callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let start = callee.pointee.start else {
        return callHostFunction(callee, base: base, from: pc, returnTo: returnTo, fp, context)
    }
    guard pushFrame(for: callee, base: base, from: pc, returnTo: returnTo, fp, context) else { return }
    continueIn(callee, at: start, frame: base, md, ms, context)
}

/// Continues at `code` with `frame`, in `function`'s instance. Within the running instance the
/// memory registers are already current (memory.grow updates them); only a call or return into
/// another instance loads its memory.
@inline(__always)
func continueIn(
    _ function: UnsafeMutablePointer<FunctionEntry>, at code: CodePointer, frame: FramePointer, _ md: MemoryBase,
    _ ms: MemorySize, _ context: ContextPointer
) {
    let instance = function.pointee.runtime.unsafelyUnwrapped
    if _fastPath(instance == context.state.pointee.instance) { return next(code, frame, md, ms, context) }
    context.state.pointee.instance = instance
    next(code, frame, instance.memoryBase, instance.memorySize, context)
}

/// Records the caller's frame and prepares `callee`'s at `base`; false once the call-stack trap is
/// raised (the depth limit, or a frame past the end of the value stack).
@inline(__always)
func pushFrame(
    for callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ context: ContextPointer
) -> Bool {
    let state = context.state
    let depth = state.pointee.depth
    guard _fastPath(depth < state.pointee.maxDepth && base + callee.pointee.frameSize <= state.pointee.stackEnd) else {
        raise(.callStackExhausted, at: pc, context, fp)
        return false
    }
    let caller = CallFrame(returnPC: returnTo, fp: fp, function: state.pointee.function)
    state.pointee.depth = depth &+ 1
    state.pointee.function = callee
    callee.prepareFrame(base)
    // After the frame's zeroing, which may reach the record's slots.
    caller.write(to: base + callee.pointee.recordSlot)
    return true
}

/// A host function: called on the native stack with its arguments in the slots at `base`, where
/// its results go too. Under `Store.invokeAsync`, an async one stops the run instead, to be
/// awaited and continued at `returnTo`.
///
/// Only the dispatch to `returnTo` happens here, so that it stays a tail call: the store
/// reference and the host call's error handling live in `performHostCall`, whose releases would
/// otherwise follow the dispatch and turn it into a call that grows the native stack with every
/// host call of a loop. For the same reason it takes six arguments, all in registers: a handler
/// (five arguments) cannot tail-call a function that takes a seventh on the stack, so every host
/// call would leave a native frame behind (a tail call says so in the context instead).
@inline(never)
func callHostFunction(
    _ callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ context: ContextPointer
) {
    guard performHostCall(callee, base: base, from: pc, returnTo: returnTo, fp, context) else { return }
    // The host may have grown the memory.
    let instance = context.state.pointee.instance
    next(returnTo, fp, instance.memoryBase, instance.memorySize, context)
}

/// Calls the host function, or stops the run to await it; false when the run stops here (the
/// host function trapped or threw, or the run is suspended at it).
@inline(never)
private func performHostCall(
    _ callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ context: ContextPointer
) -> Bool {
    let state = context.state
    // A tail call has left its caller's frame: an exception the host throws does not look at the
    // running function's handlers.
    let isTailCall = state.pointee.hostCallIsTailCall
    let store = state.pointee.store.takeUnretainedValue()
    if store.execution.suspendsForAsyncHosts, store.execution.reentrancyDepth == 1,
        store.functions[callee.pointee.address].host?.asyncBody != nil
    {
        state.pointee.pc = returnTo
        state.pointee.fp = fp
        state.pointee.hostCallee = callee
        state.pointee.hostArguments = base
        state.pointee.status = .suspendedAtHost
        return false
    }
    state.pointee.hostCallIsTailCall = false
    store.execution.callDepth = state.pointee.depth
    let savedTop = store.execution.top
    store.execution.top = fp + state.pointee.function.pointee.frameSize
    defer { store.execution.top = savedTop }
    do {
        try store.callHost(callee, arguments: base, caller: state.pointee.instance.pointee.owner.takeUnretainedValue())
    } catch {
        // A wasm exception the host threw (or let through) goes on into the guest, from the
        // driver's loop.
        if case .exception(let thrown) = error.reason, let exception = store.guestException(thrown) {
            if let landing = unwind(exception, from: pc, fp, context, leavingRunningFunction: isTailCall) {
                bounce(to: landing, context)
            }
            return false
        }
        state.pointee.pc = pc
        state.pointee.fp = fp
        state.pointee.trap = error.reason
        state.pointee.thrown = error
        state.pointee.status = .trapped
        return false
    }
    return true
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let callHandlers: [(InternalOp, Handler)] = [
        (.enterFrame, executeEnterFrame),
        (.call, executeCall),
        (.callDefined, executeCallDefined),
        (.i32AddImmCallDefined, executeI32AddImmCallDefined),
        (.callIndirect, executeCallIndirect),
        (.returnCall, executeReturnCall),
        (.returnCallIndirect, executeReturnCallIndirect),
    ]
}
