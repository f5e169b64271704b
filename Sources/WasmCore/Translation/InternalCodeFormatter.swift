/// One operand of an internal instruction, as the instruction table describes it (for listings).
struct InternalOperand {
    enum Field { case a, b, c, d, c32 }
    enum Role: Equatable {
        case result, slot, immediate, signedImmediate, target
        case index(String)
    }
    let field: Field
    let role: Role
    let name: String

    init(_ field: Field, _ role: Role, _ name: String) {
        self.field = field
        self.role = role
        self.name = name
    }
}

extension Store {
    /// The internal code a wasm function translates to, one instruction a line
    /// (`vudo disasm --internal`); for studying the translator and for docs/interpreter.md.
    /// Slots are `sN`, branch targets `@index`.
    @_spi(Tools) public func internalCode(of function: FunctionAddress) throws(Trap) -> String {
        let entry = functions[function.index].entry
        guard !entry.pointee.isHost, let instance = entry.pointee.instance else { return "host function" }
        let output: Translator.Output
        do {
            guard let translation = instance.translationContext else {
                throw Trap(.internalError("no translation context"))
            }
            output = try ModuleValidator(module: instance.module).translate(
                definedFunction: entry.pointee.definedIndex, with: translation)
        } catch {
            throw Trap(.internalError("\(error)"))
        }
        var lines = ["frame size \(output.frameSize) slots"]
        var dataWordsLeft = 0
        for (index, instruction) in output.code.enumerated() {
            if dataWordsLeft > 0 {
                dataWordsLeft -= 1
                let isTarget = index > 0 && output.code[index - 1].op.hasTargetInDataWord
                let operands =
                    isTarget
                    ? "@\(index + Int(Int32(bitPattern: instruction.c)))" : "\(instruction.a) \(instruction.c)"
                lines.append("\(index)".padding(toLength: 5) + "data".padding(toLength: 22) + " " + operands)
                continue
            }
            dataWordsLeft = instruction.op.dataWords
            let operands = instruction.op.operands.map { Self.text(of: $0, in: instruction, at: index) }
            lines.append(
                "\(index)".padding(toLength: 5) + "\(instruction.op)".padding(toLength: 22) + " "
                    + operands.joined(separator: " "))
        }
        return lines.joined(separator: "\n")
    }

    private static func text(of operand: InternalOperand, in instruction: EmittedInstruction, at index: Int) -> String {
        let bits = instruction[field: operand.field]
        switch operand.role {
        case .result, .slot: return "s\(bits)"
        case .immediate: return "\(bits)"
        case .signedImmediate:
            return operand.field == .c32 ? "\(Int32(bitPattern: bits))" : "\(Int16(truncatingIfNeeded: bits))"
        case .target:
            let offset = operand.field == .c32 ? Int(Int32(bitPattern: bits)) : Int(Int16(truncatingIfNeeded: bits))
            return "@\(index + offset)"
        case .index(let what): return "\(what)[\(bits)]"
        }
    }
}
