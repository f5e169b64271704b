// Type definitions name other types by index. Canonicalization (TypeRegistry) rewrites those
// indices: from a module's index space into a store's canonical ids, or into positions within a
// recursion group. These functions apply one such rewriting to every index a type contains.

extension HeapType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> HeapType {
        if case .concrete(let index) = self { return .concrete(transform(index)) }
        return self
    }
}

extension ReferenceType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> ReferenceType {
        ReferenceType(heapType.mappingIndices(transform), nullable: isNullable)
    }
}

extension ValueType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> ValueType {
        if case .ref(let type) = self { return .ref(type.mappingIndices(transform)) }
        return self
    }
}

extension FunctionType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> FunctionType {
        FunctionType(
            parameters: parameters.map { $0.mappingIndices(transform) },
            results: results.map { $0.mappingIndices(transform) })
    }
}

extension FieldType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> FieldType {
        guard case .value(let type) = storage else { return self }
        return FieldType(.value(type.mappingIndices(transform)), mutable: isMutable)
    }
}

extension CompositeType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> CompositeType {
        switch self {
        case .function(let type): .function(type.mappingIndices(transform))
        case .structure(let fields): .structure(fields.map { $0.mappingIndices(transform) })
        case .array(let element): .array(element.mappingIndices(transform))
        }
    }

    /// Every type index the definition names.
    var referencedIndices: [UInt32] {
        var indices: [UInt32] = []
        _ = mappingIndices { index in
            indices.append(index)
            return index
        }
        return indices
    }
}

extension SubType {
    func mappingIndices(_ transform: (UInt32) -> UInt32) -> SubType {
        SubType(composite.mappingIndices(transform), final: isFinal, supertypes: supertypes.map(transform))
    }
}
