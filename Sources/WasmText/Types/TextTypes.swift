/// Types as the text format writes them, with names already resolved to indices. They cover
/// WebAssembly 3.0 (typed references, GC types) whatever the decoder of this package reads, since
/// the parser's job ends at the binary encoding.

/// A heap type: an abstract one by its binary code, or a defined type's index.
enum TextHeapType: Hashable {
    case abstract(UInt8)
    case index(UInt32)

    static let function = TextHeapType.abstract(0x70)
    static let external = TextHeapType.abstract(0x6F)

    func encode(into writer: inout BinaryWriter) {
        switch self {
        case .abstract(let code): writer.byte(code)
        // Heap types are s33 so that indices cannot be confused with the negative abstract codes.
        case .index(let index): writer.signed(Int64(index))
        }
    }
}

struct TextReferenceType: Hashable {
    var nullable: Bool
    var heap: TextHeapType
    /// `exact` (custom descriptors proposal).
    var exact: Bool = false

    static let funcref = TextReferenceType(nullable: true, heap: .function)
    static let externref = TextReferenceType(nullable: true, heap: .external)

    func encode(into writer: inout BinaryWriter) {
        if nullable, !exact, case .abstract(let code) = heap {
            // The one-byte shorthands (funcref, externref, anyref, ...).
            writer.byte(code)
            return
        }
        writer.byte(nullable ? 0x63 : 0x64)
        if exact { writer.byte(0x62) }
        heap.encode(into: &writer)
    }
}

enum TextValueType: Hashable {
    /// i32 0x7F, i64 0x7E, f32 0x7D, f64 0x7C, v128 0x7B.
    case numeric(UInt8)
    case reference(TextReferenceType)

    static let i32 = TextValueType.numeric(0x7F)
    static let i64 = TextValueType.numeric(0x7E)
    static let f32 = TextValueType.numeric(0x7D)
    static let f64 = TextValueType.numeric(0x7C)
    static let v128 = TextValueType.numeric(0x7B)

    func encode(into writer: inout BinaryWriter) {
        switch self {
        case .numeric(let code): writer.byte(code)
        case .reference(let type): type.encode(into: &writer)
        }
    }
}

enum TextStorageType: Hashable {
    case value(TextValueType)
    /// i8 0x78, i16 0x77.
    case packed(UInt8)
}

struct TextFieldType: Hashable {
    var storage: TextStorageType
    var mutable: Bool

    func encode(into writer: inout BinaryWriter) {
        switch storage {
        case .value(let type): type.encode(into: &writer)
        case .packed(let code): writer.byte(code)
        }
        writer.byte(mutable ? 1 : 0)
    }
}

struct TextFunctionType: Hashable {
    var parameters: [TextValueType]
    var results: [TextValueType]
}

enum TextCompositeType: Hashable {
    case function(TextFunctionType)
    case structure([TextFieldType])
    case array(TextFieldType)
}

struct TextSubType: Hashable {
    var isFinal = true
    var supertypes: [UInt32] = []
    var composite: TextCompositeType
    /// Custom descriptors proposal: `(describes $t)` and `(descriptor $t)`.
    var describes: UInt32?
    var descriptor: UInt32?

    var functionType: TextFunctionType? {
        if case .function(let type) = composite { return type }
        return nil
    }

    func encode(into writer: inout BinaryWriter) {
        if !isFinal || !supertypes.isEmpty {
            writer.byte(isFinal ? 0x4F : 0x50)
            writer.u32(supertypes.count)
            for index in supertypes { writer.u32(index) }
        }
        if let describes {
            writer.byte(0x4C)
            writer.u32(describes)
        }
        if let descriptor {
            writer.byte(0x4D)
            writer.u32(descriptor)
        }
        switch composite {
        case .function(let type):
            writer.byte(0x60)
            writer.u32(type.parameters.count)
            for parameter in type.parameters { parameter.encode(into: &writer) }
            writer.u32(type.results.count)
            for result in type.results { result.encode(into: &writer) }
        case .structure(let fields):
            writer.byte(0x5F)
            writer.u32(fields.count)
            for field in fields { field.encode(into: &writer) }
        case .array(let field):
            writer.byte(0x5E)
            field.encode(into: &writer)
        }
    }
}

/// One entry of the type section: a single type, or an explicit `(rec ...)` group.
struct TextRecursionGroup {
    var types: [TextSubType]
    var isExplicit: Bool

    func encode(into writer: inout BinaryWriter) {
        if isExplicit {
            writer.byte(0x4E)
            writer.u32(types.count)
        }
        for type in types { type.encode(into: &writer) }
    }
}
