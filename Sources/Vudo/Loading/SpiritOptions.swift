/// How a Spirit is loaded: memory limits, debugging, the Loas it may use, and where its output,
/// time and randomness come from.
///
/// Every property has a working default, so `SpiritOptions()` loads any Spirit that needs only the
/// core Loa.

import WasmCore

public struct SpiritOptions: Sendable {
    /// Page limits for the Spirit's memory. See ``MemoryLimits``.
    public var memory: MemoryLimits = MemoryLimits()
    /// When on, every call and its results (or trap), every link and host call are logged through
    /// ``logger``, and `vudo_debug` prints.
    public var debug: Bool = false
    /// Receives debug messages and the Spirit's `vudo_log`/`vudo_error` lines; standard error by default.
    public var logger: SpiritLogger = .standardError
    /// Receives what the Spirit prints through `vudo_print`; standard output by default.
    public var output: OutputSink = .standardOutput
    /// The Loas imports are resolved against (the core Loa alone by default).
    public var loas: LoaRegistry = LoaRegistry()
    /// What the Spirit may use of which Loa. Only granted functions are linked; by default the core
    /// Loa and the messaging Loa with all their capabilities (``LoaGrant/core``,
    /// ``LoaGrant/messaging``). The last grant for a Loa wins.
    public var grants: [LoaGrant] = [.core, .messaging]
    /// Host functions handed to this Spirit alone, by exact module and name. They are linked
    /// before any Loa is consulted (so a test can stub a core function), without a capability
    /// check: listing one here is granting it.
    public var hostFunctions: [HostFunctionDefinition] = []
    /// Where `vudo_now` and `vudo_monotonic_now` read the time; the system clock by default.
    public var time: TimeSource = .system
    /// Where `vudo_random` draws from; the system's secure generator by default.
    public var random: RandomSource = .system
    /// Receives the core Loa's `vudo_emit_effect(id, payload)`; by default effects are accepted and
    /// dropped.
    public var effects: EffectHandler = .ignore
    /// Receives the DOL ABI's JSON effects (`vudo_emit_effect(ptr, len)`) and subscriptions
    /// (`vudo_subscribe`). Each options value starts with its own hub; Spirits loaded with the same
    /// options share it, and a ``Seance`` gives its Spirits ``Seance/effects``.
    public var effectHub = EffectHub()
    /// Called when the Spirit calls the DOL ABI's `vudo_breakpoint()`, inside that call, with the
    /// Spirit's memory and the rest of its ``HostContext``. When nil, a breakpoint is only logged,
    /// in debug runs.
    public var onBreakpoint: BreakpointHook?
    /// The Spirit's place on a message bus, set by the Séance that summons it.
    var messaging: MessageEndpoint?
    /// Interpreter settings (call depth, value stack). The memory ceiling is further capped by
    /// ``MemoryLimits/maximum``.
    public var engine: EngineConfiguration = EngineConfiguration()
    /// A name for log lines; the file name when loaded from a path.
    public var name: String?
    /// Fuel, time, call depth and memory caps (see ``ResourceLimits``).
    public var limits: ResourceLimits = ResourceLimits()

    public init(
        memory: MemoryLimits = MemoryLimits(), debug: Bool = false, logger: SpiritLogger = .standardError,
        output: OutputSink = .standardOutput, loas: LoaRegistry = LoaRegistry(),
        grants: [LoaGrant] = [.core, .messaging],
        hostFunctions: [HostFunctionDefinition] = [], time: TimeSource = .system, random: RandomSource = .system,
        effects: EffectHandler = .ignore,
        name: String? = nil
    ) {
        self.memory = memory
        self.debug = debug
        self.logger = logger
        self.output = output
        self.loas = loas
        self.grants = grants
        self.hostFunctions = hostFunctions
        self.time = time
        self.random = random
        self.effects = effects
        self.name = name
    }

    /// Grants `grant`, replacing any earlier grant for the same Loa.
    public mutating func grant(_ grant: LoaGrant) {
        grants.removeAll { $0.loa == grant.loa }
        grants.append(grant)
    }

    /// Takes `capabilities` of `loa` (the core Loa by default) out of its grant: a Spirit importing
    /// a function under one of them no longer loads.
    public mutating func withhold(_ capabilities: Capability..., from loa: String = Loa.coreName) {
        guard let index = grants.lastIndex(where: { $0.loa == loa }) else { return }
        let declared = loas.get(loa)?.capabilities ?? []
        grants[index].capabilities = grants[index].capabilities.removing(Set(capabilities), declared: declared)
    }

    /// Makes the core Loa reproducible: a fixed clock and a generator seeded with `seed`.
    public mutating func makeDeterministic(seed: UInt64, epochMilliseconds: Int64 = 0) {
        time = .fixed(epochMilliseconds: epochMilliseconds)
        random = .seeded(seed)
    }
}

/// What `vudo_breakpoint()` calls: inside the Spirit's call, with its ``HostContext``.
public typealias BreakpointHook = @Sendable (HostContext) -> Void

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
