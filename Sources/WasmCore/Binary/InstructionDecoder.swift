extension ByteReader {
    /// Reads a value type: a number, `v128` (with SIMD), or a reference type.
    public mutating func readValueType(features: WasmFeatures = .default) throws(DecodingError) -> ValueType {
        let start = offset
        switch try readByte() {
        case 0x7F: return .i32
        case 0x7E: return .i64
        case 0x7D: return .f32
        case 0x7C: return .f64
        case 0x7B where features.contains(.simd): return .v128
        default:
            offset = start
            return .ref(try readReferenceType(features: features))
        }
    }

    /// Reads a reference type: a shorthand (`funcref`, `anyref`, ...) or `(ref null? ht)`.
    public mutating func readReferenceType(features: WasmFeatures = .default) throws(DecodingError) -> ReferenceType {
        let start = offset
        let byte = try readByte()
        let typedReferences = features.contains(.functionReferences) || features.contains(.gc)
        if byte == 0x63 || byte == 0x64, typedReferences {
            return ReferenceType(try readHeapType(features: features), nullable: byte == 0x63)
        }
        // A shorthand is the abstract heap type's code as a one-byte signed LEB128 value.
        if byte & 0xC0 == 0x40, let heapType = HeapType(abstractCode: Int64(byte) - 0x80),
            heapType.feature.map(features.contains) ?? true
        {
            return ReferenceType(heapType)
        }
        throw DecodingError("malformed reference type", offset: start)
    }

    /// Reads a heap type: an abstract type's code (negative), or a type index.
    public mutating func readHeapType(features: WasmFeatures = .default) throws(DecodingError) -> HeapType {
        let start = offset
        let code = try readSigned(bits: 33)
        if code >= 0 {
            guard features.contains(.functionReferences) || features.contains(.gc) else {
                throw DecodingError("malformed heap type", offset: start)
            }
            return .concrete(UInt32(code))
        }
        guard let type = HeapType(abstractCode: code), type.feature.map(features.contains) ?? true else {
            throw DecodingError("malformed heap type", offset: start)
        }
        return type
    }

    mutating func readBlockType(features: WasmFeatures = .default) throws(DecodingError) -> BlockType {
        guard let first = peekByte() else { throw error("unexpected end of section or function") }
        if first == 0x40 {
            offset += 1
            return .empty
        }
        // A value type's code has bit 6 set and bit 7 clear; a type index cannot start that way
        // (it would be a negative s33).
        if first & 0xC0 == 0x40 { return .value(try readValueType(features: features)) }
        let start = offset
        let index = try readSigned(bits: 33)
        guard index >= 0 else { throw DecodingError("malformed block type", offset: start) }
        guard index <= Int64(UInt32.max) else { throw DecodingError("integer too large", offset: start) }
        return .typeIndex(UInt32(index))
    }

    /// A memory index: a single zero byte in WebAssembly 2.0, any index with multiple memories.
    mutating func readMemoryIndex(_ features: WasmFeatures) throws(DecodingError) -> UInt32 {
        let start = offset
        guard features.contains(.multiMemory) else {
            let byte = try readByte()
            guard byte == 0 else { throw DecodingError("zero byte expected", offset: start) }
            return 0
        }
        return try readU32()
    }

    /// A `memarg`: alignment exponent, (with multiple memories, when bit 6 of the alignment field
    /// says so) a memory index, and the offset (64 bits wide where 64-bit memories are enabled).
    mutating func readMemoryArgument(_ features: WasmFeatures) throws(DecodingError) -> MemoryArgument {
        let start = offset
        var align = try readU32()
        var memory: UInt32 = 0
        if features.contains(.multiMemory) {
            guard align < 0x80 else { throw DecodingError("malformed memop flags", offset: start) }
            if align & 0x40 != 0 {
                align &= ~0x40
                memory = try readU32()
            }
        }
        let memoryOffset = try readUnsigned(bits: features.contains(.memory64) ? 64 : 32)
        return MemoryArgument(align: align, offset: memoryOffset, memory: memory)
    }

    /// Two hex digits at least, as `%02x` prints.
    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return digits.count < 2 ? "0" + digits : digits
    }

    mutating func readV128() throws(DecodingError) -> V128 {
        let low = try readFixedU64()
        let high = try readFixedU64()
        return V128(low: low, high: high)
    }

    /// Decodes the next instruction, reading its immediates as the opcode table describes. An
    /// instruction of a feature not in `features` is an illegal opcode, as in WebAssembly 2.0.
    public mutating func readInstruction(features: WasmFeatures = .default) throws(DecodingError) -> Instruction {
        let start = offset
        let first = try readByte()
        let opcode: Opcode?
        var sub: UInt32?
        switch first {
        case 0xFB, 0xFC, 0xFD:
            let prefixed = try readU32()
            sub = prefixed
            opcode = OpcodeTable.opcode(prefix: first, sub: prefixed)
        default:
            opcode = OpcodeTable.singleByte[Int(first)]
        }
        guard let opcode, opcode.info.feature.map(features.contains) ?? true else {
            // The reference decoder's words: the opcode's bytes in hex.
            let bytes = [Self.hex(UInt64(first))] + (sub.map { [Self.hex(UInt64($0))] } ?? [])
            throw DecodingError("illegal opcode " + bytes.joined(separator: " "), offset: start)
        }
        let info = opcode.info
        let immediate = try readImmediate(info.immediates, features)
        return Instruction(opcode, immediate, offset: start)
    }

    private mutating func readImmediate(
        _ kind: ImmediateKind, _ features: WasmFeatures
    ) throws(DecodingError) -> Immediate {
        switch kind {
        case .none:
            return .none
        case .blockType:
            return .blockType(try readBlockType(features: features))
        case .labelIndex, .functionIndex, .localIndex, .globalIndex, .tableIndex, .dataIndex, .elementIndex,
            .typeIndex, .tagIndex:
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
            for _ in 0..<count { types.append(try readValueType(features: features)) }
            return .selectTypes(types)
        case .memoryArgument:
            return .memory(try readMemoryArgument(features))
        case .memoryIndex:
            return .index(try readMemoryIndex(features))
        case .i32Constant:
            return .i32(try readS32())
        case .i64Constant:
            return .i64(try readS64())
        case .f32Constant:
            return .f32(try readFixedU32())
        case .f64Constant:
            return .f64(try readFixedU64())
        case .heapType, .castTarget:
            return .heapType(try readHeapType(features: features))
        case .tryTable:
            let blockType = try readBlockType(features: features)
            let count = try readCount(minElementSize: 2)
            var clauses: [CatchClause] = []
            clauses.reserveCapacity(count)
            for _ in 0..<count {
                let start = offset
                let kind = try readByte()
                guard let clauseKind = CatchClause.Kind(rawValue: kind) else {
                    throw DecodingError("malformed catch clause", offset: start)
                }
                let tag = clauseKind.hasTag ? try readU32() : nil
                clauses.append(CatchClause(kind: clauseKind, tag: tag, label: try readU32()))
            }
            return .tryTable(blockType, clauses)
        case .castBranch:
            let start = offset
            let flags = try readByte()
            guard flags <= 3 else { throw DecodingError("malformed cast flags", offset: start) }
            let label = try readU32()
            let source = try readHeapType(features: features)
            return .castBranch(flags: flags, label: label, source: source, target: try readHeapType(features: features))
        case .memoryInit:
            let data = try readU32()
            return .indexPair(data, try readMemoryIndex(features))
        case .memoryCopy:
            let destination = try readMemoryIndex(features)
            return .indexPair(destination, try readMemoryIndex(features))
        case .tableInit, .tableCopy, .fieldAccess, .typeAndCount, .typeAndData, .typeAndElement, .twoTypes:
            let first = try readU32()
            return .indexPair(first, try readU32())
        case .v128Constant:
            return .v128(try readV128())
        case .shuffleLanes:
            return .shuffle(try readV128())
        case .lane:
            return .lane(try readByte())
        case .memoryLane:
            let argument = try readMemoryArgument(features)
            return .memoryLane(argument, lane: try readByte())
        }
    }
}
