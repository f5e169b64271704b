/// The module-level facts instruction validation needs (the spec's context `C`).
struct ValidationContext {
    let types: [FunctionType]
    /// Type of every function in the index space (imports first).
    let functions: [FunctionType]
    let tables: [TableType]
    let memories: [MemoryType]
    let globals: [GlobalType]
    let elementTypes: [ValueType]
    let dataSegmentCount: Int
    /// Functions that may be named by `ref.func` inside function bodies.
    let declaredReferences: Set<UInt32>
    let importedGlobalCount: Int
    let importedFunctionCount: Int

    init(module: Module) throws(ValidationError) {
        types = module.types
        var functions: [FunctionType] = []
        for typeIndex in module.importedFunctionTypes + module.functionTypeIndices {
            guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type") }
            functions.append(module.types[Int(typeIndex)])
        }
        self.functions = functions
        importedFunctionCount = module.importedFunctionTypes.count
        tables = module.importedTables + module.tables
        memories = module.importedMemories + module.memories
        let imported = module.importedGlobals
        importedGlobalCount = imported.count
        globals = imported + module.globals.map(\.type)
        elementTypes = module.elements.map(\.type)
        dataSegmentCount = module.data.count

        var references = Set<UInt32>()
        func collect(_ expression: ConstantExpression) {
            for instruction in expression.instructions where instruction.opcode == .refFunc {
                if case .index(let index) = instruction.immediate { references.insert(index) }
            }
        }
        for global in module.globals { collect(global.initializer) }
        for element in module.elements { element.initializers.forEach(collect) }
        for export in module.exports where export.kind == .function { references.insert(export.index) }
        declaredReferences = references
    }

    /// The signature of a block type; nil when it names a type that does not exist.
    func blockSignature(_ blockType: BlockType) -> FunctionType? {
        switch blockType {
        case .empty: return FunctionType(parameters: [], results: [])
        case .value(let type): return FunctionType(parameters: [], results: [type])
        case .typeIndex(let index): return Int(index) < types.count ? types[Int(index)] : nil
        }
    }
}
