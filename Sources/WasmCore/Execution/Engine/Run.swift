extension Store {
    /// Runs `entry` with its arguments in `frame[0...]` until it returns, leaving its results in
    /// `frame[0...]`.
    func execute(_ entry: UnsafeMutablePointer<FunctionEntry>, frame: FramePointer) throws(Trap) {
        guard let start = entry.pointee.start else { throw Trap(.internalError("not a wasm function")) }
        guard frame + entry.pointee.frameSize <= execution.valueStackEnd else { throw Trap(.callStackExhausted) }
        // The whole frame after the parameters, not only the locals (the prologue, if any, then
        // copies in the constants): the collector reads slots conservatively, and what an earlier
        // call (one that trapped, say) left there, in slots this function writes late or never
        // (its call record has no caller here), would keep its objects alive.
        let parameters = entry.pointee.parameterCount
        (frame + parameters).update(repeating: 0, count: max(entry.pointee.frameSize - parameters, 0))
        try run(
            ExecutionState(pc: start, fp: frame, function: entry, depth: execution.callDepth),
            baseDepth: execution.callDepth)
    }

    /// Runs from `start`, a fresh call or where a suspended one stopped, until the function at
    /// `baseDepth` returns (results in its first slots), traps, or stops at an async host function
    /// (`hostStop` is then set). With `exception`, the run starts by throwing it from the
    /// instruction before `start.pc` (the call of an async host function that threw it).
    func run(
        _ start: ExecutionState, baseDepth: Int, throwing exception: Int? = nil, fromTailCall: Bool = false
    ) throws(Trap) {
        defer { execution.callDepth = baseDepth }
        guard let instance = start.function.pointee.runtime else { throw Trap(.internalError("not a wasm function")) }
        var context = ExecutionContext(
            pc: start.pc, fp: start.fp, md: instance.memoryBase, ms: instance.memorySize, function: start.function,
            instance: instance, depth: start.depth, baseDepth: baseDepth, maxDepth: configuration.maxCallDepth,
            stackEnd: execution.valueStackEnd, metering: metering,
            store: .passUnretained(self))
        withUnsafeMutablePointer(to: &context) { state in
            let pointer = ContextPointer(state)
            // Unoptimized builds dispatch every instruction from here, and can count them.
            let counts = !dispatchesByTailCalls() && InstructionProfile.isCounting
            if counts { InstructionProfile.startRun() }
            if let exception {
                if let landing = unwind(
                    exception, from: start.pc - Inst.stride, start.fp, pointer, leavingRunningFunction: fromTailCall)
                {
                    bounce(to: landing, pointer)
                    if !dispatchesByTailCalls() { state.pointee.status = .running }
                }
            } else {
                if counts { InstructionProfile.count(start.pc.handler) }
                start.pc.handler(start.pc, start.fp, state.pointee.md, state.pointee.ms, pointer)
            }
            // Optimized, handlers call each other and return only once the run has stopped (or
            // bounces); unoptimized, each returns after recording where to go on (see `next`).
            if dispatchesByTailCalls() {
                while state.pointee.status == .bouncing {
                    state.pointee.status = .running
                    let pc = state.pointee.pc
                    pc.handler(pc, state.pointee.fp, state.pointee.md, state.pointee.ms, pointer)
                }
                return
            }
            while state.pointee.status == .running {
                let pc = state.pointee.pc
                if counts { InstructionProfile.count(pc.handler) }
                pc.handler(pc, state.pointee.fp, state.pointee.md, state.pointee.ms, pointer)
            }
        }
        switch context.status {
        case .returned:
            return
        case .suspendedAtHost:
            guard let callee = context.hostCallee, let arguments = context.hostArguments else {
                throw Trap(.internalError("a stop at a host function without its callee"))
            }
            execution.hostStop = HostStop(
                state: context.stopState, callee: callee, arguments: arguments, isTailCall: context.hostCallIsTailCall)
        case .trapped:
            let reason = context.trap ?? .internalError("a trap without a reason")
            if reason == .outOfFuel, execution.reentrancyDepth == 1 { execution.fuelStop = context.stopState }
            throw withBacktrace(context.thrown ?? Trap(reason), context.function, context.fp, context.depth, baseDepth)
        case .running, .bouncing:
            throw Trap(.internalError("a handler returned without stopping the run"))
        }
    }

    /// The trap with this run's frames added to its backtrace, innermost first.
    @inline(never)
    func withBacktrace(
        _ trap: Trap, _ function: UnsafeMutablePointer<FunctionEntry>, _ fp: FramePointer, _ depth: Int,
        _ baseDepth: Int
    ) -> Trap {
        var trap = trap
        // Deep recursions would make huge traces; the innermost frames are the useful ones.
        var remaining = depth - baseDepth + 1
        var (function, fp) = (function, fp)
        while remaining > 0, trap.omittedFrames == 0, trap.backtrace.count < Trap.maxBacktraceLength {
            trap.backtrace.append(name(of: function))
            remaining -= 1
            if remaining > 0 {
                // Frames above the run's base depth were entered by a call, which left a record.
                let caller = CallFrame(of: function, at: fp)
                (function, fp) = (caller.function, caller.fp)
            }
        }
        trap.omittedFrames += remaining
        return trap
    }

    private func name(of entry: UnsafeMutablePointer<FunctionEntry>) -> String {
        guard let instance = entry.pointee.instance else { return "host function" }
        return instance.functionName(instance.module.importedFunctionTypes.count + entry.pointee.definedIndex)
    }
}
