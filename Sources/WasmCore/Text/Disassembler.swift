/// Renders function bodies in a form close to the WebAssembly text format, driven by the opcode
/// table's names and immediate kinds.
public struct Disassembler {
    public let module: Module

    public init(module: Module) {
        self.module = module
    }

    /// The body of the `index`-th defined function (imports not counted), one instruction a line.
    public func disassemble(definedFunction index: Int) throws -> String {
        guard index >= 0, index < module.codes.count else {
            throw ValidationError("unknown function \(index)")
        }
        let body = module.codes[index]
        let functionIndex = module.importedFunctionTypes.count + index
        let typeIndex = module.functionTypeIndices[index]
        let type = module.functionType(at: typeIndex)?.description ?? "type \(typeIndex)"
        let name = module.names.functionNames[UInt32(functionIndex)].map { " $\($0)" } ?? ""
        var lines = ["(func \(functionIndex)\(name) \(type)"]
        for (count, localType) in zip(body.localCounts, body.localTypes) {
            lines.append("  (local \(count) x \(localType))")
        }
        var reader = ByteReader(bytes: body.code)
        var depth = 1
        while !reader.isAtEnd {
            let instruction = try reader.readInstruction(features: module.features)
            switch instruction.opcode {
            case .end, .else: depth -= 1
            default: break
            }
            if instruction.opcode == .end, depth == 0 { break }
            // Indentation stops growing past 32 levels so that output stays linear in the input.
            let indent = String(repeating: "  ", count: min(max(depth, 1), 32))
            lines.append(indent + Self.text(of: instruction))
            switch instruction.opcode {
            case .block, .loop, .if, .else: depth += 1
            default: break
            }
        }
        lines.append(")")
        return lines.joined(separator: "\n")
    }

    public func disassembleAll() throws -> String {
        try (0..<module.codes.count).map { try disassemble(definedFunction: $0) }.joined(separator: "\n")
    }

    /// One instruction in text form.
    private static func blockTypeText(_ type: BlockType) -> String {
        switch type {
        case .empty: ""
        case .value(let v): " (result \(v))"
        case .typeIndex(let i): " (type \(i))"
        }
    }

    public static func text(of instruction: Instruction) -> String {
        let name = instruction.opcode.info.name
        switch instruction.immediate {
        case .none: return name
        case .blockType(let type): return name + blockTypeText(type)
        case .index(let i): return "\(name) \(i)"
        case .indexPair(let a, let b):
            if instruction.opcode == .callIndirect { return "\(name) \(b) (type \(a))" }
            return "\(name) \(a) \(b)"
        case .branchTable(let targets, let defaultTarget):
            return name + " " + (targets + [defaultTarget]).map(String.init).joined(separator: " ")
        case .selectTypes(let types): return "\(name) (result " + types.map(\.description).joined(separator: " ") + ")"
        case .memory(let argument): return name + memoryArgumentText(argument)
        case .memoryLane(let argument, let lane): return name + memoryArgumentText(argument) + " \(lane)"
        case .i32(let v): return "\(name) \(v)"
        case .i64(let v): return "\(name) \(v)"
        case .f32(let bits): return "\(name) \(Float(bitPattern: bits))"
        case .f64(let bits): return "\(name) \(Double(bitPattern: bits))"
        case .heapType(let type) where instruction.opcode == .refNull: return "\(name) \(type)"
        case .heapType(let type):
            let nullable = instruction.opcode == .refTestNull || instruction.opcode == .refCastNull
            return "\(name) \(ReferenceType(type, nullable: nullable))"
        case .tryTable(let blockType, let clauses):
            let handlers = clauses.map { clause in
                "(\(clause.kind.name)\(clause.tag.map { " \($0)" } ?? "") \(clause.label))"
            }
            return ([name + blockTypeText(blockType)] + handlers).joined(separator: " ")
        case .castBranch(let flags, let label, let source, let target):
            let from = ReferenceType(source, nullable: flags & 1 != 0)
            let to = ReferenceType(target, nullable: flags & 2 != 0)
            return "\(name) \(label) \(from) \(to)"
        case .v128(let v): return "\(name) i64x2 \(v.low) \(v.high)"
        case .lane(let l): return "\(name) \(l)"
        case .shuffle(let v): return name + " " + (0..<16).map { String(v.byte($0)) }.joined(separator: " ")
        }
    }

    /// A `memarg` as the text format writes it: the memory index only when it is not 0.
    private static func memoryArgumentText(_ argument: MemoryArgument) -> String {
        let memory = argument.memory == 0 ? "" : " \(argument.memory)"
        return "\(memory) offset=\(argument.offset) align=\(1 << min(argument.align, 63))"
    }
}
