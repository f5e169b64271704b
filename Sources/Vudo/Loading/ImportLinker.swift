/// Resolves a module's imports to host objects before instantiation, so every unresolvable import
/// fails with a ``SpiritError/unresolvedImport(module:name:reason:)`` naming it.
///
/// The one place imports are resolved: the Loa registry will replace the function lookup here.
enum ImportLinker {
    static func link(
        _ module: Module, options: SpiritOptions, store: Store, memory: MemoryManager
    ) throws(SpiritError) -> Imports {
        var imports = Imports()
        for entry in module.imports {
            func unresolved(_ reason: String) -> SpiritError {
                .unresolvedImport(module: entry.module, name: entry.name, reason: reason)
            }
            switch entry.descriptor {
            case .function(let typeIndex):
                let expected = module.types[Int(typeIndex)]
                // The embedder's own definitions win over the core ones, so a test can stub vudo_print.
                let definition = options.hostFunctions.first { $0.module == entry.module && $0.name == entry.name }
                    ?? CoreHostFunctions.lookup(module: entry.module, name: entry.name)
                guard let definition else { throw unresolved("no host function provides it") }
                guard definition.type == expected else {
                    throw unresolved("the module expects \(expected), the host provides \(definition.type)")
                }
                let address = store.addHostFunction(hostFunction(definition, options: options, memory: memory))
                imports.define(module: entry.module, name: entry.name, .function(address))
            case .memory(let type):
                let address = try importedMemory(type, limits: options.memory, store: store, name: "\(entry.module).\(entry.name)")
                memory.use(address)
                imports.define(module: entry.module, name: entry.name, .memory(address))
            case .table, .global:
                throw unresolved("the host provides only functions and memories")
            }
        }
        return imports
    }

    private static func hostFunction(
        _ definition: HostFunctionDefinition, options: SpiritOptions, memory: MemoryManager
    ) -> HostFunction {
        HostFunction(type: definition.type) { caller, arguments in
            // During the start function the instance is not attached yet; the caller knows the memory.
            if let address = caller.memory { memory.use(address) }
            if options.debug { options.logger.log("host \(definition.module).\(definition.name)\(arguments)") }
            let context = HostContext(memory: memory, logger: options.logger, output: options.output, debug: options.debug)
            return try definition.body(context, arguments)
        }
    }

    /// Creates the memory a module imports, from the options' limits or else the import's own.
    private static func importedMemory(
        _ type: MemoryType, limits: MemoryLimits, store: Store, name: String
    ) throws(SpiritError) -> MemoryAddress {
        let initial = limits.initial ?? type.limits.min
        let maximum = limits.maximum ?? type.limits.max
        guard initial >= type.limits.min else {
            throw .memoryLimits("\(name) needs at least \(type.limits.min) pages, the options give \(initial)")
        }
        if let required = type.limits.max {
            guard let maximum, maximum <= required else {
                throw .memoryLimits("\(name) allows at most \(required) pages, the options give \(maximum.map(String.init) ?? "no maximum")")
            }
        }
        if let maximum, initial > maximum {
            throw .memoryLimits("initial \(initial) pages exceed the maximum of \(maximum)")
        }
        do {
            return try store.addMemory(MemoryType(limits: Limits(min: initial, max: maximum)))
        } catch {
            throw .memoryLimits(error.message)
        }
    }
}
