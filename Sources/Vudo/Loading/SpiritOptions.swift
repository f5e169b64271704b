/// How a Spirit is loaded: memory limits, debugging, where its output goes and which host functions
/// it may import.
///
/// Every property has a working default, so `SpiritOptions()` loads any Spirit that needs only the
/// core host functions.
public struct SpiritOptions: Sendable {
    /// Page limits for the Spirit's memory. See ``MemoryLimits``.
    public var memory: MemoryLimits = MemoryLimits()
    /// When on, every call and its results (or trap) are logged through ``logger``.
    public var debug: Bool = false
    /// Receives debug messages; standard error by default.
    public var logger: SpiritLogger = .standardError
    /// Receives what the Spirit prints through `vudo_print`; standard output by default.
    public var output: OutputSink = .standardOutput
    /// Extra host functions the Spirit may import, beside the core ones (`vudo_print`).
    ///
    /// This flat list is the stand-in for the Loa registry and capability grants: those will
    /// resolve imports by Loa name and version, and link only what is granted.
    public var hostFunctions: [HostFunctionDefinition] = []
    /// Interpreter settings (call depth, value stack). The memory ceiling is further capped by
    /// ``MemoryLimits/maximum``.
    public var engine: EngineConfiguration = EngineConfiguration()
    /// A name for log lines; the file name when loaded from a path.
    public var name: String?

    public init(
        memory: MemoryLimits = MemoryLimits(), debug: Bool = false, logger: SpiritLogger = .standardError,
        output: OutputSink = .standardOutput, hostFunctions: [HostFunctionDefinition] = [], name: String? = nil
    ) {
        self.memory = memory
        self.debug = debug
        self.logger = logger
        self.output = output
        self.hostFunctions = hostFunctions
        self.name = name
    }
}

/// Memory limits in 64 KiB pages.
///
/// A Spirit that *imports* its memory gets one created with `initial` and `maximum` pages (each
/// defaulting to what the import declares). A Spirit that *defines* its memory keeps its own
/// initial size; `maximum` then only caps how far it may grow.
public struct MemoryLimits: Sendable, Hashable {
    public var initial: UInt64?
    public var maximum: UInt64?

    public init(initial: UInt64? = nil, maximum: UInt64? = nil) {
        self.initial = initial
        self.maximum = maximum
    }
}
