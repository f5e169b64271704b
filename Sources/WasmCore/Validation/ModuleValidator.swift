/// Checks the module-level validation rules and every function body.
struct ModuleValidator {
    let module: Module
    /// Where the module's types get their canonical ids: a store's registry when instantiating.
    var registry = TypeRegistry()

    /// Returns the features the module uses.
    func validate() throws -> WasmFeatures { try validate(translating: nil).features }

    /// Validates the module and, given a translation context, translates each function body in the
    /// same pass: one decoding of every body serves both (the decoder's syntax check aside).
    /// A body using a feature the engine cannot run is validated but not translated (its output is
    /// nil): instantiating such a module fails with that feature named.
    func validate(
        translating translation: Translator.Context?
    ) throws -> (
        features: WasmFeatures, code: [Translator.Output?], types: TypeSpace
    ) {
        let context = try validateModuleFields()
        var translation = translation
        translation?.typeIDs = context.types.ids
        var used = WasmFeatures()
        var code: [Translator.Output?] = []
        for index in module.codes.indices {
            let result = try validateCode(index, context, translating: translation)
            used.formUnion(result.features)
            code.append(result.code)
        }
        return (used.union(typeFeatures()).union(constantFeatures()), code, context.types)
    }

    /// Validates and translates one defined function (for listings of its internal code).
    func translate(definedFunction index: Int, with translation: Translator.Context) throws -> Translator.Output {
        let context = try ValidationContext(module: module, registry: registry)
        guard let output = try validateCode(index, context, translating: translation).code else {
            throw ValidationError("function \(index) was not translated")
        }
        return output
    }

    /// The module-level rules (everything but function bodies).
    private func validateModuleFields() throws -> ValidationContext {
        let context = try inSection(1) { () throws(ValidationError) in
            try ValidationContext(module: module, registry: registry)
        }
        try inSection(2) { () throws(ValidationError) in try validateImports(context) }
        try inSection(13) { () throws(ValidationError) in
            for tag in module.tags { try validateTag(tag, context) }
        }
        try inSection(3) { () throws(ValidationError) in
            for typeIndex in module.functionTypeIndices where module.functionType(at: typeIndex) == nil {
                throw ValidationError(Int(typeIndex) < module.types.count ? "non-function type" : "unknown type")
            }
        }
        try inSection(4) { () throws(ValidationError) in try validateTables(context) }
        try inSection(5) { () throws(ValidationError) in
            for memory in module.memories { try validateMemoryType(memory) }
            if context.memories.count > 1, !module.features.contains(.multiMemory) {
                throw ValidationError("multiple memories")
            }
        }
        try inSection(6) { () throws(ValidationError) in try validateGlobals(context) }
        try inSection(11) { () throws(ValidationError) in try validateData(context) }
        try inSection(9) { () throws(ValidationError) in try validateElements(context) }
        try inSection(8) { () throws(ValidationError) in try validateStart(context) }
        try inSection(7) { () throws(ValidationError) in try validateExports(context) }
        return context
    }

    /// Features that show in types and module fields rather than instructions.
    private func typeFeatures() -> WasmFeatures {
        var features = WasmFeatures()
        func note(_ type: ValueType) {
            switch type {
            case .v128: features.insert(.simd)
            case .ref(let reference):
                if !reference.isNullable { features.insert(.functionReferences) }
                if let feature = reference.heapType.feature { features.insert(feature) }
            default: break
            }
        }
        func note(_ field: FieldType) { note(field.storage.unpacked) }
        for type in module.types {
            switch type.composite {
            case .function(let signature): (signature.parameters + signature.results).forEach(note)
            case .structure(let fields):
                features.insert(.gc)
                fields.forEach(note)
            case .array(let element):
                features.insert(.gc)
                note(element)
            }
            if !type.isFinal || !type.supertypes.isEmpty { features.insert(.gc) }
        }
        if module.recursionGroups.contains(where: { $0.count != 1 }) { features.insert(.gc) }
        module.globals.map(\.type.valueType).forEach(note)
        module.importedGlobals.map(\.valueType).forEach(note)
        module.codes.flatMap(\.localTypes).forEach(note)
        let tables = module.importedTables + module.tables.map(\.type)
        for table in tables {
            note(.ref(table.elementType))
            if table.is64 { features.insert(.memory64) }
        }
        if module.tables.contains(where: { $0.initializer != nil }) { features.insert(.functionReferences) }
        // Segments of function indices are `(ref func)` in 3.0 without asking for typed references.
        module.elements.forEach { note(.ref(ReferenceType($0.type.heapType))) }
        let memories = module.importedMemories + module.memories
        if memories.contains(where: \.is64) { features.insert(.memory64) }
        if memories.count > 1 { features.insert(.multiMemory) }
        if !module.tags.isEmpty || !module.importedTags.isEmpty { features.insert(.exceptionHandling) }
        return features
    }

