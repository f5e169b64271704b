// Calls. A call pushes a `CallFrame` and continues in the callee's code: guest recursion never
// grows the native stack. The callee's frame starts at the caller's argument slots (`base`), so
// arguments are never copied, and its results come back in the same slots.

/// `call base, function`
@_cdecl("vudo_execute_call") @inline(__always)
func executeCall(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    let callee = context.state.pointee.instance.pointee.functions[Int(pc.c32)]
    enter(callee, base: fp + pc.a, from: pc, returnTo: pc.next, fp, md, ms, context)
}

/// `call_indirect base, index, table`; data word: the expected type's canonical id (c32).
@_cdecl("vudo_execute_callIndirect") @inline(__always)
func executeCallIndirect(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let table = context.state.pointee.instance.pointee.tables[Int(pc.c32)]
    let index = fp.i32(pc.b)
    guard _fastPath(Int(index) < table.pointee.count) else { return raise(.undefinedElement, at: pc, context) }
    let bits = table.pointee.elements[Int(index)]
    guard let callee = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(bits)) else {
        return raise(.uninitializedElement(index), at: pc, context)
    }
    guard _fastPath(callee.pointee.typeID == Int(pc.data().c32)) else {
        return raise(.indirectCallTypeMismatch, at: pc, context)
    }
    enter(callee, base: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// Enters `callee` with its frame at `base`, or calls it if it is a host function.
@inline(__always)
func enter(
    _ callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let code = callee.pointee.code else {
        return callHostFunction(callee, base: base, from: pc, returnTo: returnTo, fp, context)
    }
    let state = context.state
    let depth = state.pointee.depth
    guard _fastPath(depth < state.pointee.maxDepth && base + callee.pointee.frameSize <= state.pointee.stackEnd) else {
        return raise(.callStackExhausted, at: pc, context)
    }
    state.pointee.frames[depth] = CallFrame(returnPC: returnTo, fp: fp, function: state.pointee.function)
    state.pointee.depth = depth + 1
    state.pointee.function = callee
    callee.initializeFrame(base)
    let instance = callee.pointee.runtime.unsafelyUnwrapped
    if _fastPath(instance == state.pointee.instance) { return next(code, base, md, ms, context) }
    state.pointee.instance = instance
    next(code, base, instance.memoryBase, instance.memorySize, context)
}

/// A host function: called on the native stack with its arguments in the slots at `base`, where
/// its results go too. Under `Store.invokeAsync`, an async one stops the run instead, to be
/// awaited and continued at `returnTo`.
@inline(never)
func callHostFunction(
    _ callee: UnsafeMutablePointer<FunctionEntry>, base: FramePointer, from pc: CodePointer, returnTo: CodePointer,
    _ fp: FramePointer, _ context: ContextPointer
) {
    let state = context.state
    let store = state.pointee.store.takeUnretainedValue()
    if store.suspendsForAsyncHosts, store.reentrancyDepth == 1,
        store.functions[callee.pointee.address].host?.asyncBody != nil
    {
        state.pointee.pc = returnTo
        state.pointee.fp = fp
        state.pointee.hostCallee = callee
        state.pointee.hostArguments = base
        state.pointee.status = .suspendedAtHost
        return
    }
    store.callDepth = state.pointee.depth
    let savedTop = store.stackTop
    store.stackTop = fp + state.pointee.function.pointee.frameSize
    do {
        try store.callHost(callee, arguments: base, caller: state.pointee.instance.pointee.owner.takeUnretainedValue())
    } catch {
        store.stackTop = savedTop
        // A wasm exception the host threw (or let through) goes on into the guest.
        if case .exception(let thrown) = error.reason, let exception = store.guestException(thrown) {
            guard let landing = unwind(exception, from: pc, fp, context) else { return }
            return bounce(to: landing, context)
        }
        state.pointee.pc = pc
        state.pointee.trap = error.reason
        state.pointee.thrown = error
        state.pointee.status = .trapped
        return
    }
    store.stackTop = savedTop
    // The host may have grown the memory.
    let instance = state.pointee.instance
    next(returnTo, fp, instance.memoryBase, instance.memorySize, context)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let callHandlers: [(InternalOp, Handler)] = [
        (.call, executeCall),
        (.callIndirect, executeCallIndirect),
    ]
}
