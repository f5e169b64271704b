extension Translator {
    /// Loads, stores, bulk memory and table instructions.
    mutating func translateMemoryOrTable(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.memorySize, _):
            emitProducer(.memorySize)
        case (.memoryGrow, _):
            let delta = pop()
            emitProducer(.memoryGrow, delta)
        case (.memoryFill, _):
            let (d, v, n) = popThree()
            emit(.memoryFill, d, v, n)
        case (.memoryCopy, _):
            let (d, s, n) = popThree()
            emit(.memoryCopy, d, s, n)
        case (.memoryInit, .indexPair(let segment, _)):
            let (d, s, n) = popThree()
            emit(.memoryInit, d, s, n, UInt32(InternalOp.memoryInit.rawValue))
            emit(.data, 0, 0, segment)
        case (.dataDrop, .index(let segment)):
            emit(.dataDrop, 0, 0, 0, UInt32(InternalOp.dataDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (.tableGet, .index(let table)):
            let index = pop()
            emitProducer(.tableGet, index, table)
        case (.tableSet, .index(let table)):
            let value = pop()
            let index = pop()
            emit(.tableSet, index, value, table)
        case (.tableSize, .index(let table)):
            emitProducer(.tableSize, 0, table)
        case (.tableGrow, .index(let table)):
            let delta = pop()
            let value = pop()
            emitProducer(.tableGrow, value, delta, UInt32(InternalOp.tableGrow.rawValue))
            emit(.data, 0, 0, table)
        case (.tableFill, .index(let table)):
            let (i, v, n) = popThree()
            emit(.tableFill, i, v, n, UInt32(InternalOp.tableFill.rawValue))
            emit(.data, 0, 0, table)
        case (.tableCopy, .indexPair(let destination, let source)):
            let (d, s, n) = popThree()
            emit(.tableCopy, d, s, n, UInt32(InternalOp.tableCopy.rawValue))
            emit(.data, destination, 0, source)
        case (.tableInit, .indexPair(let segment, let table)):
            let (d, s, n) = popThree()
            emit(.tableInit, d, s, n, UInt32(InternalOp.tableInit.rawValue))
            emit(.data, segment, 0, table)
        case (.elemDrop, .index(let segment)):
            emit(.elemDrop, 0, 0, 0, UInt32(InternalOp.elemDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (_, .memory(let argument)):
            let offset = argument.offset
            guard let op = InternalOp.direct(instruction.opcode) else { throw unsupported(instruction) }
            let signature = instruction.opcode.info.signature
            let isStore = signature?.results.isEmpty == true
            let value = isStore ? pop() : 0
            let address = pop()
            if op == .f64Store, let addition = foldableProducer(of: value), addition.op == .f64AddLoad,
                addition.c == address, UInt64(addition.d) == offset
            {
                // `m = x + m`: load and store share the address, checked once.
                code.removeLast()
                retargetable = nil
                emit(.f64AddToMemory, address, addition.b, addition.d)
            } else if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: isStore) {
                if isStore {
                    emit(fused, sum.base, value, sum.addend)
                } else {
                    emitProducer(fused, sum.base, sum.addend)
                }
            } else if isStore {
                emit(op, address, value, UInt32(truncatingIfNeeded: offset))
            } else {
                emitProducer(op, address, UInt32(truncatingIfNeeded: offset))
            }
        default:
            throw unsupported(instruction)
        }
    }
}
