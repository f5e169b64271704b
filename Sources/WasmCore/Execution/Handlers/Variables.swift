// Moves, constants, `select`, globals and function references.

/// `copy result, source`
@_cdecl("vudo_execute_copy") @inline(__always)
func executeCopy(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    fp[pc.a] = fp[pc.b]
    next(pc.next, fp, md, ms, context)
}

/// `copy2 a, b, c, d`: `a <- b`, then `c <- d`, in that order (loop variables rotating, arguments
/// before a call).
@_cdecl("vudo_execute_copy2") @inline(__always)
func executeCopy2(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer)
{
    fp[pc.a] = fp[pc.b]
    fp[pc.c] = fp[pc.d]
    next(pc.next, fp, md, ms, context)
}

/// `i32.add_imm_copy result, x, addend, copy`: `x + addend` (16 bits, sign-extended) into both
/// `result` and `copy`.
@_cdecl("vudo_execute_i32AddImmCopy") @inline(__always)
func executeI32AddImmCopy(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let sum = fp.i32(pc.b) &+ pc.signed(pc.c)
    fp.setI32(pc.a, sum)
    fp.setI32(pc.d, sum)
    next(pc.next, fp, md, ms, context)
}

/// `i32.add_imm2 x, step, y, secondStep`: `x += step`, then `y += secondStep` (16 bits each,
/// sign-extended).
@_cdecl("vudo_execute_i32AddImm2") @inline(__always)
func executeI32AddImm2(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp.setI32(pc.a, fp.i32(pc.a) &+ pc.signed(pc.b))
    fp.setI32(pc.c, fp.i32(pc.c) &+ pc.signed(pc.d))
    next(pc.next, fp, md, ms, context)
}

/// `copy_i32.load result, address, copy, offset`: `copy <- address`, then `result <- i32 at
/// address + offset` (16 bits): a `local.tee` of a pointer that is loaded through at once.
@_cdecl("vudo_execute_copyI32Load") @inline(__always)
func executeCopyI32Load(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let pointer = fp[pc.b]
    fp[pc.c] = pointer
    let address = UInt64(UInt32(truncatingIfNeeded: pointer)) &+ UInt64(pc.d)
    guard _fastPath(address &+ 4 <= ms) else { return raise(.memoryOutOfBounds, at: pc, context, fp) }
    fp.setI32(pc.a, md.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self))
    next(pc.next, fp, md, ms, context)
}

/// `const32 result, bits`: sign-extended, so one slot serves an i64 comparison with a 32-bit
/// immediate as well as an i32 one (which reads only the low half).
@_cdecl("vudo_execute_const32") @inline(__always)
func executeConst32(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[pc.a] = UInt64(bitPattern: Int64(Int32(bitPattern: pc.c32)))
    next(pc.next, fp, md, ms, context)
}

/// `select result, x, y, condition`
@_cdecl("vudo_execute_select") @inline(__always)
func executeSelect(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer)
{
    fp[pc.a] = fp.i32(pc.d) != 0 ? fp[pc.b] : fp[pc.c]
    next(pc.next, fp, md, ms, context)
}

/// `global.get result, global`
@_cdecl("vudo_execute_globalGet") @inline(__always)
func executeGlobalGet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[pc.a] = context.state.pointee.instance.pointee.globals[Int(pc.c32)].pointee
    next(pc.next, fp, md, ms, context)
}

/// `global.set value, global`
@_cdecl("vudo_execute_globalSet") @inline(__always)
func executeGlobalSet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    context.state.pointee.instance.pointee.globals[Int(pc.c32)].pointee = fp[pc.a]
    next(pc.next, fp, md, ms, context)
}

/// `global.get_i32.add_imm result, addend, global`: `global + addend` (16 bits, sign-extended).
@_cdecl("vudo_execute_globalGetAddImm") @inline(__always)
func executeGlobalGetAddImm(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let global = context.state.pointee.instance.pointee.globals[Int(pc.c32)]
    fp.setI32(
        pc.a, UInt32(truncatingIfNeeded: global.pointee) &+ pc.signed(pc.b))
    next(pc.next, fp, md, ms, context)
}

/// `global.add_imm result, addend, global`: `global + addend` (16 bits, sign-extended) into both
/// `result` and the global.
@_cdecl("vudo_execute_globalAddImm") @inline(__always)
func executeGlobalAddImm(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let global = context.state.pointee.instance.pointee.globals[Int(pc.c32)]
    let sum = UInt64(
        UInt32(truncatingIfNeeded: global.pointee) &+ pc.signed(pc.b))
    fp[pc.a] = sum
    global.pointee = sum
    next(pc.next, fp, md, ms, context)
}

/// `i32.add_imm_global.set result, x, addend, global`: `x + addend` (16 bits, sign-extended) into
/// both `result` and the global (an index of 16 bits).
@_cdecl("vudo_execute_i32AddImmGlobalSet") @inline(__always)
func executeI32AddImmGlobalSet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let sum = UInt64(fp.i32(pc.b) &+ pc.signed(pc.c))
    fp[pc.a] = sum
    context.state.pointee.instance.pointee.globals[Int(pc.d)].pointee = sum
    next(pc.next, fp, md, ms, context)
}

/// `ref.func result, function`: a funcref is its entry's address.
@_cdecl("vudo_execute_refFunc") @inline(__always)
func executeRefFunc(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let entry = context.state.pointee.instance.pointee.functions[Int(pc.c32)]
    fp[pc.a] = UInt64(UInt(bitPattern: entry))
    next(pc.next, fp, md, ms, context)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let variableHandlers: [(InternalOp, Handler)] = [
        (.copyI32Load, executeCopyI32Load),
        (.copy, executeCopy),
        // A slot holds a float's bits: reinterpreting an i64 or f64 is a copy.
        (.i64ReinterpretF64, executeCopy),
        (.f64ReinterpretI64, executeCopy),
        (.copy2, executeCopy2),
        (.i32AddImmCopy, executeI32AddImmCopy),
        (.i32AddImm2, executeI32AddImm2),
        (.const32, executeConst32),
        (.select, executeSelect),
        (.globalGet, executeGlobalGet),
        (.globalSet, executeGlobalSet),
        (.globalGetAddImm, executeGlobalGetAddImm),
        (.globalAddImm, executeGlobalAddImm),
        (.i32AddImmGlobalSet, executeI32AddImmGlobalSet),
        (.refFunc, executeRefFunc),
    ]
}
