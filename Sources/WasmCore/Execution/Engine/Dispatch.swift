/// How internal code runs (docs/interpreter.md, "Dispatch"): every instruction stores its
/// handler, and every handler ends by calling the next instruction's handler with the machine
/// state in five arguments. In an optimized build that call is a tail call, a plain indirect
/// jump, so the handlers form a threaded interpreter with the state in registers and no stack
/// growth. In an unoptimized build (`swift test`, a dependency built for debugging) calls are never
/// tail calls, so there the handler returns after recording the state and a loop calls the next.
typealias Handler = @convention(c) (CodePointer, FramePointer, MemoryBase, MemorySize, ContextPointer) -> Void

/// The running instruction. Raw, because a C-convention handler cannot name a Swift struct.
typealias CodePointer = UnsafeRawPointer
/// Slot 0 of the running function's frame.
typealias FramePointer = UnsafeMutablePointer<UInt64>
/// The first memory's bytes and size, kept in registers for loads and stores.
typealias MemoryBase = UnsafeMutableRawPointer
typealias MemorySize = UInt64
/// The `ExecutionContext` of the running call.
typealias ContextPointer = UnsafeMutableRawPointer

/// An internal instruction: its handler and 64 bits of operands, 16 bytes. Operand fields are
/// `a` (bits 0-15), `b` (16-31) and either `c` and `d` (32-47, 48-63) or `c32` (32-63); which
/// holds what is each operation's operand list in the instruction table.
struct Inst {
    var handler: Handler
    var operands: UInt64

    static let stride = 16
}

extension CodePointer {
    /// Operand fields. Slot numbers come back as `Int`, ready to index a frame.
    @inline(__always) var a: Int { Int(load(fromByteOffset: 8, as: UInt16.self)) }
    @inline(__always) var b: Int { Int(load(fromByteOffset: 10, as: UInt16.self)) }
    @inline(__always) var c: Int { Int(load(fromByteOffset: 12, as: UInt16.self)) }
    @inline(__always) var d: Int { Int(load(fromByteOffset: 14, as: UInt16.self)) }
    @inline(__always) var c32: UInt32 { load(fromByteOffset: 12, as: UInt32.self) }

    /// A 16-bit field holding a signed immediate (an addend, a step), sign-extended to 32 bits.
    @inline(__always) func signed(_ field: Int) -> UInt32 {
        UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: field)))
    }

    /// The instruction after this one.
    @inline(__always) var next: CodePointer { self + Inst.stride }

    /// The instruction `offset` instructions away (a branch target, relative to this one).
    @inline(__always) func jump(_ offset: UInt32) -> CodePointer {
        self + Int(Int32(bitPattern: offset)) &* Inst.stride
    }

    @inline(__always) func jump(_ offset: Int16) -> CodePointer { self + Int(offset) &* Inst.stride }

    /// The operand word of the data instruction following this one (`k` = 1 for the first).
    @inline(__always) func data(_ k: Int = 1) -> CodePointer { self + k &* Inst.stride }

    @inline(__always) var handler: Handler { load(as: Handler.self) }

    /// A call's data word: its callee's entry (see `FunctionInstance.install`).
    @inline(__always) var callee: UnsafeMutablePointer<FunctionEntry> {
        UnsafeMutablePointer(bitPattern: UInt(load(fromByteOffset: 8, as: UInt64.self))).unsafelyUnwrapped
    }
}

/// Whether handlers call the next handler (an optimized build, where those calls are jumps) or
/// return to the driver's loop (an unoptimized one). A function rather than the test itself: the
/// constant would make the compiler warn that the other branch never runs.
@inline(__always)
func dispatchesByTailCalls() -> Bool { !_isDebugAssertConfiguration() }

/// Hands control to the instruction at `pc`.
@inline(__always)
func next(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    if dispatchesByTailCalls() {
        pc.handler(pc, fp, md, ms, context)
    } else {
        // Unoptimized: calls would nest; the driver's loop calls the next handler.
        let state = context.state
        state.pointee.pc = pc
        state.pointee.fp = fp
        state.pointee.md = md
        state.pointee.ms = ms
    }
}

/// Stops the guest with a trap at `pc`, in the frame at `fp` (where its backtrace starts).
///
/// `fp` is stored here, in the handler's own trap path, rather than passed on: as an argument of
/// the out-of-line part it would need a register that the handler's fast path then keeps it in,
/// with a move there and back on every execution.
@inline(__always)
func raise(_ reason: TrapReason, at pc: CodePointer, _ context: ContextPointer, _ fp: FramePointer) {
    context.state.pointee.fp = fp
    raise(reason, at: pc, context)
}

/// Kept out of line so that handlers stay small.
@inline(never)
private func raise(_ reason: TrapReason, at pc: CodePointer, _ context: ContextPointer) {
    let state = context.state
    state.pointee.pc = pc
    state.pointee.trap = reason
    state.pointee.status = .trapped
}

extension ContextPointer {
    @inline(__always) var state: UnsafeMutablePointer<ExecutionContext> {
        assumingMemoryBound(to: ExecutionContext.self)
    }
}

// Typed access to frame slots. A slot holds any value's bits: i32 and f32 in the low half,
// i64 and f64 whole, v128 across two slots.
extension FramePointer {
    @inline(__always) func i32(_ slot: Int) -> UInt32 { UInt32(truncatingIfNeeded: self[slot]) }
    @inline(__always) func i64(_ slot: Int) -> UInt64 { self[slot] }
    @inline(__always) func f32(_ slot: Int) -> Float { bitCast(UInt32(truncatingIfNeeded: self[slot]), to: Float.self) }
    @inline(__always) func f64(_ slot: Int) -> Double { bitCast(self[slot], to: Double.self) }

    @inline(__always) func setI32(_ slot: Int, _ value: UInt32) { self[slot] = UInt64(value) }
    @inline(__always) func setI64(_ slot: Int, _ value: UInt64) { self[slot] = value }
    @inline(__always) func setF32(_ slot: Int, _ value: Float) { self[slot] = UInt64(bitCast(value, to: UInt32.self)) }
    @inline(__always) func setF64(_ slot: Int, _ value: Double) { self[slot] = bitCast(value, to: UInt64.self) }

    /// A v128 in slots `slot` and `slot + 1`, as any 16-byte SIMD type (`SIMD4<Float>`, ...).
    @inline(__always) func v128<T: BitwiseCopyable>(_ slot: Int, as type: T.Type) -> T {
        UnsafeRawPointer(self + slot).loadUnaligned(as: T.self)
    }

    @inline(__always) func setV128<T: BitwiseCopyable>(_ slot: Int, _ value: T) {
        UnsafeMutableRawPointer(self + slot).storeBytes(of: value, as: T.self)
    }
}
