/// The canonical identity of every type definition seen by a store, or by one module's validation.
///
/// WebAssembly 3.0 compares defined types iso-recursively: two definitions are the same type when
/// their recursion groups have the same shape, references inside a group compared by position and
/// references outside it by identity. Registering a group therefore looks its shape up: an equal
/// group registered before (by this module or any other) gives its ids back, so that equal types
/// have equal ids and type equality is an integer comparison, across modules too.
///
/// Canonical types name each other by id, as `.concrete(id)`; the subtype queries here work in
/// that space. ``TypeSpace`` maps a module's type indices into it.
final class TypeRegistry {
    struct Entry {
        /// The definition, with every type index replaced by a canonical id.
        let definition: SubType
        /// Canonical ids of the declared supertype chain, from its root down to this type, so
        /// that a subtype check is one array lookup at the supertype's depth.
        let ancestry: [Int]
    }

    private(set) var entries: [Entry] = []
    /// A group's shape, keyed with indices inside the group as positions and indices outside it as
    /// the group's size plus their canonical id, to the id of its first type.
    private var groupIDs: [[SubType]: Int] = [:]

    /// Registers the types of one recursion group of a module. `group` holds the module's types at
    /// indices `start...`, `earlierIDs` the ids of the module's types before it; every index the
    /// group names must be below its end (the validator checks that first). Returns the group's ids.
    func register(_ group: ArraySlice<SubType>, start: Int, earlierIDs: [Int]) -> [Int] {
        let count = group.count
        let key = group.map { type in
            type.mappingIndices { index in
                Int(index) >= start ? index - UInt32(start) : UInt32(count) + UInt32(earlierIDs[Int(index)])
            }
        }
        if let first = groupIDs[key] { return Array(first..<first + count) }
        let first = entries.count
        for type in group {
            let definition = type.mappingIndices { index in
                UInt32(Int(index) >= start ? first + Int(index) - start : earlierIDs[Int(index)])
            }
            let id = entries.count
            var ancestry = [id]
            // A supertype declared later is invalid and reported by the validator; until then it
            // is left out of the chain.
            if let supertype = definition.supertypes.first, Int(supertype) < id {
                ancestry = entries[Int(supertype)].ancestry + [id]
            }
            entries.append(Entry(definition: definition, ancestry: ancestry))
        }
        groupIDs[key] = first
        return Array(first..<first + count)
    }

    /// Registers a function type defined outside any module (a host function's signature): a
    /// final type in a group of its own, as a module would define it.
    func register(_ type: FunctionType) -> Int {
        register([SubType(.function(type))], start: 0, earlierIDs: [])[0]
    }

    subscript(id: Int) -> SubType { entries[id].definition }

    // MARK: Subtyping between canonical types

    /// Whether the defined type `sub` is `supertype` or declares it as an ancestor.
    func isSubtype(_ sub: Int, of supertype: Int) -> Bool {
        if sub == supertype { return true }
        let ancestry = entries[sub].ancestry
        let depth = entries[supertype].ancestry.count - 1
        return depth < ancestry.count && ancestry[depth] == supertype
    }

    func isSubtype(_ sub: HeapType, of supertype: HeapType) -> Bool {
        switch (sub, supertype) {
        case (.concrete(let a), .concrete(let b)):
            return isSubtype(Int(a), of: Int(b))
        case (.concrete(let a), _):
            return isSubtype(entries[Int(a)].definition.composite.abstractHeapType, of: supertype)
        case (.none, _), (.nofunc, _), (.noextern, _), (.noexn, _):
            return sub == supertype || top(of: supertype) == top(of: sub)
        case (_, .concrete):
            return false
        case (.eq, .any), (.i31, .any), (.i31, .eq), (.struct, .any), (.struct, .eq), (.array, .any), (.array, .eq):
            return true
        default:
            return sub == supertype
        }
    }

    func isSubtype(_ sub: ReferenceType, of supertype: ReferenceType) -> Bool {
        (supertype.isNullable || !sub.isNullable) && isSubtype(sub.heapType, of: supertype.heapType)
    }

