extension Translator {
    /// v128 instructions: constants (two constant slots), loads and stores, lane accesses and the
    /// lane-wise operations, most of them one internal instruction each.
    mutating func translateVector(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.v128Const, .v128(let value)):
            pushConstant(value)
        case (.i8x16Shuffle, .shuffle(let lanes)):
            let y = pop()
            let x = pop()
            if let words = Self.wordLanes(lanes) {
                emitProducer(.i8x16ShuffleWords, x, y, words, width: 2)
            } else {
                // The lane indices become a constant operand.
                emitProducer(.i8x16Shuffle, x, y, constantSlot(lanes), width: 2)
            }
        case (_, .memory(let argument)) where !isFastMemory(argument.memory):
            try translateWindowed(instruction, argument)
        case (_, .memoryLane(let argument, let lane)) where !isFastMemory(argument.memory):
            try translateWindowed(instruction, argument, lane: lane)
        case (_, .memory(let argument)):
            let offset = UInt32(truncatingIfNeeded: argument.offset)
            guard let op = InternalOp.direct(instruction.opcode) else { throw unsupported(instruction) }
            if instruction.opcode == .v128Store {
                let value = pop()
                let address = pop()
                if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: true) {
                    emit(fused, sum.base, value, sum.addend)
                } else {
                    emit(op, address, value, offset)
                }
            } else {
                let address = pop()
                if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: false) {
                    emitProducer(fused, sum.base, sum.addend, width: 2)
                } else {
                    emitProducer(op, address, offset, width: 2)
                }
            }
        case (_, .memoryLane(let argument, let lane)):
            let offset = argument.offset
            guard let op = InternalOp.direct(instruction.opcode) else { throw unsupported(instruction) }
            let vector = pop()
            let address = pop()
            // The offset follows in a data word.
            if instruction.opcode.info.signature?.results.isEmpty == true {
                emit(op, address, vector, UInt32(lane))
            } else {
                emitProducer(op, address, vector, UInt32(lane), width: 2)
            }
            emit(.data, 0, 0, UInt32(truncatingIfNeeded: offset))
        case (_, .lane(let lane)):
            guard let op = InternalOp.direct(instruction.opcode), let signature = instruction.opcode.info.signature
            else { throw unsupported(instruction) }
            if signature.parameters.count == 2 {
                let y = pop()
                let x = pop()
                emitProducer(op, x, y, UInt32(lane), width: 2)
            } else {
                emitProducer(op, pop(), UInt32(lane), width: signature.results.slotCount)
            }
        default:
            guard let op = InternalOp.direct(instruction.opcode), let signature = instruction.opcode.info.signature,
                signature.parameters.count <= 3
            else { throw unsupported(instruction) }
            var operands: [UInt32] = [0, 0, 0]
            for k in (0..<signature.parameters.count).reversed() { operands[k] = pop() }
            if signature.parameters.count == 2, let fused = takeFoldableOperand(into: op, operands[0], operands[1]) {
                emitProducer(fused.op, fused.b, fused.c, fused.d, width: 2)
            } else {
                emitProducer(op, operands[0], operands[1], operands[2], width: signature.results.slotCount)
            }
        }
    }

    /// When a shuffle's 16 lane indices pick whole 32-bit lanes (4k, 4k+1, 4k+2, 4k+3 in each
    /// group of four), the four lane numbers k, 3 bits each (`i8x16.shuffle_words`).
    static func wordLanes(_ lanes: V128) -> UInt32? {
        var words: UInt32 = 0
        for group in 0..<4 {
            let first = lanes.byte(4 * group)
            guard first % 4 == 0, first < 32 else { return nil }
            for k in 1..<4 where lanes.byte(4 * group + k) != first + UInt8(k) { return nil }
            words |= UInt32(first / 4) << (3 * UInt32(group))
        }
        return words
    }
}
