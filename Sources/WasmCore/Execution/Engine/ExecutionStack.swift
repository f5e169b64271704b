/// What running calls keep, apart from the objects they run: the value stack, how deeply
/// host and guest calls are nested, and the calls stopped part-way (out of fuel, or awaiting an
/// async host function). A ``Store`` holds one; its objects are what outlives a call.
struct ExecutionStack {
    /// Locals and operands of every active frame.
    let valueStack: UnsafeMutablePointer<UInt64>
    let valueStackEnd: UnsafeMutablePointer<UInt64>
    /// Where the stack lives.
    private let stacks: StackMapping

    /// First free value-stack slot and call depth, as of the innermost host call or invocation.
    var top: UnsafeMutablePointer<UInt64>
    var callDepth = 0
    /// Host → wasm → host → ... nesting; each level uses the native stack, so it has its own cap.
    var reentrancyDepth = 0
    static let maxReentrancyDepth = 100
    /// Where on the native stack the running call chain entered from the host (see
    /// `Store.checkNativeStackForReentry`); nil for a chain that may change threads (`invokeAsync`).
    var nativeStackEntry: UInt?

    /// Where the last top-level call ran out of fuel (set by the interpreter, taken by `invoke`).
    var fuelStop: ExecutionState?
    /// A call stopped by running out of fuel, which `Store.resume()` continues.
    var suspendedCall: SuspendedCall?
    /// Set while `invokeAsync` runs: calls to async host functions suspend the guest.
    var suspendsForAsyncHosts = false
    /// Where the guest stopped to await an async host function.
    var hostStop: HostStop?

    init(_ configuration: EngineConfiguration) {
        let slots = max(configuration.valueStackSlots, 1024)
        stacks = StackMapping(valueSlots: slots)
        valueStack = stacks.valueStack
        valueStackEnd = valueStack + slots
        top = valueStack
    }

    /// Returns the stack's memory; the store calls it once, when it goes.
    func release() { stacks.release() }
}

/// A guest suspended at a call to an async host function.
struct HostStop {
    /// Where to continue once the host function's results are in the argument slots.
    var state: ExecutionState
    var callee: UnsafeMutablePointer<FunctionEntry>
    var arguments: UnsafeMutablePointer<UInt64>
    /// Reached by a tail call: an exception it throws skips the handlers of `state`'s function.
    var isTailCall: Bool
}

/// A top-level call that ran out of fuel: its state, its frame and what it returns.
struct SuspendedCall {
    var state: ExecutionState
    var base: UnsafeMutablePointer<UInt64>
    var resultTypes: [ValueType]
    var baseDepth: Int
}
