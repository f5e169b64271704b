extension Imports {
    /// Stand-ins for every import of `module`, created in `store`: host functions that return
    /// zeros, and fresh tables, memories and globals of the imported types. For tools that must
    /// instantiate any module without its host (`vudo disasm --internal`, fuzzing).
    @_spi(Tools) public static func placeholders(for module: Module, in store: Store) throws -> Imports {
        var imports = Imports()
        for entry in module.imports {
            let value: ExternalValue
            switch entry.descriptor {
            case .function(let typeIndex):
                guard let type = module.functionType(at: typeIndex) else { throw ValidationError("unknown type") }
                let results = type.results.map(Value.zero)
                value = .function(store.addHostFunction(HostFunction(type: type) { _, _ in results }))
            case .table(let type):
                value = .table(try store.addTable(type))
            case .memory(let type):
                value = .memory(try store.addMemory(type))
            case .global(let type):
                value = .global(try store.addGlobal(type, value: .zero(type.valueType)))
            case .tag(let type):
                guard let type = module.functionType(at: type.typeIndex) else { throw ValidationError("unknown type") }
                value = .tag(store.addTag(type))
            }
            imports.define(module: entry.module, name: entry.name, value)
        }
        return imports
    }
}
