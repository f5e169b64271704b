/// The module's bytes are not a well-formed WebAssembly binary.
///
/// `message` uses the spec test suite's wording ("unexpected end", "integer too large", ...);
/// `offset` is the byte offset in the binary where decoding stopped.
public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int
    /// Set when the binary is not malformed but uses an enabled feature this engine cannot decode.
    public var unsupportedFeature: WasmFeature?

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    /// The module uses `feature`, enabled but beyond what this engine decodes.
    public static func unsupported(_ feature: WasmFeature, offset: Int) -> DecodingError {
        var error = DecodingError("\(feature) is not supported by this engine", offset: offset)
        error.unsupportedFeature = feature
        return error
    }

    public var description: String { "malformed module at offset \(offset): \(message)" }
}

/// The module is well-formed but breaks a validation rule.
public struct ValidationError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int?
    /// Index (in the function index space) of the function whose body is invalid, if any.
    public var functionIndex: UInt32?
    /// Name of the offending instruction, if any.
    public var instruction: String?
    /// Set when the module is not invalid but uses an enabled feature this engine cannot validate.
    public var unsupportedFeature: WasmFeature?

    public init(_ message: String, offset: Int? = nil, functionIndex: UInt32? = nil, instruction: String? = nil) {
        self.message = message
        self.offset = offset
        self.functionIndex = functionIndex
        self.instruction = instruction
    }

    /// The module uses `feature`, enabled but beyond what this engine validates.
    public static func unsupported(_ feature: WasmFeature, offset: Int? = nil) -> ValidationError {
        var error = ValidationError("\(feature) is not supported by this engine", offset: offset)
        error.unsupportedFeature = feature
        return error
    }

    public var description: String {
        var where_: [String] = []
        if let functionIndex { where_.append("function \(functionIndex)") }
        if let instruction { where_.append("at \(instruction)") }
        if let offset { where_.append("offset \(offset)") }
        let context = where_.isEmpty ? "" : " (" + where_.joined(separator: ", ") + ")"
        return "invalid module\(context): \(message)"
    }
}

/// Instantiation failed: an import is missing or does not match, or a segment does not fit.
public struct InstantiationError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// An import could not be resolved or has the wrong type (`assert_unlinkable`).
        case link
        /// Initialization trapped (`assert_uninstantiable`).
        case trap
        /// A configured resource limit was exceeded.
        case limit
        /// The module uses a feature that this engine validates but cannot run yet
        /// (``InstantiationError/unsupportedFeature``); nothing of it was instantiated.
        case unsupportedFeature
    }
    public var kind: Kind
    public var message: String
    /// For `.trap`: the trap, with the error a host function threw when that is what stopped the
    /// start function.
    public var trap: Trap?
    /// For `.unsupportedFeature`: the feature.
    public var unsupportedFeature: WasmFeature?

    /// The module uses `feature`, which this engine cannot execute.
    public static func unsupported(_ feature: WasmFeature) -> InstantiationError {
        var error = InstantiationError(.unsupportedFeature, "\(feature) cannot be executed by this engine yet")
        error.unsupportedFeature = feature
        return error
    }

    public init(_ kind: Kind, _ message: String, trap: Trap? = nil) {
        self.kind = kind
        self.message = message
        self.trap = trap
    }

    public var description: String { message }
}
