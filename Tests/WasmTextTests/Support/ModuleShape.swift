import WasmCore

/// A decoded module with everything that depends on byte positions (instruction offsets, code
/// offsets, section offsets) and on optional debug names left out, so that two encodings of the
/// same module compare equal.
struct ModuleShape: Equatable, CustomStringConvertible {
    var types: [SubType]
    var recursionGroups: [Range<Int>]
    var imports: [Import]
    var functionTypeIndices: [UInt32]
    var tables: [Table]
    var tags: [TagType]
    var memories: [MemoryType]
    var globals: [Global]
    var exports: [Export]
    var start: UInt32?
    var elements: [ElementSegment]
    var dataCount: UInt32?
    var codes: [FunctionBody]
    var data: [DataSegment]
    var customSections: [CustomSection]

    init(_ module: Module) {
        types = module.types
        recursionGroups = module.recursionGroups
        imports = module.imports
        functionTypeIndices = module.functionTypeIndices
        tables = module.tables.map { table in
            var table = table
            table.initializer = table.initializer.map(Self.strip)
            return table
        }
        tags = module.tags
        memories = module.memories
        globals = module.globals.map { global in
            var global = global
            global.initializer = Self.strip(global.initializer)
            return global
        }
        exports = module.exports
        start = module.start
        elements = module.elements.map { segment in
            var segment = segment
            segment.initializers = segment.initializers.map(Self.strip)
            if case .active(let table, let offset) = segment.mode {
                segment.mode = .active(table: table, offset: Self.strip(offset))
            }
            return segment
        }
        dataCount = module.dataCount
        codes = module.codes.map { body in
            var body = body
            body.codeOffset = 0
            return body
        }
        data = module.data.map { segment in
            var segment = segment
            if case .active(let memory, let offset) = segment.mode {
                segment.mode = .active(memory: memory, offset: Self.strip(offset))
            }
            return segment
        }
        // wast2json writes no name section; neither does the text parser, but be explicit.
        customSections = module.customSections.filter { $0.name != "name" }
    }

    private static func strip(_ expression: ConstantExpression) -> ConstantExpression {
        var expression = expression
        expression.instructions = expression.instructions.map { Instruction($0.opcode, $0.immediate, offset: 0) }
        return expression
    }

    /// The first field that differs, for failure messages.
    func difference(from other: ModuleShape) -> String? {
        let fields: [(String, Bool)] = [
            ("types", types == other.types), ("recursion groups", recursionGroups == other.recursionGroups),
            ("imports", imports == other.imports), ("tags", tags == other.tags),
            ("functions", functionTypeIndices == other.functionTypeIndices), ("tables", tables == other.tables),
            ("memories", memories == other.memories), ("globals", globals == other.globals),
            ("exports", exports == other.exports), ("start", start == other.start),
            ("elements", elements == other.elements), ("data count", dataCount == other.dataCount),
            ("codes", codes == other.codes), ("data", data == other.data),
            ("custom sections", customSections == other.customSections),
        ]
        return fields.first { !$0.1 }?.0
    }

    var description: String { "module with \(types.count) types, \(codes.count) functions" }
}
