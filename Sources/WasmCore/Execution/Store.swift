// The objects are this file; what running calls keep (stacks, nesting, stopped calls) is
// `execution` (ExecutionStack.swift); calls in and out are Store+Invocation.swift and
// Store+Async.swift; the limits a run obeys are the `configuration` and, for the running call,
// `fuel`, `deadline`, `stopsOnTaskCancellation` and `interruptCheck`.

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
    /// How many exceptions may exist before a throw collects (see `collectIfExceptionsPileUp`).
    var exceptionCollectionTrigger = Store.minimumExceptionTrigger
    /// Canonical ids of every type definition of the store's instances and host functions.
    /// Store objects' types name defined types by these ids.
    let types: TypeRegistry

    /// The stacks and nesting of running calls, and the calls stopped part-way.
    var execution: ExecutionStack
    /// Struct and array objects (see Store+GC.swift).
    let heap: GCHeap

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

    public init(configuration: EngineConfiguration = EngineConfiguration()) {
        self.configuration = configuration
        let types = TypeRegistry()
        self.types = types
        heap = GCHeap(
            registry: types, limit: configuration.maxHeapBytes,
            collectsAlways: configuration.collectsOnEveryAllocationForTesting)
        execution = ExecutionStack(configuration)
        metering = .allocate(capacity: 1)
        metering.initialize(to: Metering())
        fuel = configuration.fuel
    }

    deinit {
        execution.release()
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
        guard isKnown(.ref(type.elementType)) else {
            throw InstantiationError(
                .link, "table element type \(type.elementType) names a type this store does not have")
        }
        tables.append(try TableInstance(type: type, engineLimit: configuration.maxTableElements))
        return TableAddress(tables.count - 1)
    }

    /// A global of `type` holding `value`; throws when the value is not of that type (or the type
    /// names a defined type this store does not have).
    public func addGlobal(_ type: GlobalType, value: Value) throws(InstantiationError) -> GlobalAddress {
        guard accepts(value, as: type.valueType) else {
            throw InstantiationError(.link, "\(value) is not a value of the global's type \(type.valueType)")
        }
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

    /// Writes a global; false (and the global unchanged) when the value is not of its type.
    @discardableResult
    public func setGlobalValue(_ global: GlobalAddress, _ value: Value) -> Bool {
        let instance = globals[global.index]
        guard accepts(value, as: instance.type.valueType) else { return false }
        write(value, to: instance.cell)
        return true
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
            case .extern:
                if bits == 0 || ReferenceBits.externAddress(bits) != nil {
                    return .externref(ReferenceBits.externAddress(bits))
                }
                return anyReference(bits).map(Value.externalized) ?? .externref(nil)
            case .exn:
                guard bits != 0 else { return .exnref(nil) }
                let index = Int(truncatingIfNeeded: bits - 1)
                if exceptions.indices.contains(index) { exceptions[index]?.isHostHeld = true }
                return .exnref(ExceptionAddress(index))
            default: return .anyref(anyReference(bits))
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
        case .anyref(let r): r.map(anyBits) ?? 0
        case .externalized(let r): anyBits(r)
        case .exnref(let e): e.map { UInt64($0.index) + 1 } ?? 0
        }
    }

    /// Whether every defined type `type` names (by canonical id) is one of this store's.
    func isKnown(_ type: ValueType) -> Bool {
        guard case .ref(let reference) = type, case .concrete(let id) = reference.heapType else { return true }
        return Int(id) < types.entries.count
    }

    /// An `any` reference's bits; an object of another store, which this one cannot keep alive,
    /// is null here (the calls check their arguments with `accepts` and refuse it first).
    private func anyBits(_ reference: AnyReference) -> UInt64 {
        if case .object(let object) = reference, object.pins !== heap.pins { return 0 }
        return ReferenceBits.make(any: reference)
    }

    /// Whether a host value may be passed where `type` is expected: a number of that type, or a
    /// reference of that type's hierarchy (null only where the type is nullable), a function
    /// reference only where its signature is a subtype of the expected one.
    public func accepts(_ value: Value, as type: ValueType) -> Bool {
        guard isKnown(type) else { return false }
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
        case (.anyref(.host?), let heapType):
            return types.isSubtype(.any, of: heapType)
        case (.anyref(.object(let object)?), let heapType):
            return object.pins === heap.pins && objectMatches(object.bits, heapType)
        case (.externalized(let reference), let heapType):
            return types.isSubtype(.extern, of: heapType) && accepts(.anyref(reference), as: .anyref)
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
