/// What a host function sees of its caller.
public struct Caller {
    public let store: Store
    /// The instance whose code made the call (nil when the host invoked the function directly).
    public let instance: Instance?

    /// The caller's default memory, if it has one.
    public var memory: MemoryAddress? { instance?.memoryAddresses.first }
}

/// A function implemented in Swift. It receives its arguments as values and returns its results;
/// throwing stops the guest with a trap carrying the error.
public struct HostFunction {
    public typealias Body = (Caller, [Value]) throws -> [Value]
    // nonisolated(nonsending): the body runs on the caller's actor, so it may use the store.
    public typealias AsyncBody = nonisolated(nonsending) (Caller, [Value]) async throws -> [Value]
    public var type: FunctionType
    public var body: Body
    /// For an `async` host function: the guest is suspended while it runs (see
    /// ``Store/invokeAsync(_:_:isolation:)``), and no thread is blocked.
    public var asyncBody: AsyncBody?

    public init(type: FunctionType, body: @escaping Body) {
        self.type = type
        self.body = body
    }

    /// An `async` host function. Only ``Store/invokeAsync(_:_:isolation:)`` can suspend a guest
    /// for it; called from a synchronous ``Store/invoke(_:_:)`` it traps.
    public init(type: FunctionType, asyncBody: @escaping AsyncBody) {
        self.type = type
        self.asyncBody = asyncBody
        self.body = { _, _ in
            throw Trap(.host("an async host function was called from a synchronous call; use invokeAsync"))
        }
    }

    /// A host function with two bodies for the same work: `asyncBody` when the guest runs under
    /// ``Store/invokeAsync(_:_:isolation:)`` (the guest is suspended, no thread waits), `body`
    /// everywhere else (``Store/invoke(_:_:)``, or a call nested in another host function). For work
    /// that may wait, such as sleeping or polling descriptors, where blocking a thread is acceptable
    /// only when the caller is synchronous anyway.
    public init(type: FunctionType, body: @escaping Body, asyncBody: @escaping AsyncBody) {
        self.type = type
        self.body = body
        self.asyncBody = asyncBody
    }
}

/// Values to satisfy a module's imports, by module and field name.
public struct Imports {
    // Keyed by exact UTF-8 bytes: wasm names are byte strings, and Swift's String equality would
    // merge canonically equivalent spellings.
    var definitions: [[UInt8]: [[UInt8]: ExternalValue]] = [:]

    public init() {}

    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        definitions[Array(module.utf8), default: [:]][Array(name.utf8)] = value
    }

    /// Makes every export of `instance` importable under `module`.
    public mutating func define(module: String, instance: Instance) {
        for (name, value) in instance.exportList { define(module: module, name: name, value) }
    }

    public func lookup(module: String, name: String) -> ExternalValue? {
        definitions[Array(module.utf8)]?[Array(name.utf8)]
    }
}
