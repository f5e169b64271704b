/// The type of a gene field, as DOL declares it.
public indirect enum GeneFieldType: Sendable, Hashable, CustomStringConvertible {
    case i32, i64, f32, f64
    /// An i32 holding 0 or 1.
    case bool
    /// An i32 pointer to a length-prefixed UTF-8 string (0 is the empty string).
    case string
    /// Another gene, embedded inline.
    case gene(GeneLayout)

    /// Bytes the field takes.
    public var size: Int {
        switch self {
        case .i32, .f32, .bool, .string: 4
        case .i64, .f64: 8
        case .gene(let layout): layout.size
        }
    }

    public var alignment: Int {
        switch self {
        case .i32, .f32, .bool, .string: 4
        case .i64, .f64: 8
        case .gene(let layout): layout.alignment
        }
    }

    /// The primitive type a DOL spelling names (`i64` or `Int64`, `string` or `String`, ...), or nil
    /// for anything else (a gene name).
    public init?(dolName: String) {
        switch dolName {
        case "i32", "Int32": self = .i32
        case "i64", "Int64": self = .i64
        case "f32", "Float32": self = .f32
        case "f64", "Float64": self = .f64
        case "bool", "Bool": self = .bool
        case "string", "String": self = .string
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .bool: "bool"
        case .string: "string"
        case .gene(let layout): layout.name
        }
    }
}

/// Where each field of a gene lives in memory, by C layout rules: fields in declaration order,
/// each offset rounded up to the field's alignment; the gene is aligned to its largest field
/// alignment and its size padded to that. An empty gene has size 0 and alignment 1.
public struct GeneLayout: Sendable, Hashable, CustomStringConvertible {
    public struct Field: Sendable, Hashable {
        public let name: String
        public let type: GeneFieldType
        /// Bytes from the start of the gene.
        public let offset: Int
    }

    public let name: String
    public let fields: [Field]
    public let size: Int
    public let alignment: Int

    /// Computes the layout of `fields`, in declaration order. Field names must be unique.
    public init(name: String, fields: [(name: String, type: GeneFieldType)]) {
        precondition(Set(fields.map(\.name)).count == fields.count, "gene \(name) declares a field twice")
        var offset = 0
        var alignment = 1
        var laidOut: [Field] = []
        for (fieldName, type) in fields {
            offset = Self.alignUp(offset, type.alignment)
            laidOut.append(Field(name: fieldName, type: type, offset: offset))
            offset += type.size
            alignment = max(alignment, type.alignment)
        }
        self.name = name
        self.fields = laidOut
        self.alignment = alignment
        size = Self.alignUp(offset, alignment)
    }

    public func field(named name: String) -> Field? { fields.first { $0.name == name } }

    /// `Point { x: i64 @0, y: i64 @8 } size 16 align 8`
    public var description: String {
        let list = fields.map { "\($0.name): \($0.type) @\($0.offset)" }.joined(separator: ", ")
        return "\(name) { \(list) } size \(size) align \(alignment)"
    }

    static func alignUp(_ value: Int, _ alignment: Int) -> Int { (value + alignment - 1) / alignment * alignment }
}
