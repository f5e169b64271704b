/// A WebAssembly value type (WebAssembly 2.0: numbers, vectors and references).
public enum ValueType: UInt8, Sendable, Hashable, CustomStringConvertible {
    case i32 = 0x7F
    case i64 = 0x7E
    case f32 = 0x7D
    case f64 = 0x7C
    case v128 = 0x7B
    case funcref = 0x70
    case externref = 0x6F

    public var isReference: Bool { self == .funcref || self == .externref }
    public var isNumeric: Bool { !isReference && self != .v128 }

    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .funcref: "funcref"
        case .externref: "externref"
        }
    }
}

/// The reference types a table can hold.
public typealias ReferenceType = ValueType

/// A function signature.
public struct FunctionType: Sendable, Hashable, CustomStringConvertible {
    public var parameters: [ValueType]
    public var results: [ValueType]

    public init(parameters: [ValueType], results: [ValueType]) {
        self.parameters = parameters
        self.results = results
    }

    public var description: String {
        "(" + parameters.map(\.description).joined(separator: ", ") + ") -> ("
            + results.map(\.description).joined(separator: ", ") + ")"
    }
}

/// Size bounds of a memory (in 64 KiB pages) or a table (in elements).
public struct Limits: Sendable, Hashable {
    public var min: UInt64
    public var max: UInt64?

    public init(min: UInt64, max: UInt64? = nil) {
        self.min = min
        self.max = max
    }

    /// Import matching: `self` (what is provided) fits where `required` is expected.
    public func isSubtype(of required: Limits) -> Bool {
        guard min >= required.min else { return false }
        guard let requiredMax = required.max else { return true }
        guard let max else { return false }
        return max <= requiredMax
    }
}

public struct MemoryType: Sendable, Hashable {
    public var limits: Limits
    public var isShared: Bool
    public init(limits: Limits, isShared: Bool = false) {
        self.limits = limits
        self.isShared = isShared
    }
}

public struct TableType: Sendable, Hashable {
    public var elementType: ReferenceType
    public var limits: Limits
    public init(elementType: ReferenceType, limits: Limits) {
        self.elementType = elementType
        self.limits = limits
    }
}

public struct GlobalType: Sendable, Hashable {
    public var valueType: ValueType
    public var isMutable: Bool
    public init(valueType: ValueType, isMutable: Bool) {
        self.valueType = valueType
        self.isMutable = isMutable
    }
}

/// The type of a structured instruction (`block`, `loop`, `if`).
public enum BlockType: Sendable, Hashable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}
