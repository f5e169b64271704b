// Typed function references: `call_ref`, `ref.as_non_null`, and `call_indirect` through a table
// whose elements may be subtypes of the expected type; the tail-call forms of both calls.

/// `call_ref base, reference`: calls the function the reference names; null traps. Validation
/// has checked the reference's type, so no signature check is needed.
@_cdecl("vudo_execute_callRef") @inline(__always)
func executeCallRef(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(truncatingIfNeeded: fp[pc.b])) else {
        return raise(.nullFunctionReference, at: pc, context, fp)
    }
    enter(callee, base: fp + pc.a, from: pc, returnTo: pc.next, fp, md, ms, context)
}

/// `call_indirect_subtype base, index, table`; data word: the expected type's canonical id (c32).
/// Emitted for expected types that are not final, whose subtypes' functions match as well: equal
/// ids are the fast path, a subtype check in the store's registry the slow one.
@_cdecl("vudo_execute_callIndirectSubtype") @inline(__always)
func executeCallIndirectSubtype(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = indirectCallee(pc, fp, context, matchingSubtypes: true) else { return }
    enter(callee, base: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// `return_call_ref base, reference`: `call_ref` entering the callee in place.
@_cdecl("vudo_execute_returnCallRef") @inline(__always)
func executeReturnCallRef(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(truncatingIfNeeded: fp[pc.b])) else {
        return raise(.nullFunctionReference, at: pc, context, fp)
    }
    enterInPlace(callee, arguments: fp + pc.a, from: pc, returnTo: pc.next, fp, md, ms, context)
}

/// `return_call_indirect_subtype base, index, table`; data word: the expected type's canonical id
/// (c32). `call_indirect_subtype` entering the callee in place.
@_cdecl("vudo_execute_returnCallIndirectSubtype") @inline(__always)
func executeReturnCallIndirectSubtype(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let callee = indirectCallee(pc, fp, context, matchingSubtypes: true) else { return }
    enterInPlace(callee, arguments: fp + pc.a, from: pc, returnTo: pc.data(2), fp, md, ms, context)
}

/// Whether type `id` is a subtype of `expected`: the slow path of an indirect call through a
/// type that is not final.
@inline(never)
func isSubtype(_ id: Int, of expected: Int, _ context: ContextPointer) -> Bool {
    context.state.pointee.store.takeUnretainedValue().types.isSubtype(id, of: expected)
}

/// `ref.as_non_null reference`: traps on null; the operand stays in its slot.
@_cdecl("vudo_execute_refAsNonNull") @inline(__always)
func executeRefAsNonNull(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard _fastPath(fp[pc.a] != 0) else { return raise(.nullReference, at: pc, context, fp) }
    next(pc.next, fp, md, ms, context)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let referenceHandlers: [(InternalOp, Handler)] = [
        (.callRef, executeCallRef),
        (.callIndirectSubtype, executeCallIndirectSubtype),
        (.refAsNonNull, executeRefAsNonNull),
        (.returnCallRef, executeReturnCallRef),
        (.returnCallIndirectSubtype, executeReturnCallIndirectSubtype),
    ]
}
