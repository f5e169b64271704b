import WasmCore

extension DOLABI {
    static func addTime(to loa: inout LoaBuilder) {
        // The compiler's vudo_now is an f64 of milliseconds (the core Loa's, @vudo/runtime's, is an i64).
        loa.function("vudo_now", capability: .time) { (context) -> Double in Double(context.time.now()) }
        loa.add(
            LoaFunction(name: "vudo_sleep", type: FunctionType(parameters: [.i32], results: []), capability: .time) {
                context, arguments in
                let milliseconds = arguments.first.flatMap(UInt32.init(wasmValue:)) ?? 0
                try await context.suspend(for: .milliseconds(Int64(milliseconds)))
                return []
            })
        loa.function("vudo_monotonic_now", capability: .time) { (context) -> Int64 in context.time.monotonicNow() }
    }
}

extension HostContext {
    /// Suspends the calling Spirit (never a thread) for `duration`, or until the call's deadline
    /// if that comes first, which then ends the call as a timeout would. Cancelling the task
    /// awaiting the call ends it with ``TrapReason/cancelled``. A zero duration only lets others run.
    nonisolated(nonsending) func suspend(for duration: Duration) async throws(Trap) {
        guard duration > .zero else {
            await Task.yield()
            return
        }
        let wakeUp = ContinuousClock.now.advanced(by: duration)
        let end = deadline.map { min($0, wakeUp) } ?? wakeUp
        do {
            try await Task.sleep(until: end, clock: .continuous)
        } catch {
            throw Trap(.cancelled)
        }
        if end < wakeUp { throw Trap(.deadlineExceeded) }
    }

    /// When a wait of `duration` from now must end: then, or at the call's deadline.
    func waitLimit(for duration: Duration) -> (end: ContinuousClock.Instant, cutByDeadline: Bool) {
        let wakeUp = ContinuousClock.now.advanced(by: duration)
        guard let deadline, deadline < wakeUp else { return (wakeUp, false) }
        return (deadline, true)
    }
}
