// Calls from the host into the guest and from the guest out to host functions: arguments checked
// and placed on the value stack, re-entrancy bounded, and a call stopped for fuel kept for
// `resume()`.

extension Store {
    /// Calls a function with arguments that must match its parameter types.
    public func invoke(_ function: FunctionAddress, _ arguments: [Value]) throws(Trap) -> [Value] {
        guard function.index >= 0, function.index < functions.count else {
            throw Trap(.host("unknown function address \(function.index)"))
        }
        let callee = functions[function.index]
        let type = callee.type
        // A call from the host abandons a call waiting in `resume()`: its frames would otherwise
        // stay on the stack under every later call.
        if execution.reentrancyDepth == 0 { discardSuspendedCall() }
        let base = try placeArguments(arguments, for: type)
        if callee.host != nil {
            try callHost(callee.entry, arguments: base, caller: nil)
        } else {
            guard execution.reentrancyDepth < ExecutionStack.maxReentrancyDepth else { throw Trap(.callStackExhausted) }
            if execution.reentrancyDepth > 0 {
                try checkNativeStackForReentry()
            } else {
                execution.nativeStackEntry = NativeStack.currentPosition()
            }
            // The configured timeout applies to each call from the host, not to re-entrant ones.
            let savedDeadline = deadline
            if execution.reentrancyDepth == 0, let timeout = configuration.timeout {
                deadline = ContinuousClock.now + timeout
            }
            execution.reentrancyDepth += 1
            defer {
                execution.reentrancyDepth -= 1
                deadline = savedDeadline
            }
            do {
                try execute(callee.entry, frame: base)
            } catch {
                keepForResumption(error, base: base, resultTypes: type.results, baseDepth: execution.callDepth)
                throw error
            }
        }
        return values(of: type.results, at: base)
    }

    /// A host function calling back into the guest nests the interpreter on the native stack:
    /// refuse (with the call-stack trap) before the thread's stack runs out. The count limit alone
    /// was not enough: 200 nested debug-build interpreter frames are 8 MiB.
    private func checkNativeStackForReentry() throws(Trap) {
        guard let entry = execution.nativeStackEntry else { return }
        guard NativeStack.currentPosition() > NativeStack.limit(enteredAt: entry) else {
            throw Trap(.callStackExhausted)
        }
    }

    /// Whether a call stopped for lack of fuel and can be continued with ``resume()``.
    public var hasSuspendedCall: Bool { execution.suspendedCall != nil }

    /// Continues the call that last ended with ``TrapReason/outOfFuel`` (give the store fuel
    /// first), from where it stopped; its results are what an uninterrupted run would return.
    /// Only a call made directly from the host can be resumed, not one nested in a host function,
    /// and only until the host makes another call, which abandons it.
    public func resume() throws(Trap) -> [Value] {
        guard let call = execution.suspendedCall else { throw Trap(.host("no call is waiting to be resumed")) }
        execution.suspendedCall = nil
        execution.top = call.base
        execution.callDepth = call.baseDepth
        if execution.reentrancyDepth == 0 { execution.nativeStackEntry = NativeStack.currentPosition() }
        execution.reentrancyDepth += 1
        defer { execution.reentrancyDepth -= 1 }
        do {
            try run(call.state, baseDepth: call.baseDepth)
        } catch {
            keepForResumption(error, base: call.base, resultTypes: call.resultTypes, baseDepth: call.baseDepth)
            throw error
        }
        return values(of: call.resultTypes, at: call.base)
    }

    /// Forgets a call waiting in ``resume()``, releasing its stack.
    public func discardSuspendedCall() {
        guard let call = execution.suspendedCall else { return }
        execution.suspendedCall = nil
        execution.top = call.base
        execution.callDepth = call.baseDepth
    }

    /// After a top-level call ran out of fuel, keeps its state, and keeps later calls off its
    /// frames, so that ``resume()`` can continue it. (At most one call waits: every call from the
    /// host discards a waiting one first, so its frames always start at `base`.)
    func keepForResumption(
        _ trap: Trap, base: UnsafeMutablePointer<UInt64>, resultTypes: [ValueType], baseDepth: Int
    ) {
        defer { execution.fuelStop = nil }
        guard trap.reason == .outOfFuel, execution.reentrancyDepth == 1, let state = execution.fuelStop else { return }
        execution.suspendedCall = SuspendedCall(
            state: state, base: base, resultTypes: resultTypes, baseDepth: baseDepth)
        execution.top = state.fp + state.function.pointee.frameSize
        execution.callDepth = state.depth + 1
    }

    /// Checks arguments against a signature and writes them at the top of the value stack, where
    /// the callee's frame will start; returns that place.
    func placeArguments(_ arguments: [Value], for type: FunctionType) throws(Trap) -> UnsafeMutablePointer<UInt64> {
        guard arguments.count == type.parameters.count,
            zip(arguments, type.parameters).allSatisfy({ accepts($0, as: $1) })
        else {
            throw Trap(.host("arguments \(arguments.map(\.type)) do not match the parameters \(type.parameters)"))
        }
        let base = execution.top
        guard execution.valueStackEnd - base > max(type.parameters.slotCount, type.results.slotCount) else {
            throw Trap(.callStackExhausted)
        }
        write(arguments, to: base)
        return base
    }

    func checkResults(_ results: [Value], of type: FunctionType) throws(Trap) {
        guard results.count == type.results.count, zip(results, type.results).allSatisfy({ accepts($0, as: $1) })
        else {
            throw Trap(.host("host function returned \(results.map(\.type)), expected \(type.results)"))
        }
    }

    /// Runs a host function whose arguments are at `slots`; its results replace them there.
    func callHost(
        _ entry: UnsafeMutablePointer<FunctionEntry>, arguments slots: UnsafeMutablePointer<UInt64>, caller: Instance?
    ) throws(Trap) {
        let function = functions[entry.pointee.address]
        guard let host = function.host else { throw Trap(.host("not a host function")) }
        let type = function.type
        let arguments = values(of: type.parameters, at: slots)
        let savedTop = execution.top
        execution.top = slots + max(type.parameters.slotCount, type.results.slotCount)
        defer { execution.top = savedTop }
        let results: [Value]
        do {
            results = try host.body(Caller(store: self, instance: caller), arguments)
        } catch {
            throw hostFailure(error)
        }
        try checkResults(results, of: type)
        write(results, to: slots)
    }

    /// What a host function's error (sync or async) becomes: a `Trap` it threw stays itself, a
    /// `WasmException` becomes one the guest can catch (if its values match its tag), any other
    /// error a host trap carrying it.
    func hostFailure(_ error: any Error) -> Trap {
        let mismatch = Trap(.host("host function threw an exception whose values do not match its tag"))
        switch error {
        case let trap as Trap:
            if case .exception(let exception) = trap.reason, !matchesTag(exception) { return mismatch }
            return trap
        case let exception as WasmException:
            return matchesTag(exception) ? Trap(.exception(exception)) : mismatch
        default:
            return Trap(.host("\(error)"), underlyingError: error)
        }
    }
}
