extension FunctionValidator {
    /// `drop`, `select`, locals and globals.
    mutating func validateVariable(_ instruction: Instruction) throws(ValidationError) {
        switch (instruction.opcode, instruction.immediate) {
        case (.drop, _):
            _ = try pop()
        case (.select, _):
            try pop(.i32)
            let first = try pop()
            let second = try pop()
            // Untyped `select` chooses between numbers or vectors only.
            for operand in [first, second] {
                if case .known(let type) = operand, type.isReference { throw error("type mismatch") }
                if operand == .unknownReference { throw error("type mismatch") }
            }
            if case .known(let a) = first, case .known(let b) = second, a != b { throw error("type mismatch") }
            push(first == .unknown ? second : first)
        case (.selectTyped, .selectTypes(let types)):
            guard types.count == 1 else { throw error("invalid result arity") }
            try requireWellFormed(types[0])
            try pop(.i32)
            try pop(types[0])
            try pop(types[0])
            push(types[0])
        case (.localGet, .index(let index)):
            let type = try local(index)
            guard isLocalSet(index) else { throw error("uninitialized local") }
            push(type)
        case (.localSet, .index(let index)):
            try pop(try local(index))
            markLocalSet(index)
        case (.localTee, .index(let index)):
            let type = try local(index)
            try pop(type)
            markLocalSet(index)
            push(type)
        case (.globalGet, .index(let index)):
            let type = try global(index)
            if isConstantExpression, type.isMutable { throw error("constant expression required") }
            push(type.valueType)
        case (.globalSet, .index(let index)):
            let type = try global(index)
            guard type.isMutable else { throw error("immutable global") }
            try pop(type.valueType)
        default:
            throw error("unexpected immediate for \(instruction.opcode.info.name)")
        }
    }
}
