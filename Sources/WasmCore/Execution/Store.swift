/// Owns every function, table, memory and global that instances create or share, and runs code.
///
/// A store is single-threaded: use it from one task or thread at a time.
public final class Store {
    public let configuration: EngineConfiguration

    var functions: [FunctionInstance] = []
    var tables: [TableInstance] = []
    var memories: [MemoryInstance] = []
    var globals: [GlobalInstance] = []
    var instances: [Instance] = []
    var tags: [TagInstance] = []
    /// Thrown exceptions that a reference may still reach (an `exnref` is an index plus one), and
    /// the free entries among them.
    var exceptions: [ExceptionInstance?] = []
    var freeExceptions: [Int] = []
    /// Canonical ids of every type definition of the store's instances and host functions.
    /// Store objects' types name defined types by these ids.
    let types = TypeRegistry()

    /// Locals and operands of every active frame.
    let valueStack: UnsafeMutablePointer<UInt64>
    let valueStackEnd: UnsafeMutablePointer<UInt64>
    /// Return addresses of active wasm calls.
    let frames: UnsafeMutablePointer<CallFrame>
    /// Where both stacks live.
    private let stacks: StackMapping
    /// First free value-stack slot and call depth, as of the innermost host call or invocation.
    var stackTop: UnsafeMutablePointer<UInt64>
    var callDepth = 0
    /// Host → wasm → host → ... nesting; each level uses the native stack, so it has its own cap.
    var reentrancyDepth = 0
    static let maxReentrancyDepth = 100
    /// Where on the native stack the running call chain entered from the host (see
    /// `checkNativeStackForReentry`); nil for a chain that may change threads (`invokeAsync`).
    var nativeStackEntry: UInt?

    /// Fuel left for guest execution when metering is enabled; nil means unlimited. Each checkpoint
    /// charges the number of wasm instructions in the code it guards, so the same module and input
    /// always use the same fuel. Running out traps with ``TrapReason/outOfFuel``.
    public var fuel: Int64? {
        get { metering.pointee.isLimited ? metering.pointee.fuel : nil }
        set {
            metering.pointee.isLimited = newValue != nil
            metering.pointee.fuel = newValue ?? 0
        }
    }
    /// Fuel and the interruption countdown, where the checkpoint handler reads them.
    let metering: UnsafeMutablePointer<Metering>
    /// When metering is enabled, guest execution past this instant traps with
    /// ``TrapReason/deadlineExceeded``.
    public var deadline: ContinuousClock.Instant?
    /// When metering is enabled, cancelling the Swift task that runs the guest stops it with
    /// ``TrapReason/cancelled``.
    public var stopsOnTaskCancellation = true
    /// Polled with the deadline and cancellation every
    /// ``EngineConfiguration/interruptCheckInterval`` checkpoints when metering is enabled;
    /// returning a reason stops the guest with that trap.
    public var interruptCheck: (() -> TrapReason?)?
    /// Where the last top-level call ran out of fuel (set by the interpreter, taken by `invoke`).
    var fuelStop: ExecutionState?
    /// A call stopped by running out of fuel, which ``resume()`` continues.
    var suspendedCall: SuspendedCall?
    /// Set while `invokeAsync` runs: calls to async host functions suspend the guest.
    var suspendsForAsyncHosts = false
    /// Where the guest stopped to await an async host function.
    var hostStop: HostStop?

    public init(configuration: EngineConfiguration = EngineConfiguration()) {
        self.configuration = configuration
        let slots = max(configuration.valueStackSlots, 1024)
        stacks = StackMapping(valueSlots: slots, frameCount: max(configuration.maxCallDepth, 0) + 1)
        valueStack = stacks.valueStack
        valueStackEnd = valueStack + slots
        stackTop = valueStack
        frames = stacks.frames
        metering = .allocate(capacity: 1)
        metering.initialize(to: Metering())
        fuel = configuration.fuel
    }

    deinit {
        stacks.release()
        metering.deallocate()
    }

