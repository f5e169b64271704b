/// The type section being built: explicit definitions (recursion groups) and the function types
/// that inline type uses add at the end.
struct TypeTable {
    var space = IndexSpace("type")
    private(set) var groups: [TextRecursionGroup] = []
    /// Every defined type by index, so far.
    private(set) var definitions: [TextSubType] = []
    /// Field names of struct types, by type index.
    var fieldNames: [UInt32: IndexSpace] = [:]
    /// For inline type uses: the first type that is a final function type without supertypes, alone
    /// in its recursion group, by signature.
    private var reusable: [TextFunctionType: UInt32] = [:]

    mutating func append(_ group: TextRecursionGroup) {
        let first = UInt32(definitions.count)
        definitions.append(contentsOf: group.types)
        groups.append(group)
        if group.types.count == 1, let type = group.types.first, type.isFinal, type.supertypes.isEmpty,
            type.describes == nil, type.descriptor == nil, let function = type.functionType,
            reusable[function] == nil
        {
            reusable[function] = first
        }
    }

    func definition(_ index: UInt32) -> TextSubType? {
        Int(index) < definitions.count ? definitions[Int(index)] : nil
    }

    func functionType(_ index: UInt32) -> TextFunctionType? {
        definition(index)?.functionType
    }

    /// The index an inline type use `(param ...) (result ...)` denotes: an existing matching type, or
    /// a new one appended to the section (in the order the uses occur in the text).
    mutating func index(for function: TextFunctionType) -> UInt32 {
        if let index = reusable[function] { return index }
        let index = UInt32(definitions.count)
        append(TextRecursionGroup(types: [TextSubType(composite: .function(function))], isExplicit: false))
        return index
    }
}
