import WasmCore
import WasmText

/// Why loading a Spirit or calling into it failed.
public enum SpiritError: Error, Sendable, CustomStringConvertible {
    /// The file could not be read.
    case unreadableFile(path: String, reason: String)
    /// The text (``loadSpirit(wat:options:)`` or a `.wat` file) is not well-formed WebAssembly text.
    case textFormat(TextFormatError)
    /// The bytes are not a well-formed WebAssembly binary.
    case decoding(DecodingError)
    /// The module breaks a validation rule.
    case validation(ValidationError)
    /// An import could not be linked: an unknown or ungranted Loa, no compatible version, a missing
    /// function, an ungranted capability or another signature. Nothing was instantiated.
    case unresolvedImport(module: String, name: String, reason: ImportFailure)
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
    /// The guest trapped; the Spirit stays usable.
    case trap(function: String, Trap)
    /// A WebAssembly exception left the guest uncaught, ending the call to `function`: its tag and
    /// values. The Spirit stays usable.
    case uncaughtException(function: String, WasmException)
    /// A host function the guest called threw (a bad pointer is a ``MemoryError``), ending the call
    /// to `function`; `module` and `name` are the import. The Spirit stays usable.
    case hostFunction(function: String, module: String, name: String, error: any Error)
    /// The guest ended the call to `function` itself: `vudo_abort`, `vudo_panic` or a failed
    /// `vudo_assert`. The Spirit stays usable.
    case aborted(function: String, SpiritAbort)
    /// A memory operation made on the Spirit's behalf failed.
    case memory(MemoryError)

    public var description: String {
        switch self {
        case .unreadableFile(let path, let reason): "cannot read \(path): \(reason)"
        case .textFormat(let error): "malformed text: \(error)"
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
        case .uncaughtException(let function, let exception): "\(function) threw an uncaught exception: \(exception)"
        case .hostFunction(let function, let module, let name, let error):
            "\(function): \(module).\(name) failed: \(error)"
        case .aborted(let function, let abort): "\(function) \(abort)"
        case .memory(let error): error.description
        }
    }

    /// The error a trap in `function` stands for: an uncaught exception, the host failure or abort
    /// that caused it, or the trap itself.
    static func fromTrap(_ trap: Trap, function: String) -> SpiritError {
        if case .exception(let exception) = trap.reason { return .uncaughtException(function: function, exception) }
        return switch trap.underlyingError {
        case let abort as SpiritAbort: .aborted(function: function, abort)
        case let failure as HostFunctionFailure:
            .hostFunction(function: function, module: failure.module, name: failure.name, error: failure.error)
        default: .trap(function: function, trap)
        }
    }

    private static func list(_ types: [ValueType]) -> String { types.map(\.description).joined(separator: ", ") }
}
