/// Where the parts of a `struct` or `array` object lie in its memory block.
///
/// Every object starts with two header words: its canonical type id (low 32 bits, with the
/// collector's mark in bit 63) and, for an array, its length. A struct's fields follow, one word
/// each (two for a v128; packed fields are kept widened, and narrowed when read). An array's
/// elements follow at their natural size, so that an `i8` array of a million bytes takes a
/// megabyte.
struct ObjectLayout {
    static let headerBytes = 16
    static let markBit: UInt64 = 1 << 63

    enum Kind { case structure, array }
    let kind: Kind
    /// Structs: each field's byte offset from the object's start, and its storage.
    let fieldOffsets: [Int]
    let fields: [FieldType]
    /// Structs: the whole object's size.
    let structBytes: Int
    /// Arrays: the element's storage.
    let element: FieldType?
    let elementKind: ElementKind
    /// Byte offsets of the struct fields the collector traces (see `traces`).
    let tracedOffsets: [Int]
    /// Whether an array's elements are traced.
    let tracesElements: Bool
    /// Byte offsets of the struct fields that hold an `exnref`, and whether an array's elements
    /// do: the caught exceptions they keep.
    let exceptionOffsets: [Int]
    let elementsAreExceptions: Bool

    init?(_ composite: CompositeType, registry: TypeRegistry) {
        switch composite {
        case .function:
            return nil
        case .structure(let fields):
            kind = .structure
            self.fields = fields
            fieldOffsets = Self.fieldOffsets(fields)
            structBytes = Self.headerBytes + fields.reduce(0) { $0 + Self.fieldBytes($1.storage) }
            tracedOffsets = zip(fields, fieldOffsets).filter { Self.traces($0.0.storage, registry) }.map(\.1)
            exceptionOffsets = zip(fields, fieldOffsets).filter { Self.holdsException($0.0.storage, registry) }.map(\.1)
            element = nil
            elementKind = .i64
            tracesElements = false
            elementsAreExceptions = false
        case .array(let element):
            kind = .array
            fields = []
            fieldOffsets = []
            structBytes = Self.headerBytes
            tracedOffsets = []
            exceptionOffsets = []
            self.element = element
            elementKind = ElementKind(element.storage)
            tracesElements = Self.traces(element.storage, registry)
            elementsAreExceptions = Self.holdsException(element.storage, registry)
        }
    }

    /// A struct's field offsets, for the translator as for the heap.
    static func fieldOffsets(_ fields: [FieldType]) -> [Int] {
        var offset = headerBytes
        return fields.map { field in
            defer { offset += fieldBytes(field.storage) }
            return offset
        }
    }

    static func fieldBytes(_ storage: StorageType) -> Int { storage == .value(.v128) ? 16 : 8 }

    /// References the collector follows: those of the `any` hierarchy, and of `extern`, which may
    /// hold a converted `any` reference. Functions live as long as their store; exceptions are
    /// marked apart (`holdsException`), since an `exnref` is an index, not an address.
    private static func traces(_ storage: StorageType, _ registry: TypeRegistry) -> Bool {
        guard case .value(.ref(let reference)) = storage else { return false }
        let top = registry.top(of: reference.heapType)
        return top == .any || top == .extern
    }

    private static func holdsException(_ storage: StorageType, _ registry: TypeRegistry) -> Bool {
        guard case .value(.ref(let reference)) = storage else { return false }
        return registry.top(of: reference.heapType) == .exn
    }
}

/// How an array element is stored: its width in bytes.
enum ElementKind: UInt16 {
    case i8, i16, i32, i64, v128

    init(_ storage: StorageType) {
        switch storage {
        case .i8: self = .i8
        case .i16: self = .i16
        case .value(.i32), .value(.f32): self = .i32
        case .value(.v128): self = .v128
        case .value: self = .i64
        }
    }

    var bytes: Int {
        switch self {
        case .i8: 1
        case .i16: 2
        case .i32: 4
        case .i64: 8
        case .v128: 16
        }
    }
}
