extension Translator {
    /// Locals, globals, `drop`, `select` and references: mostly no code, as operands name slots.
    mutating func translateVariable(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.drop, _):
            _ = pop()
            // The dropped value's producer must not be retargeted by a following local.set.
            retargetable = nil
        case (.select, _), (.selectTyped, _):
            let condition = pop()
            let wide = isWide(stack.count - 1)
            let second = pop()
            let first = pop()
            emitProducer(wide ? .select128 : .select, first, second, condition, width: wide ? 2 : 1)
        case (.localGet, .index(let index)):
            let local = local(index)
            pushSlot(local.slot, width: local.width)
        case (.localSet, .index(let index)):
            let (local, width) = local(index)
            let isOnlyReader = !stack.dropLast().contains(local)
            if let producer = retargetable, let top = stack.last, top == home(stack.count - 1),
                code[producer].a == top, isOnlyReader
            {
                code[producer].a = local
                _ = pop()
                retargetable = nil
                if producer == code.count - 1 { joinSteps() }
            } else {
                let value = pop()
                materializeReads(of: local)
                if value != local { emitCopy(local, value, wide: width == 2) }
            }
        case (.localTee, .index(let index)):
            let (local, width) = local(index)
            let isOnlyReader = !stack.dropLast().contains(local)
            if let producer = retargetable, let top = stack.last, top == home(stack.count - 1),
                code[producer].a == top, isOnlyReader
            {
                code[producer].a = local
                stack[stack.count - 1] = local
                retargetable = nil
                if producer == code.count - 1 { joinSteps() }
            } else {
                // As `local.set` then `local.get`: the operand reads the local from now on, so a
                // local or constant is copied once, not first home and from there to the local.
                let value = pop()
                if value != local {
                    materializeReads(of: local)
                    emitCopy(local, value, wide: width == 2)
                }
                pushSlot(local, width: width)
            }
        case (.globalGet, .index(let global)):
            if context.vectorGlobals.contains(global) {
                emitProducer(.globalGet128, 0, global, width: 2)
            } else {
                emitProducer(.globalGet, 0, global)
            }
        case (.globalSet, .index(let global)):
            let value = pop()
            if context.vectorGlobals.contains(global) {
                emit(.globalSet128, value, 0, global)
            } else if !joinGlobalSet(global, of: value) {
                emit(.globalSet, value, 0, global)
            }
        case (.refNull, _):
            pushConstant(0)
        case (.refIsNull, _):
            let value = pop()
            emitProducer(.i64Eqz, value)
        case (.refFunc, .index(let function)):
            emitProducer(.refFunc, 0, function)
        default:
            try translateReferenceOrException(instruction)
        }
    }
}
