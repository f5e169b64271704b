extension Translator {
    /// Loads, stores, bulk memory and table instructions.
    mutating func translateMemoryOrTable(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.memorySize, .index(let memory)) where isFastMemory(memory):
            emitProducer(.memorySize)
        case (.memoryGrow, .index(let memory)) where isFastMemory(memory):
            let delta = pop()
            emitProducer(.memoryGrow, delta)
        case (.memoryFill, .index(let memory)) where isFastMemory(memory):
            let (d, v, n) = popThree()
            emit(.memoryFill, d, v, n)
        case (.memoryCopy, .indexPair(let destination, let source))
        where isFastMemory(destination) && isFastMemory(source):
            let (d, s, n) = popThree()
            emit(.memoryCopy, d, s, n)
        case (.memorySize, .index(let memory)):
            emitProducer(.memorySizeAt, 0, 0, UInt32(InternalOp.memorySizeAt.rawValue))
            emit(.data, 0, 0, memory)
        case (.memoryGrow, .index(let memory)):
            let delta = pop()
            emitProducer(.memoryGrowAt, delta, 0, UInt32(InternalOp.memoryGrowAt.rawValue))
            emit(.data, 0, 0, memory)
        case (.memoryFill, .index(let memory)):
            let (d, v, n) = popThree()
            emit(.memoryFillAt, d, v, n, UInt32(InternalOp.memoryFillAt.rawValue))
            emit(.data, 0, 0, memory)
        case (.memoryCopy, .indexPair(let destination, let source)):
            let (d, s, n) = popThree()
            emit(.memoryCopyAt, d, s, n, UInt32(InternalOp.memoryCopyAt.rawValue))
            emit(.data, source, 0, destination)
        case (.memoryInit, .indexPair(let segment, let memory)):
            let (d, s, n) = popThree()
            emit(.memoryInit, d, s, n, UInt32(InternalOp.memoryInit.rawValue))
            emit(.data, memory, 0, segment)
        case (.dataDrop, .index(let segment)):
            emit(.dataDrop, 0, 0, 0, UInt32(InternalOp.dataDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (.tableGet, .index(let table)):
            narrowTableIndex(fromTop: 1, table)
            let index = pop()
            emitProducer(.tableGet, index, table)
        case (.tableSet, .index(let table)):
            narrowTableIndex(fromTop: 2, table)
            let value = pop()
            let index = pop()
            emit(.tableSet, index, value, table)
        case (.tableSize, .index(let table)):
            emitProducer(.tableSize, 0, table)
            // The size of a table fits 32 bits; a 64-bit table's is the same number.
            if isTable64(table) { extendTop(.i64ExtendI32U) }
        case (.tableGrow, .index(let table)):
            narrowTableIndex(fromTop: 1, table)
            let delta = pop()
            let value = pop()
            emitProducer(.tableGrow, value, delta, UInt32(InternalOp.tableGrow.rawValue))
            emit(.data, 0, 0, table)
            // -1 stays -1 in 64 bits; an old size fits 31 bits.
            if isTable64(table) { extendTop(.i64ExtendI32S) }
        case (.tableFill, .index(let table)):
            narrowTableIndex(fromTop: 3, table)
            narrowTableIndex(fromTop: 1, table)
            let (i, v, n) = popThree()
            emit(.tableFill, i, v, n, UInt32(InternalOp.tableFill.rawValue))
            emit(.data, 0, 0, table)
        case (.tableCopy, .indexPair(let destination, let source)):
            narrowTableIndex(fromTop: 3, destination)
            narrowTableIndex(fromTop: 2, source)
            // The count is 64-bit only when both tables are.
            if isTable64(source) { narrowTableIndex(fromTop: 1, destination) }
            let (d, s, n) = popThree()
            emit(.tableCopy, d, s, n, UInt32(InternalOp.tableCopy.rawValue))
            emit(.data, destination, 0, source)
        case (.tableInit, .indexPair(let segment, let table)):
            narrowTableIndex(fromTop: 3, table)
            let (d, s, n) = popThree()
            emit(.tableInit, d, s, n, UInt32(InternalOp.tableInit.rawValue))
            emit(.data, segment, 0, table)
        case (.elemDrop, .index(let segment)):
            emit(.elemDrop, 0, 0, 0, UInt32(InternalOp.elemDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (_, .memory(let argument)) where !isFastMemory(argument.memory):
            try translateWindowed(instruction, argument)
        case (_, .memory(let argument)):
            let offset = argument.offset
            guard let op = InternalOp.direct(instruction.opcode) else { throw unsupported(instruction) }
            let signature = instruction.opcode.info.signature
            let isStore = signature?.results.isEmpty == true
            let value = isStore ? pop() : 0
            let address = pop()
            if !isStore, let stored = storedValue(reloadedBy: instruction.opcode, address, offset) {
                if isTemporary(stored) { emitProducer(.copy, stored) } else { pushSlot(stored) }
            } else if op == .f64Store, let addition = foldableProducer(of: value), addition.op == .f64AddLoad,
                addition.c == address, UInt64(addition.d) == offset
            {
                // `m = x + m`: load and store share the address, checked once.
                code.removeLast()
                retargetable = nil
                if offset == 0, let sum = takeSumKept(in: address) {
                    emit(.f64AddToMemoryAtSum, address, sum.base, sum.addend, addition.b)
                } else {
                    emit(.f64AddToMemory, address, addition.b, addition.d)
                }
            } else if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: isStore) {
                if isStore {
                    emit(fused, sum.base, value, sum.addend)
                } else {
                    emitProducer(fused, sum.base, sum.addend)
                }
            } else if isStore {
                emit(op, address, value, UInt32(truncatingIfNeeded: offset))
                lastStore = (code[code.count - 1], instruction.opcode)
            } else if let fused = op.fusion(of: .copy, resultIsFirstOperand: true),
                let shortOffset = UInt16(exactly: offset), let source = takeCopy(into: address)
            {
                emitProducer(fused, source, address, UInt32(shortOffset))
            } else {
                emitProducer(op, address, UInt32(truncatingIfNeeded: offset))
            }
        default:
            throw unsupported(instruction)
        }
    }

    /// Memory 0 with 32-bit addresses: its base and size ride in the handlers' registers, and its
    /// accesses are single instructions.
    func isFastMemory(_ memory: UInt32) -> Bool {
        memory == 0 && context.memoryIs64.first == false
    }

    func isTable64(_ table: UInt32) -> Bool { context.tableIs64[Int(table)] }

    /// Before a table instruction takes its operands: the one `depth` from the top, an index or
    /// count of a 64-bit table, becomes the 32-bit operand the table handlers read, in its home.
    mutating func narrowTableIndex(fromTop depth: Int, _ table: UInt32) {
        guard isTable64(table) else { return }
        let position = stack.count - depth
        let target = home(position)
        emit(.tableIndexFromI64, target, stack[position])
        stack[position] = target
    }

    /// Replaces the 32-bit value on top of the stack with its extension to 64 bits.
    mutating func extendTop(_ op: InternalOp) {
        let value = pop()
        emitProducer(op, value)
    }

    /// A load or store on any other memory: `memory.window` narrows the memory registers to the
    /// bytes from `address + offset` on, the access runs at address 0 of that window, and
    /// `memory.window_end` restores memory 0's registers.
    mutating func translateWindowed(_ instruction: Instruction, _ argument: MemoryArgument, lane: UInt8? = nil) throws {
        guard let op = InternalOp.direct(instruction.opcode), let signature = instruction.opcode.info.signature else {
            throw unsupported(instruction)
        }
        let isStore = signature.results.isEmpty
        let value = signature.parameters.count == 2 ? pop() : 0
        let address = pop()
        pushConstant(0)
        let zero = pop()
        let is64: UInt32 = context.memoryIs64[Int(argument.memory)] ? 1 : 0
        emit(.memoryWindow, address, argument.memory, is64)
        emit(
            .data, UInt32(truncatingIfNeeded: argument.offset), 0, UInt32(truncatingIfNeeded: argument.offset >> 32))
        if let lane {
            if isStore {
                emit(op, zero, value, UInt32(lane))
            } else {
                emitProducer(op, zero, value, UInt32(lane), width: 2)
            }
            emit(.data)
        } else if isStore {
            emit(op, zero, value, 0)
        } else {
            emitProducer(op, zero, 0, width: signature.results.slotCount)
        }
        emit(.memoryWindowEnd)
    }
}
