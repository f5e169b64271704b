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
    public var type: FunctionType
    public var body: Body

    public init(type: FunctionType, body: @escaping Body) {
        self.type = type
        self.body = body
    }
}

/// Values to satisfy a module's imports, by module and field name.
public struct Imports {
    var definitions: [String: [String: ExternalValue]] = [:]

    public init() {}

    public mutating func define(module: String, name: String, _ value: ExternalValue) {
        definitions[module, default: [:]][name] = value
    }

    /// Makes every export of `instance` importable under `module`.
    public mutating func define(module: String, instance: Instance) {
        for (name, value) in instance.exports { define(module: module, name: name, value) }
    }

    public func lookup(module: String, name: String) -> ExternalValue? {
        definitions[module]?[name]
    }
}
