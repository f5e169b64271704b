/// A loaded, instantiated Spirit (a WebAssembly module), ready to be called.
///
/// Create one with ``loadSpirit(_:options:)`` or ``loadSpirit(path:options:)``. A Spirit is an
/// actor: calls from several tasks are safe and run one at a time, each to completion.
///
/// ```swift
/// let spirit = try await loadSpirit(path: "calculator.wasm")
/// let sum: Int64 = try await spirit.call("add", Int64(2), Int64(3))
/// ```

import WasmCore

public actor Spirit {
    // The engine objects are not Sendable. The gate keeps them on one thread at a time: every use
    // goes through it, from the actor or synchronously from another Spirit's import (a Séance).
    nonisolated(unsafe) let store: Store
    nonisolated(unsafe) private let instance: Instance
    nonisolated(unsafe) let memoryManager: MemoryManager
    /// Managers of exported memories other than the default one, made on first use.
    private var namedMemoryManagers: [String: MemoryManager] = [:]
    /// Serializes calls and memory access, and detects a call re-entering this Spirit.
    nonisolated let gate = SpiritGate()
    /// Whether an import is an async Loa function (calls then go through `Store.invokeAsync`).
    package nonisolated let linksAsyncFunctions: Bool
    /// Set, under the gate, while a call may be suspended in an async host function.
    nonisolated(unsafe) private var suspendedInHost = false
    /// Calls through `Store.invokeAsync` take turns (see ``call(_:_:)``).
    private nonisolated let turns = CallTurns()
    /// The ticket (``SpiritCallChain``) of the call that holds the turn, while it runs.
    private var turnHolder: UInt64?
    private let options: SpiritOptions

    /// The module this Spirit was instantiated from.
    public nonisolated let module: Module
    /// Everything the Spirit exports, in export order.
    public nonisolated let exports: [SpiritExport]

    /// Loads synchronously what ``loadSpirit(module:options:)`` loads (the command-line tool uses
    /// it to run without starting the concurrency runtime's threads).
    package init(module: Module, options: SpiritOptions) throws(SpiritError) {
        var engine = options.limits.applied(to: options.engine)
        if let maximum = options.memory.maximum { engine.maxMemoryPages = min(engine.maxMemoryPages, maximum) }
        let store = Store(configuration: engine)
        let memory = MemoryManager(store: store)
        let host = SpiritHost(options: options, memory: memory)
        let imports = try ImportLinker.link(module, host: host, store: store)
        let instance: Instance
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch let error as ValidationError {
            throw .validation(error)
        } catch let error as DecodingError {
            throw .decoding(error)
        } catch let error as InstantiationError {
            // The capped engine limit is how an own memory's maximum meets the options.
            if error.kind == .limit, options.memory.maximum != nil { throw .memoryLimits(error.message) }
            // A start function that a host function ended: WasmCore reports it as text only.
            if error.kind == .trap, let failure = host.lastFailure {
                throw SpiritError.fromTrap(Trap(.host(error.message), underlyingError: failure), function: "start")
            }
            throw .instantiation(error)
        } catch {
            throw .instantiation(InstantiationError(.link, "\(error)"))
        }
        memory.attach(instance)
        linksAsyncFunctions = host.linksAsyncFunctions
        self.store = store
        self.instance = instance
        self.memoryManager = memory
        self.options = options
        self.module = module
        exports = instance.exportList.map { name, value in
            if case .function(let address) = value {
                return SpiritExport(name: name, kind: .function, functionType: store.functionType(address))
            }
            return SpiritExport(name: name, kind: value.kind, functionType: nil)
        }
    }

    // MARK: Introspection

    /// Whether the Spirit exports a function with this name.
    public nonisolated func hasFunction(_ name: String) -> Bool { signature(of: name) != nil }

    /// Every exported function with its signature, in export order.
    public nonisolated func listFunctions() -> [FunctionSignature] {
        exports.compactMap { export in export.functionType.map { FunctionSignature(name: export.name, type: $0) } }
    }

    /// The signature of an exported function, or nil.
    public nonisolated func signature(of name: String) -> FunctionSignature? {
        listFunctions().first { $0.name == name }
    }

    // MARK: Calls

    /// Calls an exported function with WebAssembly values and returns its results.
    ///
    /// Throws ``SpiritError/unknownFunction(_:)``, ``SpiritError/argumentMismatch(function:expected:got:)``
    /// or, when the guest traps, ``SpiritError/trap(function:_:)``; the Spirit stays usable.
    ///
    /// When the Spirit imports an async host function, its guest may be suspended in the middle of
    /// a call, so calls take turns: a call waits while another is in progress. Cancelling the task
    /// of a waiting call ends the wait at once with ``SpiritError/trap(function:_:)`` carrying
    /// `TrapReason.cancelled`, the same error as cancelling a running guest (Swift's
    /// `CancellationError` is not a ``SpiritError``, the one error type of every call). An async
    /// host function that calls back into the Spirit suspended in it does not wait: its call runs
    /// at once, nested inside the suspended one (synchronously, as a call from a synchronous host
    /// function would; async host functions it reaches are called synchronously).
    public func call(_ name: String, _ arguments: [Value]) async throws(SpiritError) -> [Value] {
        guard linksAsyncFunctions else { return try callSynchronously(name, arguments) }
        if let holder = turnHolder, SpiritCallChain.tickets.contains(holder) {
            // The caller is a host function that the call holding the turn awaits.
            return try gate.enter { () throws(SpiritError) -> [Value] in
                try unguardedCall(name, arguments, nested: true)
            }
        }
        guard await turns.take() else { throw .trap(function: name, Trap(.cancelled)) }
        defer { turns.give() }
        return try await callSuspending(name, arguments)
    }

    private func callSuspending(_ name: String, _ arguments: [Value]) async throws(SpiritError) -> [Value] {
        guard let function = instance.exportedFunction(name) else { throw .unknownFunction(name) }
        // The store is read under the gate: a Séance peer may be running this Spirit's code.
        let (type, accepted) = gate.enter {
            let type = store.functionType(function)
            let accepted =
                arguments.count == type.parameters.count
                && zip(arguments, type.parameters).allSatisfy({ store.accepts($0, as: $1) })
            return (type, accepted)
        }
        guard accepted else {
            throw .argumentMismatch(function: name, expected: type.parameters, got: arguments.map(\.type))
        }
        gate.enter { suspendedInHost = true }
        defer { gate.enter { suspendedInHost = false } }
        let ticket = SpiritCallChain.newTicket()
        turnHolder = ticket
        defer { turnHolder = nil }
        if options.debug { log("call \(name)(\(arguments.map(\.description).joined(separator: ", ")))") }
        let outcome = await SpiritCallChain.$tickets.withValue(SpiritCallChain.tickets + [ticket]) {
            () async -> Result<[Value], Trap> in
            do throws(Trap) {
                return .success(try await store.invokeAsync(function, arguments, isolation: self))
            } catch {
                return .failure(error)
            }
        }
        switch outcome {
        case .success(let results):
            if options.debug { log("\(name) -> [\(results.map(\.description).joined(separator: ", "))]") }
            return results
        case .failure(let error):
            if options.debug { log("\(name) trapped: \(error.reason)") }
            throw .fromTrap(error, function: name)
        }
    }

    /// ``call(_:_:)`` without the actor hop, through the gate: how another Spirit's import reaches
    /// this one. The caller must first check ``SpiritGate/isEnteredByCurrentCall``, or a cycle
    /// blocks forever.
    package nonisolated func callSynchronously(_ name: String, _ arguments: [Value]) throws(SpiritError) -> [Value] {
        try gate.enter { () throws(SpiritError) -> [Value] in try unguardedCall(name, arguments) }
    }

    /// `nested`: the call comes from a host function that this Spirit's suspended call awaits, and
    /// runs inside it.
    private nonisolated func unguardedCall(
        _ name: String, _ arguments: [Value], nested: Bool = false
    ) throws(SpiritError) -> [Value] {
        guard let function = instance.exportedFunction(name) else { throw .unknownFunction(name) }
        // Another Spirit's synchronous import cannot wait for a guest suspended in an async host
        // function, and must not run in the middle of it.
        guard nested || !suspendedInHost else {
            throw .trap(function: name, Trap(.host("the Spirit is suspended in an async host function")))
        }
        let type = store.functionType(function)
        guard arguments.count == type.parameters.count,
            zip(arguments, type.parameters).allSatisfy({ store.accepts($0, as: $1) })
        else {
            throw .argumentMismatch(function: name, expected: type.parameters, got: arguments.map(\.type))
        }
        if options.debug { log("call \(name)(\(arguments.map(\.description).joined(separator: ", ")))") }
        do {
            let results = try store.invoke(function, arguments)
            if options.debug { log("\(name) -> [\(results.map(\.description).joined(separator: ", "))]") }
            return results
        } catch {
            if options.debug { log("\(name) trapped: \(error.reason)") }
            throw .fromTrap(error, function: name)
        }
    }

    // MARK: Fuel

    /// Fuel left (see ``ResourceLimits/fuel``); nil when the Spirit has no fuel budget.
    public var fuelRemaining: Int64? { gate.enter { store.fuel } }

    /// Adds fuel, e.g. after a call ended with `TrapReason.outOfFuel`.
    public func refuel(_ amount: Int64) {
        gate.enter { store.fuel = (store.fuel ?? 0) &+ amount }
    }

    /// Continues the last call that ran out of fuel from where it stopped (refuel first); the
    /// results are those of an uninterrupted run. Any other call in between abandons it.
    public func resume() throws(SpiritError) -> [Value] {
        try gate.enter { () throws(SpiritError) -> [Value] in
            do throws(Trap) {
                return try store.resume()
            } catch {
                throw .fromTrap(error, function: "resume")
            }
        }
    }

    private nonisolated func log(_ message: String) {
        options.logger.log(options.name.map { "[\($0)] \(message)" } ?? message)
    }

    // MARK: Memory

    /// The Spirit's memory, reached through the actor: `try await spirit.memory.alloc(16)`.
    public nonisolated var memory: SpiritMemory { SpiritMemory(spirit: self) }

    /// Runs `body` with the memory manager on the Spirit's actor: several memory operations in one
    /// hop, with no call able to run in between.
    public func withMemory<R: Sendable, E: Error>(
        _ body: @Sendable (MemoryManager) throws(E) -> R
    ) throws(E) -> R {
        try gate.enter { () throws(E) -> R in try body(memoryManager) }
    }

    /// The memory the Spirit exports as `name`, for a Spirit with several memories; nil when it
    /// exports no memory of that name. ``memory`` is the one host calls and the guest's allocator
    /// use; a named memory's allocations come from the host's ``BumpAllocator`` in that memory.
    public nonisolated func memory(named name: String) -> SpiritMemory? {
        guard exports.contains(where: { $0.name == name && $0.kind == .memory }) else { return nil }
        return SpiritMemory(spirit: self, exportName: name)
    }

    /// ``withMemory(_:)`` on the exported memory `name` (see ``memory(named:)``); the default
    /// memory when there is no such export.
    public func withMemory<R: Sendable, E: Error>(
        named name: String, _ body: @Sendable (MemoryManager) throws(E) -> R
    ) throws(E) -> R {
        let manager = namedMemoryManager(name)
        return try gate.enter { () throws(E) -> R in try body(manager) }
    }

    private func namedMemoryManager(_ name: String) -> MemoryManager {
        if let manager = namedMemoryManagers[name] { return manager }
        guard case .memory(let address) = instance.export(name) else { return memoryManager }
        let manager = MemoryManager(store: store, memory: address)
        namedMemoryManagers[name] = manager
        return manager
    }
}