    func isSubtype(_ sub: ValueType, of supertype: ValueType) -> Bool {
        switch (sub, supertype) {
        case (.ref(let a), .ref(let b)): isSubtype(a, of: b)
        default: sub == supertype
        }
    }

    func isSubtype(_ sub: [ValueType], of supertype: [ValueType]) -> Bool {
        sub.count == supertype.count && zip(sub, supertype).allSatisfy { isSubtype($0, of: $1) }
    }

    /// The most general type of a heap type's hierarchy (`any`, `func`, `extern` or `exn`).
    func top(of type: HeapType) -> HeapType {
        switch type {
        case .any, .eq, .i31, .struct, .array, .none: .any
        case .func, .nofunc: .func
        case .extern, .noextern: .extern
        case .exn, .noexn: .exn
        case .concrete(let id): top(of: entries[Int(id)].definition.composite.abstractHeapType)
        }
    }

    /// The least type of a heap type's hierarchy (`none`, `nofunc`, `noextern` or `noexn`).
    func bottom(of type: HeapType) -> HeapType {
        switch top(of: type) {
        case .func: .nofunc
        case .extern: .noextern
        case .exn: .noexn
        default: .none
        }
    }

    /// Whether a type definition may declare `supertype` (an already checked, earlier type) as its
    /// supertype: the spec's composite type matching.
    func matches(_ sub: CompositeType, _ supertype: CompositeType) -> Bool {
        switch (sub, supertype) {
        case (.function(let a), .function(let b)):
            return isSubtype(b.parameters, of: a.parameters) && isSubtype(a.results, of: b.results)
        case (.structure(let a), .structure(let b)):
            return a.count >= b.count && zip(a, b).allSatisfy(matches)
        case (.array(let a), .array(let b)):
            return matches(a, b)
        default:
            return false
        }
    }

    func matches(_ sub: FieldType, _ supertype: FieldType) -> Bool {
        guard sub.isMutable == supertype.isMutable, matches(sub.storage, supertype.storage) else { return false }
        return !sub.isMutable || matches(supertype.storage, sub.storage)
    }

    func matches(_ sub: StorageType, _ supertype: StorageType) -> Bool {
        switch (sub, supertype) {
        case (.value(let a), .value(let b)): isSubtype(a, of: b)
        default: sub == supertype
        }
    }
}

/// One module's types as canonical ids of a ``TypeRegistry``: the validator's and an instance's
/// view of the module's type indices.
struct TypeSpace {
    let registry: TypeRegistry
    /// The canonical id of each of the module's type indices.
    let ids: [Int]

    /// The same type with the module's indices replaced by canonical ids.
    func canonical(_ type: ValueType) -> ValueType { type.mappingIndices(canonicalID) }
    func canonical(_ type: ReferenceType) -> ReferenceType { type.mappingIndices(canonicalID) }
    func canonical(_ type: HeapType) -> HeapType { type.mappingIndices(canonicalID) }

    private func canonicalID(_ index: UInt32) -> UInt32 { UInt32(ids[Int(index)]) }

    func isSubtype(_ sub: ValueType, of supertype: ValueType) -> Bool {
        if sub == supertype { return true }
        return registry.isSubtype(canonical(sub), of: canonical(supertype))
    }

    func isSubtype(_ sub: ReferenceType, of supertype: ReferenceType) -> Bool {
        if sub == supertype { return true }
        return registry.isSubtype(canonical(sub), of: canonical(supertype))
    }

    func isSubtype(_ sub: HeapType, of supertype: HeapType) -> Bool {
        if sub == supertype { return true }
        return registry.isSubtype(canonical(sub), of: canonical(supertype))
    }

    func isSubtype(_ sub: [ValueType], of supertype: [ValueType]) -> Bool {
        sub.count == supertype.count && zip(sub, supertype).allSatisfy { isSubtype($0, of: $1) }
    }

    func top(of type: HeapType) -> HeapType { registry.top(of: canonical(type)) }
    func bottom(of type: HeapType) -> HeapType { registry.bottom(of: canonical(type)) }
}