    /// The canonical id of a host function's signature. Host signatures use abstract heap types;
    /// a concrete one is read as a canonical id of this store, and one the store does not have
    /// as `none`, so that nothing matches it.
    func typeID(_ type: FunctionType) -> Int {
        let count = types.entries.count
        return types.register(type.mappingIndices { Int($0) < count ? $0 : UInt32.max })
    }

    // MARK: Host-created objects

    public func addHostFunction(_ function: HostFunction) -> FunctionAddress {
        let address = functions.count
        let entry = FunctionEntry(
            code: nil, frameSize: max(function.type.parameters.slotCount, function.type.results.slotCount),
            parameterCount: function.type.parameters.slotCount, declaredLocalCount: 0, constants: nil,
            constantCount: 0, resultCount: function.type.results.slotCount, typeID: typeID(function.type), isHost: true,
            runtime: nil, definedIndex: -1, address: address)
        functions.append(FunctionInstance(entry: entry, type: function.type, host: function))
        return FunctionAddress(address)
    }

    public func addMemory(_ type: MemoryType) throws(InstantiationError) -> MemoryAddress {
        memories.append(
            try MemoryInstance(
                type: type, engineLimit: configuration.maxMemoryPages, budget: configuration.memoryBudget))
        return MemoryAddress(memories.count - 1)
    }

    public func addTable(_ type: TableType) throws(InstantiationError) -> TableAddress {
        tables.append(try TableInstance(type: type, engineLimit: configuration.maxTableElements))
        return TableAddress(tables.count - 1)
    }

    public func addGlobal(_ type: GlobalType, value: Value) -> GlobalAddress {
        let global = GlobalInstance(type: type)
        write(value, to: global.cell)
        globals.append(global)
        return GlobalAddress(globals.count - 1)
    }

    // MARK: Inspection

    public func functionType(_ function: FunctionAddress) -> FunctionType {
        functions[function.index].type
    }

    public func globalValue(_ global: GlobalAddress) -> Value {
        let instance = globals[global.index]
        return value(of: instance.type.valueType, at: instance.cell)
    }

    public func setGlobalValue(_ global: GlobalAddress, _ value: Value) {
        write(value, to: globals[global.index].cell)
    }

    public func memory(_ address: MemoryAddress) -> MemoryInstance { memories[address.index] }
    public func table(_ address: TableAddress) -> TableInstance { tables[address.index] }

    // MARK: Values <-> slots

    func value(of type: ValueType, at slot: UnsafeMutablePointer<UInt64>) -> Value {
        let bits = slot.pointee
        switch type {
        case .i32: return .i32(UInt32(truncatingIfNeeded: bits))
        case .i64: return .i64(bits)
        case .f32: return .f32(UInt32(truncatingIfNeeded: bits))
        case .f64: return .f64(bits)
        case .v128: return .v128(V128(low: bits, high: slot[1]))
        case .ref(let reference):
            switch types.top(of: reference.heapType) {
            case .func: return .funcref(functionAddress(fromReference: bits))
            case .extern: return .externref(ReferenceBits.externAddress(bits))
            case .exn: return .exnref(bits == 0 ? nil : ExceptionAddress(Int(bits - 1)))
            default: return .anyref(ReferenceBits.anyReference(bits))
            }
        }
    }

    /// Writes a value's slots: one, or two for a v128.
    func write(_ value: Value, to slot: UnsafeMutablePointer<UInt64>) {
        slot.pointee = bits(of: value)
        if case .v128(let v) = value { slot[1] = v.high }
    }

    /// Values of `types` from consecutive slots, each at its offset by slot width.
    func values(of types: [ValueType], at base: UnsafeMutablePointer<UInt64>) -> [Value] {
        var offset = 0
        return types.map { type in
            defer { offset += type.slotWidth }
            return value(of: type, at: base + offset)
        }
    }

    /// Writes values to consecutive slots, each at its offset by slot width.
    func write(_ values: [Value], to base: UnsafeMutablePointer<UInt64>) {
        var offset = 0
        for value in values {
            write(value, to: base + offset)
            offset += value.type.slotWidth
        }
    }

