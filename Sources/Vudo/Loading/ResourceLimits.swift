/// What a Spirit may take: fuel, time per call, call depth, memory and GC heap. Exceeding any of them ends
/// the call (or the load) with a typed error naming the limit; the Spirit stays usable.

import WasmCore

public struct ResourceLimits: Sendable {
    /// Instructions the Spirit may run in all, charged per basic block; nil for no budget.
    /// Read what is left with ``Spirit/fuelRemaining`` and add more with ``Spirit/refuel(_:)``.
    public var fuel: Int64?
    /// How long one call may run; nil for no deadline.
    public var timeout: Duration?
    /// Deepest wasm call nesting ("call stack exhausted" beyond it); nil for the engine default.
    public var maxCallDepth: Int?
    /// Most pages any memory of the Spirit may have; nil for the wasm32 maximum.
    public var maxMemoryPages: UInt64?
    /// Pages shared with other Spirits (a Séance's total); nil for none.
    public var memoryBudget: MemoryBudget?
    /// Most bytes the Spirit's GC structs and arrays may take after a collection
    /// (`TrapReason.heapLimitExceeded` beyond it); nil for the engine default (1 GiB).
    public var maxHeapBytes: Int?
    /// Whether cancelling the task awaiting a call stops the guest promptly. It costs a
    /// checkpoint per loop iteration and call (see `vudo-bench --fuel`); turn it off for code that
    /// is trusted to finish and needs every cycle. Fuel and timeouts turn it back on.
    public var interruptible = true

    public init(
        fuel: Int64? = nil, timeout: Duration? = nil, maxCallDepth: Int? = nil, maxMemoryPages: UInt64? = nil,
        memoryBudget: MemoryBudget? = nil, maxHeapBytes: Int? = nil, interruptible: Bool = true
    ) {
        self.interruptible = interruptible
        self.fuel = fuel
        self.timeout = timeout
        self.maxCallDepth = maxCallDepth
        self.maxMemoryPages = maxMemoryPages
        self.memoryBudget = memoryBudget
        self.maxHeapBytes = maxHeapBytes
    }

    /// The engine settings these limits amount to. Metering is on unless the Spirit is not
    /// ``interruptible``, so that cancelling the task awaiting a call stops the guest even inside
    /// a loop without calls.
    public func applied(to base: EngineConfiguration) -> EngineConfiguration {
        var engine = base
        if interruptible { engine.meteringEnabled = true }
        if let fuel { engine.fuel = fuel }
        if let timeout { engine.timeout = timeout }
        if let maxCallDepth { engine.maxCallDepth = maxCallDepth }
        if let maxMemoryPages { engine.maxMemoryPages = min(engine.maxMemoryPages, maxMemoryPages) }
        if let memoryBudget { engine.memoryBudget = memoryBudget }
        if let maxHeapBytes { engine.maxHeapBytes = maxHeapBytes }
        return engine
    }
}
