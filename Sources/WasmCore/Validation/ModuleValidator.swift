/// Checks the module-level validation rules and every function body.
struct ModuleValidator {
    let module: Module

    /// Returns the features the module uses.
    func validate() throws -> WasmFeatures { try validate(translating: nil).features }

    /// Validates the module and, given a translation context, translates each function body in the
    /// same pass: one decoding of every body serves both (the decoder's syntax check aside).
    /// A body using a feature the engine cannot run is validated but not translated (its output is
    /// nil): instantiating such a module fails with that feature named.
    func validate(
        translating translation: Translator.Context?
    ) throws -> (
        features: WasmFeatures, code: [Translator.Output?]
    ) {
        let context = try validateModuleFields()
        var used = WasmFeatures()
        var code: [Translator.Output?] = []
        for index in module.codes.indices {
            let result = try validateCode(index, context, translating: translation)
            used.formUnion(result.features)
            code.append(result.code)
        }
        return (used.union(typeFeatures()), code)
    }

    /// Validates and translates one defined function (for listings of its internal code).
    func translate(definedFunction index: Int, with translation: Translator.Context) throws -> Translator.Output {
        let context = try ValidationContext(module: module)
        guard let output = try validateCode(index, context, translating: translation).code else {
            throw ValidationError("function \(index) was not translated")
        }
        return output
    }

    /// The module-level rules (everything but function bodies).
    private func validateModuleFields() throws -> ValidationContext {
        let context = try inSection(3) { () throws(ValidationError) in try ValidationContext(module: module) }
        try inSection(2) { () throws(ValidationError) in try validateImports() }
        try inSection(4) { () throws(ValidationError) in
            for table in module.tables { try validateTableLimits(table.limits) }
        }
        try inSection(5) { () throws(ValidationError) in
            for memory in module.memories { try validateMemoryLimits(memory.limits) }
            if context.memories.count > 1 {
                guard module.features.contains(.multiMemory) else { throw ValidationError("multiple memories") }
                throw ValidationError.unsupported(.multiMemory)
            }
        }
        try inSection(6) { () throws(ValidationError) in try validateGlobals(context) }
        try inSection(9) { () throws(ValidationError) in try validateElements(context) }
        try inSection(11) { () throws(ValidationError) in try validateData(context) }
        try inSection(8) { () throws(ValidationError) in try validateStart(context) }
        try inSection(7) { () throws(ValidationError) in try validateExports(context) }
        return context
    }