    /// Features that constant expressions use: their instructions are checked but, unlike those of
    /// function bodies, not counted by the validator.
    private func constantFeatures() -> WasmFeatures {
        var expressions = module.globals.map(\.initializer) + module.tables.compactMap(\.initializer)
        for element in module.elements {
            expressions += element.initializers
            if case .active(_, let offset) = element.mode { expressions.append(offset) }
        }
        for segment in module.data {
            if case .active(_, let offset) = segment.mode { expressions.append(offset) }
        }
        var features = WasmFeatures()
        let importedGlobals = module.importedGlobals.count
        for instruction in expressions.lazy.flatMap(\.instructions) {
            if let feature = instruction.opcode.info.feature { features.insert(feature) }
            switch (instruction.opcode, instruction.immediate) {
            case (.i32Add, _), (.i32Sub, _), (.i32Mul, _), (.i64Add, _), (.i64Sub, _), (.i64Mul, _):
                features.insert(.extendedConst)
            case (.globalGet, .index(let index)) where Int(index) >= importedGlobals:
                features.insert(.gc)
            default:
                break
            }
        }
        return features
    }

    /// Runs a module-level check; an error without a position gets the offset of the section it
    /// concerns (or of the nearest section present).
    private func inSection<T>(_ id: UInt8, _ check: () throws(ValidationError) -> T) throws(ValidationError) -> T {
        do {
            return try check()
        } catch {
            var located = error
            if located.offset == nil {
                located.offset = module.sectionOffsets[id] ?? module.sectionOffsets.values.min() ?? 8
            }
            throw located
        }
    }

    private func validateImports(_ context: ValidationContext) throws(ValidationError) {
        for import_ in module.imports {
            switch import_.descriptor {
            case .function(let typeIndex):
                guard module.functionType(at: typeIndex) != nil else {
                    throw ValidationError(Int(typeIndex) < module.types.count ? "non-function type" : "unknown type")
                }
            case .table(let table): try validateTableType(table, context)
            case .memory(let memory): try validateMemoryType(memory)
            case .global(let global): try context.requireWellFormed(global.valueType)
            case .tag(let tag): try validateTag(tag, context)
            }
        }
    }

    private func validateTag(_ tag: TagType, _ context: ValidationContext) throws(ValidationError) {
        guard let type = module.functionType(at: tag.typeIndex) else { throw ValidationError("unknown type") }
        guard type.results.isEmpty else { throw ValidationError("non-empty tag result type") }
    }

    private func validateTables(_ context: ValidationContext) throws(ValidationError) {
        for table in module.tables {
            try validateTableType(table.type, context)
            if let initializer = table.initializer {
                try validateConstant(
                    initializer, type: .ref(table.type.elementType), context: context,
                    visibleGlobals: context.importedGlobalCount)
            } else if !table.type.elementType.isNullable {
                throw ValidationError("type mismatch")
            }
        }
    }

    /// Globals: with GC, an initializer may read any earlier global; in WebAssembly 2.0 only
    /// imported ones.
    private func validateGlobals(_ context: ValidationContext) throws(ValidationError) {
        for (index, global) in module.globals.enumerated() {
            try context.requireWellFormed(global.type.valueType)
            let visible = context.importedGlobalCount + (module.features.contains(.gc) ? index : 0)
            try validateConstant(
                global.initializer, type: global.type.valueType, context: context, visibleGlobals: visible)
        }
    }

    /// Segments: with GC, offsets and element expressions may read every global.
    private var segmentGlobalCount: (ValidationContext) -> Int {
        { context in module.features.contains(.gc) ? context.globals.count : context.importedGlobalCount }
    }

    private func validateElements(_ context: ValidationContext) throws(ValidationError) {
        for element in module.elements {
            try context.requireWellFormed(.ref(element.type))
            for initializer in element.initializers {
                try validateConstant(
                    initializer, type: .ref(element.type), context: context, visibleGlobals: segmentGlobalCount(context)
                )
            }
            if case .active(let table, let offset) = element.mode {
                guard Int(table) < context.tables.count else { throw ValidationError("unknown table \(table)") }
                let tableType = context.tables[Int(table)]
                guard context.types.isSubtype(element.type, of: tableType.elementType) else {
                    throw ValidationError("type mismatch")
                }
                try validateConstant(
                    offset, type: tableType.addressType, context: context, visibleGlobals: segmentGlobalCount(context))
            }
        }
    }

    private func validateData(_ context: ValidationContext) throws(ValidationError) {
        for segment in module.data {
            if case .active(let memory, let offset) = segment.mode {
                guard Int(memory) < context.memories.count else { throw ValidationError("unknown memory \(memory)") }
                try validateConstant(
                    offset, type: context.memories[Int(memory)].addressType, context: context,
                    visibleGlobals: segmentGlobalCount(context))
            }
        }
    }