    /// A value's bits in one slot: the low half of a v128 (see `write(_:to:)`).
    func bits(of value: Value) -> UInt64 {
        switch value {
        case .i32(let v): UInt64(v)
        case .i64(let v): v
        case .f32(let v): UInt64(v)
        case .f64(let v): v
        case .v128(let v): v.low
        case .funcref(let f): f.map { functions[$0.index].referenceBits } ?? 0
        case .externref(let e): e.map { ReferenceBits.make(extern: $0) } ?? 0
        case .anyref(let r): r.map { ReferenceBits.make(any: $0) } ?? 0
        case .exnref(let e): e.map { UInt64($0.index) + 1 } ?? 0
        }
    }

    /// Whether a host value may be passed where `type` is expected: a number of that type, or a
    /// reference of that type's hierarchy (null only where the type is nullable), a function
    /// reference only where its signature is a subtype of the expected one.
    public func accepts(_ value: Value, as type: ValueType) -> Bool {
        guard case .ref(let reference) = type else { return value.type == type }
        if value.isNull {
            return reference.isNullable && value.type == .ref(ReferenceType(types.top(of: reference.heapType)))
        }
        switch (value, reference.heapType) {
        case (.funcref(let address?), .concrete(let id)):
            return functions.indices.contains(address.index)
                && types.isSubtype(functions[address.index].entry.pointee.typeID, of: Int(id))
        case (.funcref(let address?), let heapType):
            return functions.indices.contains(address.index) && types.isSubtype(.func, of: heapType)
        case (.externref, let heapType):
            return types.isSubtype(.extern, of: heapType)
        case (.anyref(.i31?), let heapType):
            return types.isSubtype(.i31, of: heapType)
        case (.exnref(let address?), let heapType):
            return exceptions.indices.contains(address.index) && exceptions[address.index] != nil
                && types.isSubtype(.exn, of: heapType)
        default:
            return false
        }
    }