    /// Features that show in types rather than instructions: `v128` values.
    private func typeFeatures() -> WasmFeatures {
        let signatures = module.types.flatMap { $0.parameters + $0.results }
        let others = module.globals.map(\.type.valueType) + module.importedGlobals.map(\.valueType)
        let locals = module.codes.flatMap(\.localTypes)
        return (signatures + others + locals).contains(.v128) ? WasmFeatures(.simd) : []
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

    private func validateImports() throws(ValidationError) {

        for import_ in module.imports {
            switch import_.descriptor {
            case .function(let typeIndex):
                guard Int(typeIndex) < module.types.count else { throw ValidationError("unknown type") }
            case .table(let table): try validateTableLimits(table.limits)
            case .memory(let memory): try validateMemoryLimits(memory.limits)
            case .global: break
            }
        }
    }

    private func validateGlobals(_ context: ValidationContext) throws(ValidationError) {
        for global in module.globals {
            // A global initializer may only read imported globals (WebAssembly 2.0).
            try validateConstant(
                global.initializer, type: global.type.valueType, context: context,
                visibleGlobals: context.importedGlobalCount)
        }
    }

    private func validateElements(_ context: ValidationContext) throws(ValidationError) {
        for element in module.elements {
            for initializer in element.initializers {
                try validateConstant(
                    initializer, type: element.type, context: context, visibleGlobals: context.importedGlobalCount)
            }
            if case .active(let table, let offset) = element.mode {
                guard Int(table) < context.tables.count else { throw ValidationError("unknown table \(table)") }
                guard context.tables[Int(table)].elementType == element.type else {
                    throw ValidationError("type mismatch")
                }
                try validateConstant(offset, type: .i32, context: context, visibleGlobals: context.importedGlobalCount)
            }
        }
    }

    private func validateData(_ context: ValidationContext) throws(ValidationError) {
        for segment in module.data {
            if case .active(let memory, let offset) = segment.mode {
                guard Int(memory) < context.memories.count else { throw ValidationError("unknown memory \(memory)") }
                try validateConstant(offset, type: .i32, context: context, visibleGlobals: context.importedGlobalCount)
            }
        }

    }

    private func validateStart(_ context: ValidationContext) throws(ValidationError) {
        if let start = module.start {
            guard Int(start) < context.functions.count else { throw ValidationError("unknown function \(start)") }
            let type = context.functions[Int(start)]
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
            case .function: count = context.functions.count
            case .table: count = context.tables.count
            case .memory: count = context.memories.count
            case .global: count = context.globals.count
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
        let type = context.functions[Int(functionIndex)]
        var validator = try FunctionValidator(context: context, type: type, body: body, functionIndex: functionIndex)
        var translator = translation.map { Translator(context: $0, type: type, body: body) }
        var reader = ByteReader(bytes: body.code)
        while !validator.isFinished {
            let instruction = try readInstruction(&reader, body: body)
            try validator.validate(instruction)
            if let feature = instruction.opcode.info.feature, feature.support < .execution { translator = nil }
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

    private func validateTableLimits(_ limits: Limits) throws(ValidationError) {
        if let max = limits.max, limits.min > max {
            throw ValidationError("size minimum must not be greater than maximum")
        }
    }

    private func validateMemoryLimits(_ limits: Limits) throws(ValidationError) {
        let pageLimit: UInt64 = 65536
        guard limits.min <= pageLimit, limits.max.map({ $0 <= pageLimit }) ?? true else {
            throw ValidationError("memory size must be at most 65536 pages (4GiB)")
        }
        if let max = limits.max, limits.min > max {
            throw ValidationError("size minimum must not be greater than maximum")
        }
    }

    /// Constant expressions: one constant-producing instruction of the right type.
    private func validateConstant(
        _ expression: ConstantExpression, type: ValueType, context: ValidationContext, visibleGlobals: Int
    ) throws(ValidationError) {
        var stack: [ValueType] = []
        for instruction in expression.instructions {
            switch (instruction.opcode, instruction.immediate) {
            case (.i32Const, _): stack.append(.i32)
            case (.i64Const, _): stack.append(.i64)
            case (.f32Const, _): stack.append(.f32)
            case (.f64Const, _): stack.append(.f64)
            case (.v128Const, _): stack.append(.v128)
            case (.i32Add, _), (.i32Sub, _), (.i32Mul, _), (.i64Add, _), (.i64Sub, _), (.i64Mul, _):
                guard module.features.contains(.extendedConst) else {
                    throw ValidationError(
                        "constant expression required", offset: instruction.offset,
                        instruction: instruction.opcode.info.name)
                }
                throw ValidationError.unsupported(.extendedConst, offset: instruction.offset)
            case (.refNull, .referenceType(let t)): stack.append(t)
            case (.refFunc, .index(let index)):
                guard Int(index) < context.functions.count else { throw ValidationError("unknown function \(index)") }
                stack.append(.funcref)
            case (.globalGet, .index(let index)):
                guard Int(index) < visibleGlobals, Int(index) < context.globals.count else {
                    throw ValidationError("unknown global \(index)")
                }
                let global = context.globals[Int(index)]
                guard !global.isMutable else { throw ValidationError("constant expression required") }
                stack.append(global.valueType)
            default:
                throw ValidationError(
                    "constant expression required", offset: instruction.offset,
                    instruction: instruction.opcode.info.name)
            }
        }
        guard stack == [type] else { throw ValidationError("type mismatch") }
    }
}
