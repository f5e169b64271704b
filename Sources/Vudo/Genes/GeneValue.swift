/// A gene's field values by name: the dynamic form of a gene, read and written with a
/// ``GeneLayout``.
public typealias GeneValues = [String: GeneValue]

/// The value of one gene field.
public indirect enum GeneValue: Sendable, Hashable, CustomStringConvertible {
    case i32(Int32)
    case i64(Int64)
    case f32(Float)
    case f64(Double)
    case bool(Bool)
    case string(String)
    case gene(GeneValues)

    /// The field type this value fits; for a nested gene, only "a gene" (its layout decides).
    var kindName: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .bool: "bool"
        case .string: "string"
        case .gene: "gene"
        }
    }

    public var description: String {
        switch self {
        case .i32(let v): "\(v)"
        case .i64(let v): "\(v)"
        case .f32(let v): "\(v)"
        case .f64(let v): "\(v)"
        case .bool(let v): "\(v)"
        case .string(let v): "\"\(v)\""
        case .gene(let values):
            "{" + values.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A Swift type a gene field can hold: `Int32`, `Int64`, `Float`, `Double`, `Bool`, `String`.
public protocol GeneFieldValue: Sendable {
    init?(geneValue: GeneValue)
    var geneValue: GeneValue { get }
}

extension Int32: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .i32(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .i32(self) }
}
extension Int64: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .i64(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .i64(self) }
}
extension Float: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .f32(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .f32(self) }
}
extension Double: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .f64(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .f64(self) }
}
extension Bool: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .bool(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .bool(self) }
}
extension String: GeneFieldValue {
    public init?(geneValue: GeneValue) { guard case .string(let v) = geneValue else { return nil }; self = v }
    public var geneValue: GeneValue { .string(self) }
}
