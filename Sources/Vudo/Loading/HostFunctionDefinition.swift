/// A host function a Spirit may import, written against a ``HostContext`` rather than WasmCore's
/// raw `Caller`, so it can use the Spirit's memory manager.
public struct HostFunctionDefinition: Sendable {
    /// The import's module name (`env`, `vudo`, a Loa's name).
    public var module: String
    public var name: String
    public var type: FunctionType
    /// Throwing ends the guest call with ``SpiritError/trap(function:_:)`` carrying the error; the
    /// Spirit stays usable.
    public var body: @Sendable (HostContext, [Value]) throws -> [Value]

    public init(
        module: String, name: String, type: FunctionType,
        body: @escaping @Sendable (HostContext, [Value]) throws -> [Value]
    ) {
        self.module = module
        self.name = name
        self.type = type
        self.body = body
    }
}

/// What a host function sees of the Spirit calling it. Valid only during that call.
public struct HostContext {
    /// The calling Spirit's memory: bounds-checked reads and writes, strings, genes, allocation.
    public let memory: MemoryManager
    public let logger: SpiritLogger
    public let output: OutputSink
    public let debug: Bool
}
