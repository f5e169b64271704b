/// A session where several Spirits live together: summoned by name, invoked concurrently, talking
/// through messages and shared state, and calling each other's exports through imports.
///
/// ```swift
/// try await withSeance { seance in
///     try await seance.summon("calc", .path("calc.wasm"))
///     try await seance.summon("log", .path("log.wasm"))
///     let product: Int32 = try await seance.invoke("calc", "multiply", Int32(6), Int32(7))
///     try await seance.invoke("log", "log", product)
/// }
/// ```
///
/// Every Spirit keeps its own store and actor, so calls into different Spirits run in parallel
/// and calls into one Spirit run one at a time. A cross-Spirit import calls the exporting Spirit
/// synchronously through its lock; imports reach only Spirits summoned earlier, and a call that
/// would re-enter a Spirit already in its chain fails with ``SeanceError/reentrantCall(chain:)``,
/// so a session never deadlocks.

import WasmCore

public actor Seance {
    /// The sender name of messages sent from Swift, and the recipient the host reads with
    /// ``receive(for:channel:)``; no Spirit may take it. The host receives what is sent to it by
    /// name, never broadcasts.
    public static let hostName = "host"

    /// The options a Spirit gets when ``summon(_:_:options:)`` is given none.
    public nonisolated let defaults: SpiritOptions
    /// The session's key-value store, shared with Spirits through the `state` Loa.
    public nonisolated let state = SharedState()
    /// The pages all Spirits' memories may use together, when the Séance was given a limit.
    public nonisolated let memoryBudget: MemoryBudget?
    /// The session's message bus: every summoned Spirit has an inbox under its name, and the host
    /// one under ``hostName``. Spirits reach it through the `messaging` Loa and the `vudo`
    /// module's messaging functions; the host uses it directly (``MessageBus/peek(for:channel:)``,
    /// ``MessageBus/onMessage(for:_:)``, ...) or through ``send(to:channel:_:from:)`` and the other
    /// methods here, which also check that the Séance was not dismissed.
    public nonisolated let messages: MessageBus
    /// Where the Spirits' JSON effects go (the DOL ABI's `vudo_emit_effect` and `vudo_subscribe`),
    /// shared by every Spirit of the session.
    public nonisolated let effects: EffectHub

    /// Summoned Spirits by name, and their names in summon order.
    private var slots: [String: SpiritSlot] = [:]
    private var order: [String] = []
    /// Ghosts by name, with the session names of their Spirits and what they expose.
    var ghosts: [String: SummonedGhost] = [:]
    private var isDismissed = false

    /// A Séance whose Spirits load with `defaults` unless ``summon(_:_:options:)`` says otherwise.
    /// `maximumMemoryPages` caps the pages of all its Spirits' memories together: a Spirit whose
    /// memory does not fit fails to summon, and `memory.grow` past it returns -1.
    ///
    /// Message timestamps come from the defaults' ``SpiritOptions/time``, and the defaults'
    /// ``SpiritOptions/effectHub`` becomes the session's ``effects``.
    public init(defaults: SpiritOptions = .seanceDefaults, maximumMemoryPages: UInt64? = nil) {
        self.defaults = defaults
        memoryBudget = maximumMemoryPages.map { MemoryBudget(maxPages: $0) }
        messages = MessageBus(time: defaults.time)
        effects = defaults.effectHub
        try? messages.register(Self.hostName, receivesBroadcasts: false)
    }

    // MARK: Summoning

    /// Loads a Spirit into the Séance under `name`. Its imports may name the Séance's Loas
    /// (`messaging`, `state`, when granted) and, by session name, earlier Spirits' exports, which
    /// are checked here: a missing export or another signature fails the summon.
    ///
    /// Throws ``SeanceError/duplicateName(_:)``, ``SeanceError/crossSpiritImport(spirit:module:name:reason:)``,
    /// ``SeanceError/summon(spirit:_:)`` or ``SeanceError/dismissed``.
    @discardableResult
    public func summon(
        _ name: String, _ source: SpiritSource, options: SpiritOptions? = nil
    ) throws(SeanceError) -> Spirit {
        try checkOpen()
        try checkNameFree(name)
        let module: Module
        do { module = try source.module() } catch { throw .summon(spirit: name, error) }
        return try summon(name, module: module, options: options ?? defaults, wires: [:])
    }

    /// Summons a decoded module; `wires` link chosen imports to chosen Spirits' exports (a Ghost's
    /// wiring), and every other import whose module is a session name links to that Spirit.
    func summon(
        _ name: String, module: Module, options: SpiritOptions, wires: [ImportKey: ExportTarget]
    ) throws(SeanceError) -> Spirit {
        var options = SeanceLinking.prepare(options, name: name, seance: self)
        for entry in module.functionImports {
            let key = ImportKey(module: entry.module, name: entry.name)
            guard
                let target = wires[key]
                    ?? slots[entry.module].map({ ExportTarget(spirit: $0.name, export: entry.name) })
            else {
                continue
            }
            guard let slot = slots[target.spirit], let callee = slot.spirit else { throw .unknownSpirit(target.spirit) }
            guard let signature = callee.signature(of: target.export) else {
                throw .crossSpiritImport(
                    spirit: name, module: entry.module, name: entry.name,
                    reason: "'\(target.spirit)' exports no function '\(target.export)'")
            }
            guard signature.type == entry.type else {
                throw .crossSpiritImport(
                    spirit: name, module: entry.module, name: entry.name,
                    reason: "it expects \(entry.type), '\(target.spirit)'.\(target.export) is \(signature.type)")
            }
            options.hostFunctions.append(
                CrossSpiritImport.proxy(
                    module: entry.module, name: entry.name, type: entry.type, to: slot, export: target.export))
        }
        // The inbox comes first: a start function may already send or receive.
        do { try messages.register(name) } catch { throw .duplicateName(name) }
        let spirit: Spirit
        do {
            spirit = try Spirit(module: module, options: options)
        } catch {
            messages.unregister(name)
            throw .summon(spirit: name, error)
        }
        slots[name] = SpiritSlot(name: name, spirit: spirit)
        order.append(name)
        return spirit
    }

    // MARK: Looking up

    /// The Spirit summoned as `name`. Holding it past its release keeps its memory alive; prefer
    /// going through the Séance.
    public func spirit(named name: String) throws(SeanceError) -> Spirit {
        try checkOpen()
        guard let spirit = slots[name]?.spirit else { throw .unknownSpirit(name) }
        return spirit
    }

    /// Whether a Spirit of this name is summoned (false once dismissed).
    public func hasSpirit(_ name: String) -> Bool { slots[name] != nil }

    /// The summoned Spirits' names, in summon order (empty once dismissed).
    public var spirits: [String] { order }

    /// How many Spirits are summoned (0 once dismissed).
    public var count: Int { order.count }

    /// Whether ``dismiss()`` was called.
    public var dismissed: Bool { isDismissed }

    // MARK: Releasing

    /// Releases the Spirit (or Ghost, with all its Spirits) named `name`: its memory, its store
    /// and its waiting messages. Spirits that imported from it fail with ``SeanceError/released(_:)``
    /// when they call those imports.
    public func release(_ name: String) throws(SeanceError) {
        try checkOpen()
        if let ghost = ghosts.removeValue(forKey: name) {
            for member in ghost.spirits.reversed() { remove(member) }
            return
        }
        guard slots[name] != nil else { throw .unknownSpirit(name) }
        remove(name)
    }

    /// Releases every Spirit, message and state value. Any later operation throws
    /// ``SeanceError/dismissed``; dismissing again does nothing.
    public func dismiss() {
        guard !isDismissed else { return }
        for name in order.reversed() { remove(name) }
        ghosts = [:]
        messages.unregisterAll()
        state.removeAll()
        isDismissed = true
    }

    private func remove(_ name: String) {
        slots.removeValue(forKey: name)?.clear()
        order.removeAll { $0 == name }
        messages.unregister(name)
    }

    // MARK: Checks

    func checkOpen() throws(SeanceError) {
        if isDismissed { throw .dismissed }
    }

    func checkNameFree(_ name: String) throws(SeanceError) {
        if slots[name] != nil || ghosts[name] != nil { throw .duplicateName(name) }
        let reserved = [Self.hostName, Loa.messagingName, StateLoa.name, Loa.coreName] + Loa.abiModules
        if reserved.contains(name) { throw .reservedName(name) }
        if name.utf8.count > MessageBus.maximumNameLength { throw .nameTooLong(name) }
    }

    /// The live Spirit summoned as `name`.
    func lookup(_ name: String) throws(SeanceError) -> Spirit {
        try spirit(named: name)
    }

    /// The export a Spirit's import is wired to: a session name and a function.
    struct ExportTarget: Sendable, Hashable {
        var spirit: String
        var export: String
    }

    struct ImportKey: Sendable, Hashable {
        var module: String
        var name: String
    }
}