    func functionAddress(fromReference bits: UInt64) -> FunctionAddress? {
        guard bits != 0, let entry = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(bits)) else { return nil }
        return FunctionAddress(entry.pointee.address)
    }

    // MARK: Invocation

    /// Calls a function with arguments that must match its parameter types.
    public func invoke(_ function: FunctionAddress, _ arguments: [Value]) throws(Trap) -> [Value] {
        guard function.index >= 0, function.index < functions.count else {
            throw Trap(.host("unknown function address \(function.index)"))
        }
        let callee = functions[function.index]
        let type = callee.type
        // A call from the host abandons a call waiting in `resume()`: its frames would otherwise
        // stay on the stack under every later call.
        if reentrancyDepth == 0 { discardSuspendedCall() }
        let base = try placeArguments(arguments, for: type)
        if callee.host != nil {
            try callHost(callee.entry, arguments: base, caller: nil)
        } else {
            guard reentrancyDepth < Self.maxReentrancyDepth else { throw Trap(.callStackExhausted) }
            if reentrancyDepth > 0 {
                try checkNativeStackForReentry()
            } else {
                nativeStackEntry = NativeStack.currentPosition()
            }
            // The configured timeout applies to each call from the host, not to re-entrant ones.
            let savedDeadline = deadline
            if reentrancyDepth == 0, let timeout = configuration.timeout { deadline = ContinuousClock.now + timeout }
            reentrancyDepth += 1
            defer {
                reentrancyDepth -= 1
                deadline = savedDeadline
            }
            do {
                try execute(callee.entry, frame: base)
            } catch {
                keepForResumption(error, base: base, resultTypes: type.results, baseDepth: callDepth)
                throw error
            }
        }
        return values(of: type.results, at: base)
    }

    /// A host function calling back into the guest nests the interpreter on the native stack:
    /// refuse (with the call-stack trap) before the thread's stack runs out. The count limit alone
    /// was not enough: 200 nested debug-build interpreter frames are 8 MiB.
    private func checkNativeStackForReentry() throws(Trap) {
        guard let entry = nativeStackEntry else { return }
        guard NativeStack.currentPosition() > NativeStack.limit(enteredAt: entry) else {
            throw Trap(.callStackExhausted)
        }
    }

    /// Whether a call stopped for lack of fuel and can be continued with ``resume()``.
    public var hasSuspendedCall: Bool { suspendedCall != nil }

    /// Continues the call that last ended with ``TrapReason/outOfFuel`` (give the store fuel
    /// first), from where it stopped; its results are what an uninterrupted run would return.
    /// Only a call made directly from the host can be resumed, not one nested in a host function,
    /// and only until the host makes another call, which abandons it.
    public func resume() throws(Trap) -> [Value] {
        guard let call = suspendedCall else { throw Trap(.host("no call is waiting to be resumed")) }
        suspendedCall = nil
        stackTop = call.base
        callDepth = call.baseDepth
        if reentrancyDepth == 0 { nativeStackEntry = NativeStack.currentPosition() }
        reentrancyDepth += 1
        defer { reentrancyDepth -= 1 }
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
        guard let call = suspendedCall else { return }
        suspendedCall = nil
        stackTop = call.base
        callDepth = call.baseDepth
    }

    /// After a top-level call ran out of fuel, keeps its state, and keeps later calls off its
    /// frames, so that ``resume()`` can continue it. (At most one call waits: every call from the
    /// host discards a waiting one first, so its frames always start at `base`.)
    func keepForResumption(
        _ trap: Trap, base: UnsafeMutablePointer<UInt64>, resultTypes: [ValueType], baseDepth: Int
    ) {
        defer { fuelStop = nil }
        guard trap.reason == .outOfFuel, reentrancyDepth == 1, let state = fuelStop else { return }
        suspendedCall = SuspendedCall(state: state, base: base, resultTypes: resultTypes, baseDepth: baseDepth)
        stackTop = state.fp + state.function.pointee.frameSize
        callDepth = state.depth + 1
    }

    /// Checks arguments against a signature and writes them at the top of the value stack, where
    /// the callee's frame will start; returns that place.
    func placeArguments(_ arguments: [Value], for type: FunctionType) throws(Trap) -> UnsafeMutablePointer<UInt64> {
        guard arguments.count == type.parameters.count,
            zip(arguments, type.parameters).allSatisfy({ accepts($0, as: $1) })
        else {
            throw Trap(.host("arguments \(arguments.map(\.type)) do not match the parameters \(type.parameters)"))
        }
        let base = stackTop
        guard valueStackEnd - base > max(type.parameters.slotCount, type.results.slotCount) else {
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
        let savedTop = stackTop
        stackTop = slots + max(type.parameters.slotCount, type.results.slotCount)
        defer { stackTop = savedTop }
        let results: [Value]
        do {
            results = try host.body(Caller(store: self, instance: caller), arguments)
        } catch let trap as Trap {
            if case .exception(let exception) = trap.reason, !matchesTag(exception) {
                throw Trap(.host("host function threw an exception whose values do not match its tag"))
            }
            throw trap
        } catch let exception as WasmException {
            guard matchesTag(exception) else {
                throw Trap(.host("host function threw an exception whose values do not match its tag"))
            }
            throw Trap(.exception(exception))
        } catch {
            throw Trap(.host("\(error)"), underlyingError: error)
        }
        try checkResults(results, of: type)
        write(results, to: slots)
    }
}

extension Store {
    /// Why the guest must stop now, if it must: the deadline, the task's cancellation, or the
    /// embedder's own check. Called from checkpoints, every `interruptCheckInterval` of them.
    @inline(never)
    func pendingInterruption() -> TrapReason? {
        if let deadline, ContinuousClock.now >= deadline { return .deadlineExceeded }
        if stopsOnTaskCancellation, withUnsafeCurrentTask(body: { $0?.isCancelled ?? false }) { return .cancelled }
        return interruptCheck?()
    }
}

/// A guest suspended at a call to an async host function.
struct HostStop {
    /// Where to continue once the host function's results are in the argument slots.
    var state: ExecutionState
    var callee: UnsafeMutablePointer<FunctionEntry>
    var arguments: UnsafeMutablePointer<UInt64>
}

/// A top-level call that ran out of fuel: its state, its frame and what it returns.
struct SuspendedCall {
    var state: ExecutionState
    var base: UnsafeMutablePointer<UInt64>
    var resultTypes: [ValueType]
    var baseDepth: Int
}
