/// The module-level facts instruction validation needs (the spec's context `C`).
struct ValidationContext {
    let module: Module
    /// The module's types as canonical ids, for type equivalence and subtyping.
    let types: TypeSpace
    /// Type index of every function in the index space (imports first).
    let functionTypeIndices: [UInt32]
    let tables: [TableType]
    let memories: [MemoryType]
    let globals: [GlobalType]
    /// Type index of every tag in the index space (imports first).
    let tags: [UInt32]
    let elementTypes: [ReferenceType]
    let dataSegmentCount: Int
    /// Functions that may be named by `ref.func` inside function bodies.
    let declaredReferences: Set<UInt32>
    let importedGlobalCount: Int
    let importedFunctionCount: Int

    /// Checks the type section (indices in range, supertypes) and collects the index spaces.
    init(module: Module, registry: TypeRegistry) throws(ValidationError) {
        self.module = module
        types = try TypeSectionValidator.validate(module, registry: registry)
        // Whether these name function types is checked with the sections that declare them.
        functionTypeIndices = module.importedFunctionTypes + module.functionTypeIndices
        importedFunctionCount = module.importedFunctionTypes.count
        tables = module.importedTables + module.tables.map(\.type)
        memories = module.importedMemories + module.memories
        let imported = module.importedGlobals
        importedGlobalCount = imported.count
        globals = imported + module.globals.map(\.type)
        tags = (module.importedTags + module.tags).map(\.typeIndex)
        elementTypes = module.elements.map(\.type)
        dataSegmentCount = module.data.count

        // `ref.func` in a body may name a function that the module mentions outside function
        // bodies: in globals, tables, element segments and exports.
        var references = Set<UInt32>()
        func collect(_ expression: ConstantExpression) {
            for instruction in expression.instructions where instruction.opcode == .refFunc {
                if case .index(let index) = instruction.immediate { references.insert(index) }
            }
        }
        for global in module.globals { collect(global.initializer) }
        for table in module.tables { table.initializer.map(collect) }
        for element in module.elements { element.initializers.forEach(collect) }
        for export in module.exports where export.kind == .function { references.insert(export.index) }
        declaredReferences = references
    }

    func functionType(ofFunction index: UInt32) -> FunctionType? {
        guard Int(index) < functionTypeIndices.count else { return nil }
        return module.functionType(at: functionTypeIndices[Int(index)])
    }

    /// The signature of a block type; nil when it names a type that does not exist or is no
    /// function type.
    func blockSignature(_ blockType: BlockType) -> FunctionType? {
        switch blockType {
        case .empty: return FunctionType(parameters: [], results: [])
        case .value(let type): return FunctionType(parameters: [], results: [type])
        case .typeIndex(let index): return module.functionType(at: index)
        }
    }

    /// Whether every type index a value type names exists.
    func isWellFormed(_ type: ValueType) -> Bool {
        guard case .ref(let reference) = type else { return true }
        return isWellFormed(reference.heapType)
    }

    func isWellFormed(_ type: HeapType) -> Bool {
        guard case .concrete(let index) = type else { return true }
        return Int(index) < module.types.count
    }

    func requireWellFormed(_ type: ValueType) throws(ValidationError) {
        guard isWellFormed(type) else { throw ValidationError("unknown type") }
    }
}

/// The type section's rules: every index a definition names exists (within its recursion group
/// or before it), and declared supertypes are earlier, not final, and matched.
enum TypeSectionValidator {
    static func validate(_ module: Module, registry: TypeRegistry) throws(ValidationError) -> TypeSpace {
        var ids: [Int] = []
        ids.reserveCapacity(module.types.count)
        // With GC, a definition may name any type of its recursion group; typed function
        // references alone allow earlier types only.
        let recursive = module.features.contains(.gc)
        for group in module.recursionGroups {
            let types = module.types[group]
            for (index, type) in zip(group, types) {
                let limit = recursive ? group.upperBound : index
                for referenced in type.composite.referencedIndices + type.supertypes where Int(referenced) >= limit {
                    throw ValidationError("unknown type \(referenced)")
                }
            }
            ids += registry.register(types, start: group.lowerBound, earlierIDs: ids)
            let space = TypeSpace(registry: registry, ids: ids)
            for index in group {
                try checkSupertypes(of: index, in: module, space)
            }
        }
        return TypeSpace(registry: registry, ids: ids)
    }

    private static func checkSupertypes(of index: Int, in module: Module, _ space: TypeSpace) throws(ValidationError) {
        let type = module.types[index]
        guard type.supertypes.count <= 1 else { throw ValidationError("sub type \(index) has too many supertypes") }
        guard let supertypeIndex = type.supertypes.first else { return }
        guard Int(supertypeIndex) < index else {
            throw ValidationError("forward use of type \(supertypeIndex) in sub type definition")
        }
        let supertype = module.types[Int(supertypeIndex)]
        guard !supertype.isFinal else {
            throw ValidationError("sub type \(index) has final super type \(supertypeIndex)")
        }
        let registry = space.registry
        let canonical = registry[space.ids[index]].composite
        let canonicalSupertype = registry[space.ids[Int(supertypeIndex)]].composite
        guard registry.matches(canonical, canonicalSupertype) else {
            throw ValidationError("sub type \(index) does not match super type \(supertypeIndex)")
        }
    }
}
