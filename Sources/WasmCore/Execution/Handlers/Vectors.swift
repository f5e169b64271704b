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
    var words = (fp.v128(pc.b, as: SIMD4<UInt32>.self), fp.v128(pc.c, as: SIMD4<UInt32>.self))
    let lanes = pc.d
    let result = withUnsafeBytes(of: &words) { table in
        SIMD4<UInt32>(
            table.load(fromByteOffset: (lanes & 7) &* 4, as: UInt32.self),
            table.load(fromByteOffset: ((lanes &>> 3) & 7) &* 4, as: UInt32.self),
            table.load(fromByteOffset: ((lanes &>> 6) & 7) &* 4, as: UInt32.self),
            table.load(fromByteOffset: ((lanes &>> 9) & 7) &* 4, as: UInt32.self))
    }
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
