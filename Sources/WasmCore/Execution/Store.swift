/// Owns every function, table, memory and global that instances create or share, and runs code.
///
/// A store is single-threaded: use it from one task or thread at a time.
public final class Store {
    public let configuration: EngineConfiguration

    public init(configuration: EngineConfiguration = EngineConfiguration()) {
        self.configuration = configuration
    }

    /// Validates (if needed), links and instantiates a module: resolves imports, allocates its
    /// definitions, applies active segments and runs the start function.
    ///
    /// Throws ``ValidationError`` for an invalid module and ``InstantiationError`` when linking
    /// fails (`.link`) or initialization traps (`.trap`).
    public func instantiate(_ module: Module, imports: Imports = Imports()) throws -> Instance {
        throw InstantiationError(.link, "not implemented yet")
    }

    /// Calls a function with arguments that must match its parameter types.
    public func invoke(_ function: FunctionAddress, _ arguments: [Value]) throws(Trap) -> [Value] {
        throw Trap(.unsupported("execution not implemented yet"))
    }

    public func functionType(_ function: FunctionAddress) -> FunctionType {
        FunctionType(parameters: [], results: [])
    }

    public func addHostFunction(_ function: HostFunction) -> FunctionAddress {
        FunctionAddress(0)
    }

    public func addMemory(_ type: MemoryType) -> MemoryAddress { MemoryAddress(0) }
    public func addTable(_ type: TableType) -> TableAddress { TableAddress(0) }
    public func addGlobal(_ type: GlobalType, value: Value) -> GlobalAddress { GlobalAddress(0) }

    public func globalValue(_ global: GlobalAddress) -> Value { .i32(0) }
}

/// An instantiated module.
public final class Instance {
    public let module: Module
    public internal(set) var exports: [String: ExternalValue] = [:]
    var memoryAddresses: [MemoryAddress] = []

    init(module: Module) {
        self.module = module
    }

    public func export(_ name: String) -> ExternalValue? { exports[name] }

    public func exportedFunction(_ name: String) -> FunctionAddress? {
        if case .function(let f) = exports[name] { return f }
        return nil
    }
}
