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

/// What a struct field or an array element holds: a value type, or a packed integer that is
/// widened when read.
public enum StorageType: Sendable, Hashable, CustomStringConvertible {
    case value(ValueType)
    case i8
    case i16

    /// The type of the value a read produces.
    public var unpacked: ValueType {
        if case .value(let type) = self { return type }
        return .i32
    }

    public var isPacked: Bool { self == .i8 || self == .i16 }

    public var description: String {
        switch self {
        case .value(let type): type.description
        case .i8: "i8"
        case .i16: "i16"
        }
    }
}

/// A struct field or the element of an array.
public struct FieldType: Sendable, Hashable, CustomStringConvertible {
    public var storage: StorageType
    public var isMutable: Bool

    public init(_ storage: StorageType, mutable: Bool = false) {
        self.storage = storage
        self.isMutable = mutable
    }

    public var description: String { isMutable ? "(mut \(storage))" : storage.description }
}

/// The shape of a type definition: a function signature, a struct or an array.
public enum CompositeType: Sendable, Hashable, CustomStringConvertible {
    case function(FunctionType)
    case structure([FieldType])
    case array(FieldType)

    public var functionType: FunctionType? {
        if case .function(let type) = self { return type }
        return nil
    }

    /// The abstract heap type at the top of this type's hierarchy's non-bottom part (`func`,
    /// `struct` or `array`), which a concrete reference to it is a subtype of.
    var abstractHeapType: HeapType {
        switch self {
        case .function: .func
        case .structure: .struct
        case .array: .array
        }
    }

    public var description: String {
        switch self {
        case .function(let type): "func " + type.description
        case .structure(let fields): "struct (" + fields.map(\.description).joined(separator: ", ") + ")"
        case .array(let element): "array " + element.description
        }
    }
}

/// A type definition of the type section: a composite type with its declared supertypes (at
/// most one) and whether further subtypes may be declared.
public struct SubType: Sendable, Hashable, CustomStringConvertible {
    public var isFinal: Bool
    /// Type indices of the declared supertypes.
    public var supertypes: [UInt32]
    public var composite: CompositeType

    public init(_ composite: CompositeType, final isFinal: Bool = true, supertypes: [UInt32] = []) {
        self.composite = composite
        self.isFinal = isFinal
        self.supertypes = supertypes
    }

    public var functionType: FunctionType? { composite.functionType }

    public var description: String {
        if isFinal, supertypes.isEmpty { return composite.description }
        let supers = supertypes.map(String.init).joined(separator: " ")
        return (isFinal ? "sub final " : "sub ") + (supers.isEmpty ? "" : supers + " ") + "(\(composite))"
    }
}
