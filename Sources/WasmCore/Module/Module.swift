/// A decoded WebAssembly module: the sections of the binary, in the spec's abstract-syntax terms.
///
/// Decoding (``Module/init(bytes:features:)``) checks only the binary format; ``validate()`` checks the
/// rest, and ``Store/instantiate(_:imports:)`` validates before it instantiates.
public struct Module: Sendable {
    /// The type section's definitions, in index order.
    public var types: [SubType] = []
    /// The recursion groups of the type section, as ranges of type indices in order. A type
    /// defined outside a `rec` forms a group of its own.
    public var recursionGroups: [Range<Int>] = []
    public var imports: [Import] = []
    /// Type indices of the functions this module defines (imports not included).
    public var functionTypeIndices: [UInt32] = []
    public var tables: [Table] = []
    public var memories: [MemoryType] = []
    /// Exception tags this module defines (imports not included).
    public var tags: [TagType] = []
    public var globals: [Global] = []
    public var exports: [Export] = []
    public var start: UInt32?
    public var elements: [ElementSegment] = []
    public var dataCount: UInt32?
    public var codes: [FunctionBody] = []
    public var data: [DataSegment] = []
    public var customSections: [CustomSection] = []
    /// Byte offset of each known section's contents in the binary, by section id; module-level
    /// validation errors point there.
    public var sectionOffsets: [UInt8: Int] = [:]
    /// Names from the `name` custom section, when present and well-formed.
    public var names: NameSection = NameSection()
    /// The features the module was decoded with; validation and execution keep to the same set.
    public var features: WasmFeatures = .default

    public init() {}

    public var importedFunctionTypes: [UInt32] {
        imports.compactMap { if case .function(let t) = $0.descriptor { return t } else { return nil } }
    }
    public var importedTables: [TableType] {
        imports.compactMap { if case .table(let t) = $0.descriptor { return t } else { return nil } }
    }
    public var importedMemories: [MemoryType] {
        imports.compactMap { if case .memory(let t) = $0.descriptor { return t } else { return nil } }
    }
    public var importedGlobals: [GlobalType] {
        imports.compactMap { if case .global(let t) = $0.descriptor { return t } else { return nil } }
    }
    public var importedTags: [TagType] {
        imports.compactMap { if case .tag(let t) = $0.descriptor { return t } else { return nil } }
    }

    /// The function type at a type index; nil when the index is out of range or names a struct or
    /// array type.
    public func functionType(at typeIndex: UInt32) -> FunctionType? {
        Int(typeIndex) < types.count ? types[Int(typeIndex)].functionType : nil
    }

    /// Custom sections with the given name, in binary order.
    public func customSections(named name: String) -> [CustomSection] {
        customSections.filter { $0.name == name }
    }
}

public struct Import: Sendable, Hashable {
    public enum Descriptor: Sendable, Hashable {
        case function(UInt32)
        case table(TableType)
        case memory(MemoryType)
        case global(GlobalType)
        case tag(TagType)
    }
    public var module: String
    public var name: String
    public var descriptor: Descriptor
}

public enum ExternalKind: UInt8, Sendable, Hashable, CustomStringConvertible {
    case function = 0, table = 1, memory = 2, global = 3, tag = 4
    /// The text format's keyword.
    public var description: String {
        switch self {
        case .function: "func"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        case .tag: "tag"
        }
    }

    /// The word the spec's error messages use ("unknown function 3").
    public var spelledOut: String { self == .function ? "function" : description }
}

public struct Export: Sendable, Hashable {
    public var name: String
    public var kind: ExternalKind
    public var index: UInt32
}

/// A constant expression: the raw instructions, decoded, ending before `end`.
public struct ConstantExpression: Sendable, Hashable {
    public var instructions: [Instruction]
}

/// A table definition. Tables of non-nullable references need an initializer; others start out
/// null unless one is given.
public struct Table: Sendable, Hashable {
    public var type: TableType
    public var initializer: ConstantExpression?

    public init(type: TableType, initializer: ConstantExpression? = nil) {
        self.type = type
        self.initializer = initializer
    }
}

public struct Global: Sendable, Hashable {
    public var type: GlobalType
    public var initializer: ConstantExpression
}

public struct ElementSegment: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case passive
        case declarative
        case active(table: UInt32, offset: ConstantExpression)
    }
    public var type: ReferenceType
    public var initializers: [ConstantExpression]
    public var mode: Mode
}

public struct DataSegment: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case passive
        case active(memory: UInt32, offset: ConstantExpression)
    }
    public var bytes: [UInt8]
    public var mode: Mode
}

/// A function body: its declared locals and the byte range of its code in the module binary.
public struct FunctionBody: Sendable, Hashable {
    public var localCounts: [UInt32]
    public var localTypes: [ValueType]
    /// The instruction bytes, from after the locals up to and including the final `end`.
    public var code: [UInt8]
    /// Offset of `code[0]` in the module binary, for error messages.
    public var codeOffset: Int
    /// Whether the body names a data segment (`memory.init`, `data.drop`), which requires the
    /// binary to have a data count section.
    public var usesDataSegments: Bool = false

    public var localCount: UInt64 { localCounts.reduce(0) { $0 + UInt64($1) } }
}

public struct CustomSection: Sendable, Hashable {
    public var name: String
    public var bytes: [UInt8]
}

/// The `name` custom section's module, function and local names.
public struct NameSection: Sendable, Hashable {
    public var moduleName: String?
    public var functionNames: [UInt32: String] = [:]
    public var localNames: [UInt32: [UInt32: String]] = [:]
    public init() {}
}
