/// Size bounds of a memory (in pages) or a table (in elements).
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
    /// Addressed with i64 (memory64) rather than i32.
    public var is64: Bool

    public init(limits: Limits, isShared: Bool = false, is64: Bool = false) {
        self.limits = limits
        self.isShared = isShared
        self.is64 = is64
    }

    /// The type of addresses, sizes and `memory.grow`'s operand and result.
    public var addressType: ValueType { is64 ? .i64 : .i32 }
}

public struct TableType: Sendable, Hashable {
    public var elementType: ReferenceType
    public var limits: Limits
    /// Indexed with i64 (table64) rather than i32.
    public var is64: Bool

    public init(elementType: ReferenceType, limits: Limits, is64: Bool = false) {
        self.elementType = elementType
        self.limits = limits
        self.is64 = is64
    }

    public var addressType: ValueType { is64 ? .i64 : .i32 }
}

public struct GlobalType: Sendable, Hashable {
    public var valueType: ValueType
    public var isMutable: Bool
    public init(valueType: ValueType, isMutable: Bool) {
        self.valueType = valueType
        self.isMutable = isMutable
    }
}

/// An exception tag: the type index of the function type whose parameters are the values an
/// exception with this tag carries (its results are empty).
public struct TagType: Sendable, Hashable {
    public var typeIndex: UInt32
    public init(typeIndex: UInt32) { self.typeIndex = typeIndex }
}

/// The type of a structured instruction (`block`, `loop`, `if`, `try_table`).
public enum BlockType: Sendable, Hashable {
    case empty
    case value(ValueType)
    case typeIndex(UInt32)
}
