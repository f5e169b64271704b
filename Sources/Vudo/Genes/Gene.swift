/// A Swift type mirroring a DOL gene, so it can be read from and written to a Spirit's memory
/// directly (`vudo codegen` writes these from a .dol file).
///
/// ```swift
/// struct Point: Gene, Equatable {
///     var x: Int64
///     var y: Int64
///     static let geneLayout = GeneLayout(name: "Point", fields: [("x", .i64), ("y", .i64)])
///     init(x: Int64, y: Int64) { self.x = x; self.y = y }
///     init(geneValues: GeneValues) throws(MemoryError) {
///         x = try geneValues.field("x", of: Self.geneLayout)
///         y = try geneValues.field("y", of: Self.geneLayout)
///     }
///     var geneValues: GeneValues { ["x": x.geneValue, "y": y.geneValue] }
/// }
/// ```
public protocol Gene: Sendable {
    static var geneLayout: GeneLayout { get }
    /// Builds the value from its fields; throws when one is missing or of the wrong type.
    init(geneValues: GeneValues) throws(MemoryError)
    var geneValues: GeneValues { get }
}

extension Gene {
    /// This gene as the value of a field of another gene.
    public var geneValue: GeneValue { .gene(geneValues) }
}

extension Dictionary where Key == String, Value == GeneValue {
    /// The value of a primitive field, typed; for `init(geneValues:)` implementations.
    public func field<T: GeneFieldValue>(_ name: String, of layout: GeneLayout) throws(MemoryError) -> T {
        guard let value = self[name] else { throw .missingField(gene: layout.name, field: name) }
        guard let typed = T(geneValue: value) else {
            throw .typeMismatch(gene: layout.name, field: name, expected: "\(T.self)", got: value.kindName)
        }
        return typed
    }

    /// The value of a nested gene field, typed.
    public func field<G: Gene>(_ name: String, of layout: GeneLayout) throws(MemoryError) -> G {
        guard let value = self[name] else { throw .missingField(gene: layout.name, field: name) }
        guard case .gene(let values) = value else {
            throw .typeMismatch(gene: layout.name, field: name, expected: G.geneLayout.name, got: value.kindName)
        }
        return try G(geneValues: values)
    }
}
