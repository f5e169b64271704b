extension Store {
    /// Validates, links and instantiates a module: resolves imports, allocates its definitions,
    /// applies active segments and runs the start function.
    ///
    /// Throws ``ValidationError`` or ``DecodingError`` for a bad module, and
    /// ``InstantiationError`` when linking fails (`.link`), a limit is exceeded (`.limit`),
    /// initialization traps (`.trap`) or the module uses a feature this engine cannot run yet
    /// (`.unsupportedFeature`).
    public func instantiate(_ module: Module, imports: Imports = Imports()) throws -> Instance {
        // Constant expressions allocate without collecting (their values are no root): when the
        // module's do, collect first, so that garbage cannot make them pass the heap's limit.
        if heap.objectCount > 0, module.constantExpressionsAllocate { collectGarbage(frameEnd: execution.top) }
        var translation = Translator.Context(module: module, metering: configuration.translatesCheckpoints)
        let (usedFeatures, code, typeSpace) = try compile(module, translation)
        translation.typeIDs = typeSpace.ids
        if let feature = usedFeatures.members(supportedBelow: .execution).first {
            throw InstantiationError.unsupported(feature)
        }
        let typeIDs = typeSpace.ids

        var importedFunctions: [FunctionInstance] = []
        var importedGlobals: [(GlobalInstance, GlobalAddress)] = []
        var importedMemories: [(MemoryInstance, MemoryAddress)] = []
        var importedTables: [(TableInstance, TableAddress)] = []
        var tagAddresses: [Int] = []
        for entry in module.imports {
            guard let value = imports.lookup(module: entry.module, name: entry.name) else {
                throw InstantiationError(.link, "unknown import: \(entry.module).\(entry.name)")
            }
            func mismatch(_ detail: String) -> InstantiationError {
                InstantiationError(.link, "incompatible import type for \(entry.module).\(entry.name): \(detail)")
            }
            // An address from another store would index past this one's objects.
            guard holds(value) else {
                throw InstantiationError(.link, "import \(entry.module).\(entry.name) names an object of another store")
            }
            switch (entry.descriptor, value) {
            case (.function(let typeIndex), .function(let address)):
                let function = functions[address.index]
                guard types.isSubtype(function.entry.pointee.typeID, of: typeIDs[Int(typeIndex)]) else {
                    let expected = types[typeIDs[Int(typeIndex)]].composite
                    throw mismatch("expected \(expected), got \(function.type)")
                }
                importedFunctions.append(function)
            case (.table(let type), .table(let address)):
                let table = tables[address.index]
                let actual = Limits(min: UInt64(table.count), max: table.type.limits.max)
                let elementType = typeSpace.canonical(type.elementType)
                guard table.type.elementType == elementType, table.type.is64 == type.is64,
                    actual.isSubtype(of: type.limits)
                else {
                    throw mismatch("table type")
                }
                importedTables.append((table, address))
            case (.memory(let type), .memory(let address)):
                let memory = memories[address.index]
                let actual = Limits(min: memory.pageCount, max: memory.type.limits.max)
                guard memory.type.is64 == type.is64, actual.isSubtype(of: type.limits) else {
                    throw mismatch("memory limits")
                }
                importedMemories.append((memory, address))
            case (.global(let type), .global(let address)):
                let global = globals[address.index]
                let expected = typeSpace.canonical(type.valueType)
                let actual = global.type.valueType
                let fits =
                    global.type.isMutable
                    ? actual == expected : types.isSubtype(actual, of: expected)
                guard global.type.isMutable == type.isMutable, fits else { throw mismatch("global type") }
                importedGlobals.append((global, address))
            case (.tag(let type), .tag(let address)):
                // Tags match when their types are the same (tag types are invariant).
                guard tags[address.index].typeID == typeIDs[Int(type.typeIndex)] else { throw mismatch("tag type") }
                tagAddresses.append(address.index)
            default:
                throw mismatch("expected \(Self.kindName(entry.descriptor)), got \(value.kind)")
            }
        }

        // Definitions. Their types name defined types by the store's canonical ids.
        var definedFunctions: [FunctionInstance] = []
        for (definedIndex, typeIndex) in module.functionTypeIndices.enumerated() {
            let typeID = typeIDs[Int(typeIndex)]
            guard let type = types[typeID].functionType else { throw InstantiationError(.link, "non-function type") }
            let entry = FunctionEntry(
                code: nil, frameSize: 0, parameterCount: type.parameters.slotCount,
                declaredLocalCount: module.codes[definedIndex].localSlotCount, constants: nil, constantCount: 0,
                resultCount: type.results.slotCount,
                typeID: typeID, isHost: false, runtime: nil, definedIndex: definedIndex,
                address: functions.count)
            let function = FunctionInstance(entry: entry, type: type, host: nil)
            functions.append(function)
            definedFunctions.append(function)
        }
        let allFunctions = importedFunctions + definedFunctions

        var tableAddresses = importedTables.map(\.1)
        var allTables = importedTables.map(\.0)
        for table in module.tables {
            var type = table.type
            type.elementType = typeSpace.canonical(type.elementType)
            // An initializer may read imported globals only, which are all there is yet.
            let initial = try table.initializer.map {
                try evaluate($0, globals: importedGlobals.map(\.0), functions: allFunctions, typeIDs: typeIDs).low
            }
            let instance = try TableInstance(
                type: type, engineLimit: configuration.maxTableElements, initial: initial ?? 0)
            tableAddresses.append(TableAddress(tables.count))
            tables.append(instance)
            allTables.append(instance)
        }
        var memoryAddresses = importedMemories.map(\.1)
        var allMemories = importedMemories.map(\.0)
        for type in module.memories {
            let memory = try MemoryInstance(
                type: type, engineLimit: configuration.maxMemoryPages, budget: configuration.memoryBudget)
            memoryAddresses.append(MemoryAddress(memories.count))
            memories.append(memory)
            allMemories.append(memory)
        }

        var globalAddresses = importedGlobals.map(\.1)
        var allGlobals = importedGlobals.map(\.0)
        for global in module.globals {
            var type = global.type
            type.valueType = typeSpace.canonical(type.valueType)
            let instance = GlobalInstance(type: type)
            let value = try evaluate(global.initializer, globals: allGlobals, functions: allFunctions, typeIDs: typeIDs)
            instance.cell.pointee = value.low
            instance.cell[1] = value.high
            globalAddresses.append(GlobalAddress(globals.count))
            globals.append(instance)
            allGlobals.append(instance)
        }

        let instance = Instance(
            module: module, functions: allFunctions, globals: allGlobals, memories: allMemories, tables: allTables)
        instance.typeIDs = typeIDs
        for tag in module.tags {
            let typeID = typeIDs[Int(tag.typeIndex)]
            tagAddresses.append(tags.count)
            tags.append(
                TagInstance(
                    type: types[typeID].functionType ?? FunctionType(parameters: [], results: []), typeID: typeID))
        }
        instance.tagAddresses = tagAddresses
        instance.translationContext = translation
        instance.dataSegments = module.data.map(\.bytes)
        for function in definedFunctions { function.entry.pointee.runtime = instance.runtime }
        for (definedIndex, function) in definedFunctions.enumerated() {
            do {
                guard let output = code[definedIndex] else {
                    throw InstantiationError(.limit, "function \(definedIndex) was not translated")
                }
                try function.install(output, functions: allFunctions)
            } catch {
                throw InstantiationError(.limit, "function \(importedFunctions.count + definedIndex): \(error)")
            }
        }
        instance.memoryAddresses = memoryAddresses
        instances.append(instance)

        for export in module.exports {
            let index = Int(export.index)
            let value: ExternalValue
            switch export.kind {
            case .function: value = .function(FunctionAddress(allFunctions[index].entry.pointee.address))
            case .table: value = .table(tableAddresses[index])
            case .memory: value = .memory(memoryAddresses[index])
            case .global: value = .global(globalAddresses[index])
            case .tag: value = .tag(TagAddress(tagAddresses[index]))
            }
            instance.addExport(export.name, value)
        }

        // Segments, in order; a trap leaves what was already written (the spec's semantics).
        instance.elementSegments = try module.elements.map { segment in
            try segment.initializers.map {
                try evaluate($0, globals: allGlobals, functions: allFunctions, typeIDs: typeIDs).low
            }
        }
        for (index, segment) in module.elements.enumerated() {
            switch segment.mode {
            case .active(let tableIndex, let offsetExpression):
                let table = instance.tables[Int(tableIndex)]
                let offset = address(
                    try evaluate(offsetExpression, globals: allGlobals, functions: allFunctions, typeIDs: typeIDs).low,
                    is64: table.type.is64)
                let items = instance.elementSegments[index]
                guard offset <= UInt64(table.count), UInt64(items.count) <= UInt64(table.count) - offset else {
                    throw InstantiationError(.trap, TrapReason.tableOutOfBounds.description)
                }
                table.replace(at: Int(offset), with: items)
                instance.elementSegments[index] = []
            case .declarative:
                instance.elementSegments[index] = []
            case .passive:
                break
            }
        }
        for (index, segment) in module.data.enumerated() {
            guard case .active(let memoryIndex, let offsetExpression) = segment.mode else { continue }
            let memory = allMemories[Int(memoryIndex)]
            let offset = address(
                try evaluate(offsetExpression, globals: allGlobals, functions: allFunctions, typeIDs: typeIDs).low,
                is64: memory.type.is64)
            guard offset <= UInt64(Int.max), memory.write(segment.bytes, at: Int(offset)) else {
                throw InstantiationError(.trap, TrapReason.memoryOutOfBounds.description)
            }
            instance.dataSegments[index] = []
        }

        if let start = module.start {
            do {
                _ = try invoke(FunctionAddress(allFunctions[Int(start)].entry.pointee.address), [])
            } catch {
                throw InstantiationError(.trap, error.reason.description, trap: error)
            }
        }
        return instance
    }

    /// Validates the module and translates every function it defines, in one pass over each body,
    /// before anything of it is created.
    private func compile(
        _ module: Module, _ translation: Translator.Context
    ) throws -> (
        features: WasmFeatures, code: [Translator.Output?], types: TypeSpace
    ) {
        if let failing = configuration.failingTranslationForTesting, failing < module.codes.count {
            _ = try module.validate()
            throw InstantiationError(.limit, "translation of function \(failing) failed (injected for testing)")
        }
        do {
            return try ModuleValidator(module: module, registry: types).validate(translating: translation)
        } catch let error as TranslationError {
            throw InstantiationError(.limit, "\(error)")
        }
    }

    /// Whether `value` can be an address in this store.
    func holds(_ value: ExternalValue) -> Bool {
        switch value {
        case .function(let address): address.index >= 0 && address.index < functions.count
        case .table(let address): address.index >= 0 && address.index < tables.count
        case .memory(let address): address.index >= 0 && address.index < memories.count
        case .global(let address): address.index >= 0 && address.index < globals.count
        case .tag(let address): address.index >= 0 && address.index < tags.count
        }
    }

    private static func kindName(_ descriptor: Import.Descriptor) -> String {
        switch descriptor {
        case .function: "func"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        case .tag: "tag"
        }
    }

    /// Evaluates a validated constant expression to slot bits (two words for v128).
    /// A segment offset in its table's or memory's address type.
    private func address(_ bits: UInt64, is64: Bool) -> UInt64 {
        is64 ? bits : UInt64(UInt32(truncatingIfNeeded: bits))
    }

    /// Runs a constant expression (validated: every operand is there and typed). Objects it
    /// allocates count against the heap's limit, but no collection runs meanwhile: the values on
    /// this stack are no root.
    private func evaluate(
        _ expression: ConstantExpression, globals: [GlobalInstance], functions: [FunctionInstance], typeIDs: [Int]
    ) throws(InstantiationError) -> V128 {
        var stack: [V128] = []
        func push(_ bits: UInt64) { stack.append(V128(low: bits, high: 0)) }
        for instruction in expression.instructions {
            if instruction.opcode.info.feature == .gc {
                do {
                    try evaluateAllocation(instruction, &stack, typeIDs)
                } catch {
                    throw InstantiationError(.trap, error.description)
                }
                continue
            }
            switch instruction.opcode {
            case .i32Add, .i32Sub, .i32Mul, .i64Add, .i64Sub, .i64Mul:
                guard let y = stack.popLast()?.low, let x = stack.popLast()?.low else { break }
                let (x32, y32) = (UInt32(truncatingIfNeeded: x), UInt32(truncatingIfNeeded: y))
                switch instruction.opcode {
                case .i32Add: push(UInt64(x32 &+ y32))
                case .i32Sub: push(UInt64(x32 &- y32))
                case .i32Mul: push(UInt64(x32 &* y32))
                case .i64Add: push(x &+ y)
                case .i64Sub: push(x &- y)
                default: push(x &* y)
                }
                continue
            default:
                break
            }
            switch instruction.immediate {
            case .i32(let v): push(UInt64(UInt32(bitPattern: v)))
            case .i64(let v): push(UInt64(bitPattern: v))
            case .f32(let bits): push(UInt64(bits))
            case .f64(let bits): push(bits)
            case .v128(let v): stack.append(v)
            case .heapType: push(0)
            case .index(let index) where instruction.opcode == .refFunc:
                push(functions[Int(index)].referenceBits)
            case .index(let index) where instruction.opcode == .globalGet:
                let cell = globals[Int(index)].cell
                stack.append(V128(low: cell.pointee, high: cell[1]))
            default: break
            }
        }
        return stack.last ?? V128(low: 0, high: 0)
    }

    /// The constant instructions of garbage collection: `ref.i31`, `struct.new*`, `array.new*`
    /// (`_fixed`, `_default`), and the conversions, which leave the bits as they are.
    private func evaluateAllocation(
        _ instruction: Instruction, _ stack: inout [V128], _ typeIDs: [Int]
    ) throws(TrapReason) {
        func pop() -> V128 { stack.popLast() ?? V128(low: 0, high: 0) }
        func popCount(_ count: Int) -> [V128] {
            let values = stack.suffix(count)
            stack.removeLast(values.count)
            return Array(values)
        }
        func push(_ bits: UInt64) { stack.append(V128(low: bits, high: 0)) }
        func new(_ type: UInt32, length: UInt64 = 0) throws(TrapReason) -> (UnsafeMutableRawPointer, ObjectLayout) {
            let typeID = typeIDs[Int(type)]
            let object = try allocateObject(typeID: typeID, length: length, frameEnd: nil)
            guard let layout = heap.layout(of: typeID) else { throw .internalError("no layout for type \(typeID)") }
            return (object, layout)
        }
        /// Writes `value` as elements `indices` of the array `object`: one value for all, so that a
        /// long array costs no host memory beyond its own.
        func store(
            _ value: V128, at indices: Range<Int>, _ object: UnsafeMutableRawPointer, _ layout: ObjectLayout
        ) {
            var slots = (value.low, value.high)
            withUnsafeMutablePointer(to: &slots) { pair in
                pair.withMemoryRebound(to: UInt64.self, capacity: 2) { slot in
                    for index in indices {
                        layout.elementKind.store(from: slot, to: object + ObjectLayout.headerBytes, index: index)
                    }
                }
            }
        }
        switch (instruction.opcode, instruction.immediate) {
        case (.refI31, _):
            push(ReferenceBits.make(any: .i31(Int32(bitPattern: UInt32(truncatingIfNeeded: pop().low)))))
        case (.structNew, .index(let type)):
            let (object, layout) = try new(type)
            let values = popCount(layout.fields.count)
            for (value, (field, offset)) in zip(values, zip(layout.fields, layout.fieldOffsets)) {
                object.storeBytes(of: value.low, toByteOffset: offset, as: UInt64.self)
                if field.storage == .value(.v128) {
                    object.storeBytes(of: value.high, toByteOffset: offset + 8, as: UInt64.self)
                }
            }
            push(ReferenceBits.make(object: object))
        case (.structNewDefault, .index(let type)):
            push(ReferenceBits.make(object: try new(type).0))
        case (.arrayNew, .index(let type)):
            let length = UInt64(UInt32(truncatingIfNeeded: pop().low))
            let value = pop()
            let (object, layout) = try new(type, length: length)
            store(value, at: 0..<Int(length), object, layout)
            push(ReferenceBits.make(object: object))
        case (.arrayNewDefault, .index(let type)):
            let length = UInt64(UInt32(truncatingIfNeeded: pop().low))
            push(ReferenceBits.make(object: try new(type, length: length).0))
        case (.arrayNewFixed, .indexPair(let type, let count)):
            let values = popCount(Int(count))
            let (object, layout) = try new(type, length: UInt64(values.count))
            for (index, value) in values.enumerated() { store(value, at: index..<index + 1, object, layout) }
            push(ReferenceBits.make(object: object))
        case (.anyConvertExtern, _), (.externConvertAny, _):
            break
        default:
            throw .internalError("\(instruction.opcode.info.name) in a constant expression")
        }
    }
}

extension Module {
    /// Whether a global, table or element segment is initialized with a new struct or array.
    fileprivate var constantExpressionsAllocate: Bool {
        let expressions =
            globals.map(\.initializer) + tables.compactMap(\.initializer) + elements.flatMap(\.initializers)
        return expressions.contains { expression in
            expression.instructions.contains { instruction in
                switch instruction.opcode {
                case .structNew, .structNewDefault, .arrayNew, .arrayNewDefault, .arrayNewFixed: true
                default: false
                }
            }
        }
    }
}
