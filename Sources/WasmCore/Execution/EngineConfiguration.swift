/// Engine-wide settings, with defaults suitable for running real programs.
public struct EngineConfiguration: Sendable {
    /// Deepest wasm call nesting before the "call stack exhausted" trap.
    public var maxCallDepth: Int = 20_000
    /// Value-stack capacity in 64-bit slots (locals and operands of all active frames).
    public var valueStackSlots: Int = 1 << 21
    /// Largest number of pages any one memory may grow to (65536 = 4 GiB, the wasm32 maximum).
    public var maxMemoryPages: UInt64 = 65536
    /// Pages shared with other memories (e.g. every Spirit of a Séance); nil for no shared cap.
    public var memoryBudget: MemoryBudget?
    /// Largest number of elements any one table may grow to (at most 2^31 - 1 whatever is set).
    public var maxTableElements: UInt64 = 10_000_000
    /// Most bytes the store's struct and array objects may take together (what is still reachable
    /// after a collection); allocating past it traps with ``TrapReason/heapLimitExceeded``.
    public var maxHeapBytes: Int = 1 << 30

    /// Translate code with checkpoints (at function entry and every loop header) that charge fuel
    /// and poll ``Store/interruptCheck``. Off by default: checkpoints cost one dispatch per loop
    /// iteration and call, and code without them cannot be stopped from outside.
    public var meteringEnabled = false
    /// How many checkpoints pass between two calls of ``Store/interruptCheck`` (a clock read or a
    /// task-cancellation check is too costly for every loop iteration).
    public var interruptCheckInterval: Int = 1024

    /// Fuel the store starts with (see ``Store/fuel``); setting it turns metering on.
    public var fuel: Int64?
    /// How long one call from the host may run before it traps with
    /// ``TrapReason/deadlineExceeded``; setting it turns metering on.
    public var timeout: Duration?

    /// Makes translating the defined function with this index fail, as an engine defect would: a
    /// check that such failures are reported as failures (the spec runner counts them as failed,
    /// never as skipped).
    @_spi(Testing) public var failingTranslationForTesting: Int?

    /// Collects garbage before every allocation and every throw the guest makes: a check that the
    /// collector finds every root (a missed one frees an object still in use, which debug builds
    /// overwrite, or an exception still referenced).
    @_spi(Testing) public var collectsOnEveryAllocationForTesting = false

    /// Whether translated code carries checkpoints.
    var translatesCheckpoints: Bool { meteringEnabled || fuel != nil || timeout != nil }

    public init() {}
}
