extension ByteReader {
    /// Reads a value type. Codes of enabled features this engine cannot represent yet (typed
    /// references, GC's abstract types, `exnref`) are reported as unsupported, not malformed.
    public mutating func readValueType(features: WasmFeatures = .default) throws(DecodingError) -> ValueType {
        let start = offset
        let byte = try readByte()
        if let type = ValueType(rawValue: byte), type != .v128 || features.contains(.simd) { return type }
        if let feature = Self.featureOfValueTypeCode(byte), features.contains(feature) {
            throw .unsupported(feature, offset: start)
        }
        throw DecodingError("malformed value type", offset: start)
    }

    public mutating func readReferenceType(features: WasmFeatures = .default) throws(DecodingError) -> ValueType {
        let start = offset
        let byte = try readByte()
        if let type = ValueType(rawValue: byte), type.isReference { return type }
        if let feature = Self.featureOfValueTypeCode(byte), features.contains(feature) {
            throw .unsupported(feature, offset: start)
        }
        throw DecodingError("malformed reference type", offset: start)
    }

    /// The feature a value type code beyond WebAssembly 2.0 belongs to: `(ref null ht)` and
    /// `(ref ht)`, or an abstract heap type's shorthand.
    static func featureOfValueTypeCode(_ byte: UInt8) -> WasmFeature? {
        switch byte {
        case 0x63, 0x64: .functionReferences
        default: HeapTypeCode.feature(of: Int64(byte) - 0x80)
        }
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
        let index = try readU32()
        if index != 0, WasmFeature.multiMemory.support < .validation {
            throw .unsupported(.multiMemory, offset: start)
        }
        return index
    }

    /// A `memarg`: alignment exponent, (with multiple memories, when bit 6 of the alignment field
    /// says so) a memory index, and the offset (64 bits wide where 64-bit memories are enabled).
    mutating func readMemoryArgument(_ features: WasmFeatures) throws(DecodingError) -> (align: UInt32, offset: UInt64)
    {
        let start = offset
        var align = try readU32()
        if features.contains(.multiMemory), align & 0x40 != 0 {
            align &= ~0x40
            let memory = try readU32()
            if memory != 0, WasmFeature.multiMemory.support < .validation {
                throw .unsupported(.multiMemory, offset: start)
            }
        }
        let memoryOffset = try readUnsigned(bits: features.contains(.memory64) ? 64 : 32)
        return (align, memoryOffset)
    }

    /// A heap type as its signed LEB128 code: negative for an abstract type, else a type index.
    mutating func readHeapTypeCode() throws(DecodingError) -> Int64 {
        try readSigned(bits: 33)
    }

    /// `ref.null`'s heap type, as far as WebAssembly 2.0's reference types express it.
    mutating func readNullableReference(_ features: WasmFeatures) throws(DecodingError) -> ValueType {
        let start = offset
        let code = try readHeapTypeCode()
        switch code {
        case -0x10: return .funcref
        case -0x11: return .externref
        default:
            if let feature = HeapTypeCode.feature(of: code), features.contains(feature) {
                throw .unsupported(feature, offset: start)
            }
            throw DecodingError("malformed reference type", offset: start)
        }
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
        switch first {
        case 0xFB, 0xFC, 0xFD:
            opcode = OpcodeTable.opcode(prefix: first, sub: try readU32())
        default:
            opcode = OpcodeTable.singleByte[Int(first)]
        }
        guard let opcode else { throw DecodingError("illegal opcode", offset: start) }
        let info = opcode.info
        if let feature = info.feature, !features.contains(feature) {
            throw DecodingError("illegal opcode", offset: start)
        }
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
            let arg = try readMemoryArgument(features)
            return .memory(align: arg.align, offset: arg.offset)
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
        case .heapType:
            return .referenceType(try readNullableReference(features))
        case .castTarget:
            return .heapType(try readHeapTypeCode())
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
            let source = try readHeapTypeCode()
            return .castBranch(flags: flags, label: label, source: source, target: try readHeapTypeCode())
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
            let arg = try readMemoryArgument(features)
            return .memoryLane(align: arg.align, offset: arg.offset, lane: try readByte())
        }
    }
}