    private func validateStart(_ context: ValidationContext) throws(ValidationError) {
        if let start = module.start {
            guard let type = context.functionType(ofFunction: start) else {
                throw ValidationError("unknown function \(start)")
            }
            guard type.parameters.isEmpty, type.results.isEmpty else { throw ValidationError("start function") }
        }
    }

    private func validateExports(_ context: ValidationContext) throws(ValidationError) {
        // Names compare by their exact UTF-8 bytes: Swift's String equality would merge
        // canonically equivalent spellings that wasm keeps distinct.
        var exportNames = Set<[UInt8]>()
        for export in module.exports {
            guard exportNames.insert(Array(export.name.utf8)).inserted else {
                throw ValidationError("duplicate export name")
            }
            let count: Int
            switch export.kind {
            case .function: count = context.functionTypeIndices.count
            case .table: count = context.tables.count
            case .memory: count = context.memories.count
            case .global: count = context.globals.count
            case .tag: count = context.tags.count
            }
            guard Int(export.index) < count else {
                throw ValidationError("unknown \(export.kind.spelledOut) \(export.index)")
            }
        }
    }

    /// One body: each instruction is decoded once, validated, then translated.
    private func validateCode(
        _ index: Int, _ context: ValidationContext, translating translation: Translator.Context?
    ) throws -> (features: WasmFeatures, code: Translator.Output?) {
        let body = module.codes[index]
        let functionIndex = UInt32(context.importedFunctionCount + index)
        guard let type = context.functionType(ofFunction: functionIndex) else {
            throw ValidationError("unknown type", functionIndex: functionIndex)
        }
        var validator = try FunctionValidator(context: context, type: type, body: body, functionIndex: functionIndex)
        var translator = translation.map { Translator(context: $0, type: type, body: body) }
        var reader = ByteReader(bytes: body.code)
        while !validator.isFinished {
            let instruction = try readInstruction(&reader, body: body)
            try validator.validate(instruction)
            if let feature = instruction.opcode.info.feature, feature.support < .execution { translator = nil }
            // `return_call_ref` belongs to typed references, but runs with the tail calls.
            if instruction.opcode == .returnCallRef, WasmFeature.tailCall.support < .execution { translator = nil }
            try translator?.translate(instruction)
        }
        guard reader.isAtEnd else {
            throw DecodingError("section size mismatch", offset: body.codeOffset + reader.offset)
        }
        return (validator.usedFeatures, try translator?.finish())
    }

    private func readInstruction(_ reader: inout ByteReader, body: FunctionBody) throws(DecodingError) -> Instruction {
        do {
            var instruction = try reader.readInstruction(features: module.features)
            instruction.offset += body.codeOffset
            return instruction
        } catch {
            throw DecodingError(error.message, offset: error.offset + body.codeOffset)
        }
    }

    private func validateTableType(_ table: TableType, _ context: ValidationContext) throws(ValidationError) {
        try context.requireWellFormed(.ref(table.elementType))
        let limits = table.limits
        if !table.is64, limits.min > UInt64(UInt32.max) || (limits.max ?? 0) > UInt64(UInt32.max) {
            throw ValidationError("table size must be at most 2^32-1")
        }
        if let max = limits.max, limits.min > max {
            throw ValidationError("size minimum must not be greater than maximum")
        }
    }

    private func validateMemoryType(_ memory: MemoryType) throws(ValidationError) {
        let limits = memory.limits
        let pageLimit: UInt64 = memory.is64 ? 1 << 48 : 1 << 16
        guard limits.min <= pageLimit, limits.max.map({ $0 <= pageLimit }) ?? true else {
            throw ValidationError(
                memory.is64
                    ? "memory size must be at most 2^48 pages (256 TiB)"
                    : "memory size must be at most 65536 pages (4GiB)")
        }
        if let max = limits.max, limits.min > max {
            throw ValidationError("size minimum must not be greater than maximum")
        }
    }

    /// A constant expression: validated as an instruction sequence producing `type`, with only
    /// constant instructions allowed.
    private func validateConstant(
        _ expression: ConstantExpression, type: ValueType, context: ValidationContext, visibleGlobals: Int
    ) throws(ValidationError) {
        var validator = FunctionValidator(context: context, constantOf: type, visibleGlobals: visibleGlobals)
        for instruction in expression.instructions {
            try validator.validate(instruction)
            guard !validator.isFinished else { throw ValidationError("type mismatch", offset: instruction.offset) }
        }
        try validator.validate(Instruction(.end, offset: expression.instructions.last?.offset ?? 0))
    }
}
