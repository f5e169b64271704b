/// The module's bytes are not a well-formed WebAssembly binary.
///
/// `message` uses the spec test suite's wording ("unexpected end", "integer too large", ...);
/// `offset` is the byte offset in the binary where decoding stopped.
public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(_ message: String, offset: Int) {
        self.message = message
        self.offset = offset
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

    public init(_ message: String, offset: Int? = nil, functionIndex: UInt32? = nil, instruction: String? = nil) {
        self.message = message
        self.offset = offset
        self.functionIndex = functionIndex
        self.instruction = instruction
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
    }
    public var kind: Kind
    public var message: String
    /// For `.trap`: the trap, with the error a host function threw when that is what stopped the
    /// start function.
    public var trap: Trap?

    public init(_ kind: Kind, _ message: String, trap: Trap? = nil) {
        self.kind = kind
        self.message = message
        self.trap = trap
    }

    public var description: String { message }
}
