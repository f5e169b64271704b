extension ByteReader {
    /// Reads a value type byte.
    public mutating func readValueType() throws(DecodingError) -> ValueType {
        let start = offset
        let byte = try readByte()
        guard let type = ValueType(rawValue: byte) else {
            throw DecodingError("malformed value type", offset: start)
        }
        return type
    }

    public mutating func readReferenceType() throws(DecodingError) -> ValueType {
        let start = offset
        let byte = try readByte()
        guard let type = ValueType(rawValue: byte), type.isReference else {
            throw DecodingError("malformed reference type", offset: start)
        }
        return type
    }

    mutating func readBlockType() throws(DecodingError) -> BlockType {
        guard let first = peekByte() else { throw error("unexpected end") }
        if first == 0x40 {
            offset += 1
            return .empty
        }
        if let type = ValueType(rawValue: first) {
            offset += 1
            return .value(type)
        }
        let start = offset
        let index = try readSigned(bits: 33)
        guard index >= 0 else { throw DecodingError("malformed block type", offset: start) }
        guard index <= Int64(UInt32.max) else { throw DecodingError("integer too large", offset: start) }
        return .typeIndex(UInt32(index))
    }

    /// A memory index that WebAssembly 2.0 requires to be a single zero byte.
    mutating func readZeroByte() throws(DecodingError) -> UInt32 {
        let start = offset
        let byte = try readByte()
        guard byte == 0 else { throw DecodingError("zero byte expected", offset: start) }
        return 0
    }

    mutating func readMemoryArgument() throws(DecodingError) -> (align: UInt32, offset: UInt64) {
        let align = try readU32()
        let memoryOffset = try readUnsigned(bits: 32)
        return (align, memoryOffset)
    }

    mutating func readV128() throws(DecodingError) -> V128 {
        let low = try readFixedU64()
        let high = try readFixedU64()
        return V128(low: low, high: high)
    }

    /// Decodes the next instruction, reading its immediates as the opcode table describes.
    public mutating func readInstruction() throws(DecodingError) -> Instruction {
        let start = offset
        let first = try readByte()
        let opcode: Opcode?
        switch first {
        case 0xFC:
            let sub = try readU32()
            opcode = sub < 256 ? OpcodeTable.prefixedFC[Int(sub)] : nil
        case 0xFD:
            let sub = try readU32()
            opcode = sub < 256 ? OpcodeTable.prefixedFD[Int(sub)] : nil
        default:
            opcode = OpcodeTable.singleByte[Int(first)]
        }
        guard let opcode else { throw DecodingError("illegal opcode", offset: start) }
        let immediate = try readImmediate(opcode.info.immediates)
        return Instruction(opcode, immediate, offset: start)
    }

    private mutating func readImmediate(_ kind: ImmediateKind) throws(DecodingError) -> Immediate {
        switch kind {
        case .none:
            return .none
        case .blockType:
            return .blockType(try readBlockType())
        case .labelIndex, .functionIndex, .localIndex, .globalIndex, .tableIndex, .dataIndex, .elementIndex:
            return .index(try readU32())
        case .branchTable:
            let count = try readCount()
            var targets: [UInt32] = []
            targets.reserveCapacity(count)
            for _ in 0..<count { targets.append(try readU32()) }
            return .branchTable(targets: targets, defaultTarget: try readU32())
        case .callIndirect:
            let type = try readU32()
            return .indexPair(type, try readU32())
        case .selectTypes:
            let count = try readCount()
            var types: [ValueType] = []
            for _ in 0..<count { types.append(try readValueType()) }
            return .selectTypes(types)
        case .memoryArgument:
            let arg = try readMemoryArgument()
            return .memory(align: arg.align, offset: arg.offset)
        case .memoryIndex:
            return .index(try readZeroByte())
        case .i32Constant:
            return .i32(try readS32())
        case .i64Constant:
            return .i64(try readS64())
        case .f32Constant:
            return .f32(try readFixedU32())
        case .f64Constant:
            return .f64(try readFixedU64())
        case .referenceType:
            return .referenceType(try readReferenceType())
        case .memoryInit:
            let data = try readU32()
            return .indexPair(data, try readZeroByte())
        case .memoryCopy:
            let destination = try readZeroByte()
            return .indexPair(destination, try readZeroByte())
        case .tableInit, .tableCopy:
            let first = try readU32()
            return .indexPair(first, try readU32())
        case .v128Constant:
            return .v128(try readV128())
        case .shuffleLanes:
            return .shuffle(try readV128())
        case .lane:
            return .lane(try readByte())
        case .memoryLane:
            let arg = try readMemoryArgument()
            return .memoryLane(align: arg.align, offset: arg.offset, lane: try readByte())
        }
    }
}
