// v128 moves the vector families do not cover: `select`, globals, and shuffles whose lane
// indices pick whole 32-bit lanes (what `wasm_i32x4_shuffle` and `wasm_i64x2_shuffle` compile to).

/// `select128 result, x, y, condition`: `select` of two v128 values (two slots each).
@_cdecl("vudo_execute_select128") @inline(__always)
func executeSelect128(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let chosen = fp.i32(pc.d) != 0 ? pc.b : pc.c
    fp.setV128(pc.a, fp.v128(chosen, as: SIMD2<UInt64>.self))
    next(pc.next, fp, md, ms, context)
}

/// `global.get128 result, global`: a v128 global's two words.
@_cdecl("vudo_execute_globalGet128") @inline(__always)
func executeGlobalGet128(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let cell = context.state.pointee.instance.pointee.globals[Int(pc.c32)]
    fp.setV128(pc.a, UnsafeRawPointer(cell).loadUnaligned(as: SIMD2<UInt64>.self))
    next(pc.next, fp, md, ms, context)
}

/// `global.set128 value, global`
@_cdecl("vudo_execute_globalSet128") @inline(__always)
func executeGlobalSet128(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let cell = context.state.pointee.instance.pointee.globals[Int(pc.c32)]
    UnsafeMutableRawPointer(cell).storeBytes(of: fp.v128(pc.a, as: SIMD2<UInt64>.self), as: SIMD2<UInt64>.self)
    next(pc.next, fp, md, ms, context)
}

/// `i8x16.shuffle_words result, x, y, lanes`: an `i8x16.shuffle` whose 16 lane indices select
/// four whole 32-bit lanes of `x` then `y`; lane `k` of the result is 32-bit lane
/// `(lanes >> 3k) & 7` of the eight.
@_cdecl("vudo_execute_i8x16ShuffleWords") @inline(__always)
func executeI8x16ShuffleWords(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    // Lanes are read from the frame, not from a local copy: a local whose address is taken gets a
    // stack-protector check after the dispatch, which then is no longer a tail call.
    let lanes = pc.d
    let x = UnsafeRawPointer(fp + pc.b)
    let y = UnsafeRawPointer(fp + pc.c)
    @inline(__always) func lane(_ k: Int) -> UInt32 {
        let index = (lanes &>> (3 &* k)) & 7
        return (index < 4 ? x : y).load(fromByteOffset: (index & 3) &* 4, as: UInt32.self)
    }
    let result = SIMD4<UInt32>(lane(0), lane(1), lane(2), lane(3))
    fp.setV128(pc.a, result)
    next(pc.next, fp, md, ms, context)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let vectorMoveHandlers: [(InternalOp, Handler)] = [
        (.select128, executeSelect128),
        (.globalGet128, executeGlobalGet128),
        (.globalSet128, executeGlobalSet128),
        (.i8x16ShuffleWords, executeI8x16ShuffleWords),
    ]
}
