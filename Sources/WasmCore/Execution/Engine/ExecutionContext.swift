/// The state of one run of the interpreter that does not fit in the handlers' five arguments:
/// the call stack, the running function and instance, and why the run stopped. It lives on the
/// stack of `Store.run` for as long as the run lasts; handlers reach it through `ContextPointer`.
struct ExecutionContext {
    enum Status: UInt8 {
        case running
        /// The function the run started with has returned.
        case returned
        case trapped
        /// The guest called an async host function and waits for its results (see
        /// `Store.invokeAsync`).
        case suspendedAtHost
        /// Optimized builds: a slow path returned to continue at `pc` from `Store.run`'s loop,
        /// with the native stack unwound (see `bounce(to:_:)`).
        case bouncing
    }

    // Unoptimized builds only: where the next handler continues (see `next`). Also where a trap
    // happened.
    var pc: CodePointer
    var fp: FramePointer
    var md: MemoryBase
    var ms: MemorySize

    var status = Status.running
    var trap: TrapReason?
    /// The trap a host function ended with (its reason, its own backtrace, the error it threw),
    /// when that is what stopped the guest.
    var thrown: Trap?

    /// The running function and its instance (whose memory `md` and `ms` describe).
    var function: UnsafeMutablePointer<FunctionEntry>
    var instance: UnsafeMutablePointer<InstanceRuntime>
    /// Call depth of the running function; frames below `baseDepth` belong to outer runs.
    var depth: Int
    let baseDepth: Int
    let maxDepth: Int
    /// One past the last value-stack slot a frame may use.
    let stackEnd: FramePointer
    let metering: UnsafeMutablePointer<Metering>
    /// For slow paths (host calls, bulk operations, growing memory, translation).
    let store: Unmanaged<Store>

    /// Set with `.suspendedAtHost`: the async host function and its argument slots.
    var hostCallee: UnsafeMutablePointer<FunctionEntry>?
    var hostArguments: FramePointer?
    /// Whether that call is a tail call, which has left the running function's handlers.
    var hostCallIsTailCall = false

    /// Where the run stands, to continue it later.
    var stopState: ExecutionState { ExecutionState(pc: pc, fp: fp, function: function, depth: depth) }
}

/// A suspended caller: where to continue when the callee returns. A call writes it into the
/// callee's own frame, at the slot the callee's `return` names (after its locals, constants and
/// hidden slots, before its operands, so no call it makes writes over it), and `return` reads it
/// from there: one load from the frame pointer, not a walk through the context to a separate
/// stack. The records chain every frame of a run to its caller's.
struct CallFrame {
    var returnPC: CodePointer
    var fp: FramePointer
    var function: UnsafeMutablePointer<FunctionEntry>
}

extension CallFrame {
    /// Slots a record takes in a frame.
    static let slotCount = 3

    /// The record at `slots`.
    @inline(__always)
    init(at slots: FramePointer) {
        returnPC = CodePointer(bitPattern: UInt(slots[0])).unsafelyUnwrapped
        fp = FramePointer(bitPattern: UInt(slots[1])).unsafelyUnwrapped
        function = UnsafeMutablePointer(bitPattern: UInt(slots[2])).unsafelyUnwrapped
    }

    /// The record of the call that entered `function`'s frame at `fp`.
    @inline(__always)
    init(of function: UnsafeMutablePointer<FunctionEntry>, at fp: FramePointer) {
        self.init(at: fp + function.pointee.recordSlot)
    }

    @inline(__always)
    func write(to slots: FramePointer) {
        slots[0] = UInt64(UInt(bitPattern: returnPC))
        slots[1] = UInt64(UInt(bitPattern: fp))
        slots[2] = UInt64(UInt(bitPattern: function))
    }
}

/// Where the interpreter stands: enough to continue a call later.
struct ExecutionState {
    var pc: CodePointer
    var fp: FramePointer
    var function: UnsafeMutablePointer<FunctionEntry>
    var depth: Int
}

/// Fuel and the countdown to the next interruption check, behind a pointer the checkpoint
/// handler reads without touching the store object.
struct Metering {
    var fuel: Int64 = 0
    /// Whether `fuel` applies; without it only interruptions are checked.
    var isLimited = false
    var checkpointsUntilInterruptCheck = 0
}

extension UnsafeMutablePointer where Pointee == InstanceRuntime {
    /// The instance's first memory, as `md` and `ms` carry it.
    @inline(__always) var memoryBase: MemoryBase { pointee.memoryState.pointee.base }
    @inline(__always) var memorySize: MemorySize { pointee.memoryState.pointee.byteCount }
}
