/// Resolves a module's imports before instantiation: functions from the granted Loas (see
/// ``LoaResolver``), memory from the options' limits. Only what resolves is linked, so nothing
/// ungranted is ever callable; the first import that does not resolve fails the load with a
/// ``SpiritError/unresolvedImport(module:name:reason:)`` naming it.

import WasmCore

enum ImportLinker {
    static func link(_ module: Module, host: SpiritHost, store: Store) throws(SpiritError) -> Imports {
        let options = host.options
        let resolver = LoaResolver(registry: options.loas, grants: options.grants)
        var imports = Imports()
        for entry in module.imports {
            func unresolved(_ reason: ImportFailure) -> SpiritError {
                .unresolvedImport(module: entry.module, name: entry.name, reason: reason)
            }
            switch entry.descriptor {
            case .function(let typeIndex):
                guard let type = module.functionType(at: typeIndex) else { throw unresolved(.unsupportedKind("type")) }
                let resolved: LoaFunction
                do {
                    resolved = try resolve(entry, type: type, resolver: resolver, host: host)
                } catch {
                    throw unresolved(error)
                }
                let function = hostFunction(resolved, module: entry.module, host: host)
                imports.define(module: entry.module, name: entry.name, .function(store.addHostFunction(function)))
            case .memory(let type):
                let address = try importedMemory(
                    type, limits: options.memory, store: store, name: "\(entry.module).\(entry.name)")
                host.memory.use(address)
                imports.define(module: entry.module, name: entry.name, .memory(address))
            case .table:
                throw unresolved(.unsupportedKind("table"))
            case .global:
                throw unresolved(.unsupportedKind("global"))
            case .tag:
                throw unresolved(.unsupportedKind("tag"))
            }
        }
        return imports
    }

    /// The embedder's own host function for this import, else the granted Loa function.
    private static func resolve(
        _ entry: Import, type: FunctionType, resolver: LoaResolver, host: SpiritHost
    ) throws(ImportFailure) -> LoaFunction {
        if let own = host.options.hostFunctions.first(where: { $0.module == entry.module && $0.name == entry.name }) {
            guard own.type == type else { throw .signatureMismatch(expected: type, provided: own.type) }
            if host.options.debug { host.log("link \(entry.module).\(entry.name) -> the options' host function") }
            return LoaFunction(name: own.name, type: own.type, capability: "host", body: own.body)
        }
        let (loa, function) = try resolver.resolve(module: entry.module, name: entry.name, type: type)
        if host.options.debug { host.log("link \(entry.module).\(entry.name) -> \(loa) [\(function.capability)]") }
        return function
    }

    private static func hostFunction(_ function: LoaFunction, module: String, host: SpiritHost) -> HostFunction {
        let body: HostFunction.Body = { caller, arguments in
            // During the start function the instance is not attached yet; the caller knows the memory.
            if let address = caller.memory { host.memory.use(address) }
            if host.options.debug { host.log("host \(module).\(function.name)\(arguments)") }
            do {
                return try function.call(host.context(), arguments)
            } catch {
                // Recorded so a failure in the start function, which WasmCore reports only as text,
                // can still surface typed.
                throw host.failure(error, module: module, name: function.name)
            }
        }
        guard let asyncBody = function.asyncBody else { return HostFunction(type: function.type, body: body) }
        host.linksAsyncFunctions = true
        let suspending: HostFunction.AsyncBody = { caller, arguments in
            if let address = caller.memory { host.memory.use(address) }
            if host.options.debug { host.log("host \(module).\(function.name)\(arguments) (async)") }
            do {
                return try await asyncBody(host.context(deadline: caller.store.deadline), arguments)
            } catch {
                // A wait the call's deadline or cancellation cut short surfaces as that trap.
                if error is Trap {
                    host.lastFailure = error
                    throw error
                }
                throw host.failure(error, module: module, name: function.name)
            }
        }
        if function.hasSynchronousBody {
            return HostFunction(type: function.type, body: body, asyncBody: suspending)
        }
        return HostFunction(type: function.type, asyncBody: suspending)
    }

    /// Creates the memory a module imports, from the options' limits or else the import's own.
    private static func importedMemory(
        _ type: MemoryType, limits: MemoryLimits, store: Store, name: String
    ) throws(SpiritError) -> MemoryAddress {
        let initial = limits.initial ?? type.limits.min
        let maximum = limits.maximum ?? type.limits.max
        guard initial >= type.limits.min else {
            throw .memoryLimits(
                "\(name) needs at least \(counted(type.limits.min, "page")), the options give \(initial)")
        }
        if let required = type.limits.max {
            guard let maximum, maximum <= required else {
                throw .memoryLimits(
                    "\(name) allows at most \(counted(required, "page")), the options give \(maximum.map(String.init) ?? "no maximum")"
                )
            }
        }
        if let maximum, initial > maximum {
            throw .memoryLimits(
                "initial \(counted(initial, "page")) exceed\(initial == 1 ? "s" : "") the maximum of \(maximum)")
        }
        do {
            return try store.addMemory(MemoryType(limits: Limits(min: initial, max: maximum)))
        } catch {
            throw .memoryLimits(error.message)
        }
    }
}

/// A Loa function threw: the import it was linked to, and the error.
package struct HostFunctionFailure: Error, CustomStringConvertible {
    package let module: String
    package let name: String
    package let error: any Error

    package init(module: String, name: String, error: any Error) {
        self.module = module
        self.name = name
        self.error = error
    }

    package var description: String { "\(module).\(name) failed: \(error)" }
}

/// What a Spirit's host functions share: its memory manager, its random generator and its options.
/// Used only on the Spirit's actor (or while it is being created).
final class SpiritHost {
    let options: SpiritOptions
    let memory: MemoryManager
    let random: SpiritRandomGenerator
    /// The error the last failing host function threw.
    var lastFailure: (any Error)?
    /// Whether any import is an async Loa function: then calls go through `Store.invokeAsync`.
    var linksAsyncFunctions = false

    init(options: SpiritOptions, memory: MemoryManager) {
        self.options = options
        self.memory = memory
        random = options.random.generator()
    }

    func context(deadline: ContinuousClock.Instant? = nil) -> HostContext {
        HostContext(
            spiritName: options.name, memory: memory, logger: options.logger, debug: options.debug,
            output: options.output, time: options.time, random: random, effects: options.effects,
            effectHub: options.effectHub, breakpoint: options.onBreakpoint, messaging: options.messaging,
            deadline: deadline
        )
    }

    func log(_ message: String) {
        options.logger.log(options.name.map { "[\($0)] \(message)" } ?? message)
    }

    /// What a failing Loa function's error becomes, recorded as ``lastFailure``.
    func failure(_ error: any Error, module: String, name: String) -> any Error {
        let failure: any Error =
            error is SpiritAbort ? error : HostFunctionFailure(module: module, name: name, error: error)
        lastFailure = failure
        return failure
    }
}
