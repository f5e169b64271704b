extension Store {
    /// Calls a function like ``invoke(_:_:)``, suspending the guest (not a thread) whenever it
    /// calls an `async` host function and continuing it with the results exactly where it stopped.
    /// Synchronous host functions keep their fast path.
    ///
    /// Runs on the caller's actor. The store must not start another call until this returns
    /// (a ``Store`` is single-threaded; the embedding layer serializes calls).
    public func invokeAsync(
        _ function: FunctionAddress, _ arguments: [Value], isolation: isolated (any Actor)? = #isolation
    ) async throws(Trap) -> [Value] {
        guard execution.reentrancyDepth == 0, !execution.suspendsForAsyncHosts else {
            throw Trap(.host("invokeAsync cannot run inside another call on the same store"))
        }
        guard function.index >= 0, function.index < functions.count else {
            throw Trap(.host("unknown function address \(function.index)"))
        }
        let callee = functions[function.index]
        if let asyncBody = callee.host?.asyncBody {
            let results = try await callAsync(asyncBody, caller: nil, arguments: arguments, isolation: isolation)
            try checkResults(results, of: callee.type)
            return results
        }
        guard callee.host == nil else { return try invoke(function, arguments) }

        discardSuspendedCall()
        let base = try placeArguments(arguments, for: callee.type)
        let baseDepth = execution.callDepth
        let savedDeadline = deadline
        if let timeout = configuration.timeout { deadline = ContinuousClock.now + timeout }
        execution.suspendsForAsyncHosts = true
        // The call may continue on another thread after each await: re-entries below it are bounded
        // by the count limit alone.
        execution.nativeStackEntry = nil
        execution.reentrancyDepth += 1
        defer {
            execution.reentrancyDepth -= 1
            execution.suspendsForAsyncHosts = false
            execution.hostStop = nil
            deadline = savedDeadline
        }
        do throws(Trap) {
            try execute(callee.entry, frame: base)
            while let stop = execution.hostStop {
                execution.hostStop = nil
                // A wasm exception the host function threw goes on into the guest.
                var exception: Int?
                do throws(Trap) {
                    try await serve(stop, baseDepth: baseDepth, isolation: isolation)
                } catch {
                    guard case .exception(let thrown) = error.reason, let kept = guestException(thrown) else {
                        throw error
                    }
                    exception = kept
                }
                try run(stop.state, baseDepth: baseDepth, throwing: exception, fromTailCall: stop.isTailCall)
            }
        } catch {
            keepForResumption(error, base: base, resultTypes: callee.type.results, baseDepth: baseDepth)
            throw error
        }
        return values(of: callee.type.results, at: base)
    }

    /// Awaits the async host function the guest stopped at and puts its results where the guest
    /// expects them. The suspended frames stay below `stackTop` meanwhile, so that the host
    /// function may call back into the store synchronously.
    private func serve(
        _ stop: HostStop, baseDepth: Int, isolation: isolated (any Actor)?
    ) async throws(Trap) {
        let host = functions[stop.callee.pointee.address]
        guard let asyncBody = host.host?.asyncBody else { throw Trap(.host("not an async host function")) }
        let arguments = values(of: host.type.parameters, at: stop.arguments)
        let savedTop = execution.top
        execution.top = stop.state.fp + stop.state.function.pointee.frameSize
        execution.callDepth = stop.state.depth
        defer {
            execution.top = savedTop
            execution.callDepth = baseDepth
        }
        let results: [Value]
        do {
            results = try await callAsync(
                asyncBody, caller: stop.state.function.pointee.instance, arguments: arguments, isolation: isolation)
            try checkResults(results, of: host.type)
        } catch {
            throw withBacktrace(error, stop.state.function, stop.state.fp, stop.state.depth, baseDepth)
        }
        write(results, to: stop.arguments)
    }

    private func callAsync(
        _ body: HostFunction.AsyncBody, caller: Instance?, arguments: [Value], isolation: isolated (any Actor)?
    ) async throws(Trap) -> [Value] {
        do {
            return try await body(Caller(store: self, instance: caller), arguments)
        } catch {
            throw hostFailure(error)
        }
    }
}
