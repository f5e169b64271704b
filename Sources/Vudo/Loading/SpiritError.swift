/// Why loading a Spirit or calling into it failed.
public enum SpiritError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The bytes are not a well-formed WebAssembly binary.
    case decoding(DecodingError)
    /// The module breaks a validation rule.
    case validation(ValidationError)
    /// An import names something the host does not provide, or provides with another type.
    case unresolvedImport(module: String, name: String, reason: String)
    /// The memory limits of ``SpiritOptions`` do not fit the module's memory.
    case memoryLimits(String)
    /// Instantiation failed: linking, a resource limit, or a trap in the start function.
    case instantiation(InstantiationError)
    /// No exported function has this name.
    case unknownFunction(String)
    /// The arguments do not match the function's parameters.
    case argumentMismatch(function: String, expected: [ValueType], got: [ValueType])
    /// A typed call asked for results the function does not return.
    case resultMismatch(function: String, expected: [ValueType], got: [ValueType])
    /// The guest trapped (or a host function it called threw); the Spirit stays usable.
    case trap(function: String, Trap)
    /// A memory operation made on the Spirit's behalf failed.
    case memory(MemoryError)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .decoding(let error): error.description
        case .validation(let error): "invalid module: \(error)"
        case .unresolvedImport(let module, let name, let reason): "cannot resolve import \(module).\(name): \(reason)"
        case .memoryLimits(let message): "memory limits: \(message)"
        case .instantiation(let error): "instantiation failed: \(error)"
        case .unknownFunction(let name): "no exported function named '\(name)'"
        case .argumentMismatch(let function, let expected, let got):
            "\(function) takes (\(Self.list(expected))), called with (\(Self.list(got)))"
        case .resultMismatch(let function, let expected, let got):
            "\(function) returns (\(Self.list(got))), expected (\(Self.list(expected)))"
        case .trap(let function, let trap): "\(function) trapped: \(trap)"
        case .memory(let error): error.description
        }
    }

    private static func list(_ types: [ValueType]) -> String { types.map(\.description).joined(separator: ", ") }
}
