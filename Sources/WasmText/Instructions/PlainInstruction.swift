import WasmCore

/// Instructions other than the structured ones: the opcode from the opcode table, then the
/// immediates its ``ImmediateKind`` calls for, read from the text.
extension ModuleParser {
    mutating func encodePlainInstruction(_ mnemonic: Int, into writer: inout BinaryWriter) throws(TextFormatError) {
        let rows = mnemonics[mnemonic]
        guard var row = rows.first else { throw cursor.unexpected(cursor.peek(-1)) }
        if case .castTarget = row.immediates {
            // `ref.test`/`ref.cast`: the reference type's nullability picks the opcode.
            let target = try parseReferenceType()
            row = rows.first { $0.immediates == .castTarget(nullable: target.nullable) } ?? row
            writer.opcode(row)
            encodeHeapType(target, into: &writer)
            return
        }
        if rows.count > 1 {
            // `select` with `(result ...)` is the typed select.
            let typed = cursor.isParenthesized(.result)
            row = rows.first { ($0.immediates == .selectTypes) == typed } ?? row
        }
        writer.opcode(row)
        try encodeImmediates(row.immediates, into: &writer)
    }

    /// The heap type of a reference type, where an instruction takes one.
    private func encodeHeapType(_ type: TextReferenceType, into writer: inout BinaryWriter) {
        if type.exact { writer.byte(0x62) }
        type.heap.encode(into: &writer)
    }

    private mutating func encodeImmediates(
        _ kind: ImmediateKind, into writer: inout BinaryWriter
    ) throws(TextFormatError) {
        switch kind {
        case .none:
            break
        case .blockType:
            try encodeBlockType(into: &writer)
        case .labelIndex:
            writer.u32(try labelIndex())
        case .branchTable:
            var labels = [try labelIndex()]
            while cursor.atIndex { labels.append(try labelIndex()) }
            writer.u32(labels.count - 1)
            for label in labels { writer.u32(label) }
        case .functionIndex:
            writer.u32(try cursor.expectIndex(in: functions))
        case .callIndirect:
            let table = cursor.atIndex ? try cursor.expectIndex(in: tables) : 0
            let (typeIndex, _) = try resolve(try parseTypeUse(allowNames: false))
            writer.u32(typeIndex)
            writer.u32(table)
        case .selectTypes:
            var types: [TextValueType] = []
            while cursor.takeParenthesized(.result) {
                while !cursor.atRightParen { types.append(try parseValueType()) }
                try cursor.expectRightParen()
            }
            writer.u32(types.count)
            for type in types { type.encode(into: &writer) }
        case .localIndex:
            writer.u32(try localIndex())
        case .globalIndex:
            writer.u32(try cursor.expectIndex(in: globals))
        case .tableIndex:
            writer.u32(cursor.atIndex ? try cursor.expectIndex(in: tables) : 0)
        case .memoryArgument(let natural):
            try encodeMemoryArgument(naturalAlignment: natural, into: &writer)
        case .memoryIndex:
            writer.u32(cursor.atIndex ? try cursor.expectIndex(in: memories) : 0)
        case .i32Constant:
            let bits = try integerLiteral(bits: 32)
            writer.signed(Int64(Int32(truncatingIfNeeded: bits)))
        case .i64Constant:
            writer.signed(Int64(bitPattern: try integerLiteral(bits: 64)))
        case .f32Constant:
            writer.fixed32(try floatLiteral32())
        case .f64Constant:
            writer.fixed64(try floatLiteral64())
        case .heapType:
            encodeHeapType(try parseNullHeapType(), into: &writer)
        case .typeIndex:
            writer.u32(try cursor.expectIndex(in: types.space))
        case .tagIndex:
            writer.u32(try cursor.expectIndex(in: tags))
        case .castTarget:
            encodeHeapType(try parseReferenceType(), into: &writer)
        case .tryTable:
            try encodeBlockType(into: &writer)
        case .fieldAccess:
            let type = try cursor.expectIndex(in: types.space)
            writer.u32(type)
            writer.u32(try fieldIndex(of: type))
        case .typeAndCount:
            writer.u32(try cursor.expectIndex(in: types.space))
            writer.u32(try cursor.expectU32())
        case .typeAndData:
            writer.u32(try cursor.expectIndex(in: types.space))
            writer.u32(try cursor.expectIndex(in: dataSegments))
            assembly.usesDataCount = true
        case .typeAndElement:
            writer.u32(try cursor.expectIndex(in: types.space))
            writer.u32(try cursor.expectIndex(in: elements))
        case .twoTypes:
            writer.u32(try cursor.expectIndex(in: types.space))
            writer.u32(try cursor.expectIndex(in: types.space))
        case .castBranch:
            // `br_on_cast label source target`: the binary puts the two nullabilities first.
            let label = try labelIndex()
            let source = try parseReferenceType()
            let target = try parseReferenceType()
            writer.byte((source.nullable ? 1 : 0) | (target.nullable ? 2 : 0))
            writer.u32(label)
            encodeHeapType(source, into: &writer)
            encodeHeapType(target, into: &writer)
        case .memoryInit:
            // `memory.init memidx? dataidx`; the binary puts the data index first.
            var memory: UInt32 = 0
            if cursor.atIndex, cursor.peek(1).kind == .identifier || cursor.peek(1).isNatural {
                memory = try cursor.expectIndex(in: memories)
            }
            writer.u32(try cursor.expectIndex(in: dataSegments))
            writer.u32(memory)
            assembly.usesDataCount = true
        case .dataIndex:
            writer.u32(try cursor.expectIndex(in: dataSegments))
            assembly.usesDataCount = true
        case .memoryCopy:
            let (destination, source) = try optionalIndexPair(in: memories)
            writer.u32(destination)
            writer.u32(source)
        case .tableInit:
            // `table.init tableidx? elemidx`; the binary puts the element index first.
            var table: UInt32 = 0
            if cursor.atIndex, cursor.peek(1).kind == .identifier || cursor.peek(1).isNatural {
                table = try cursor.expectIndex(in: tables)
            }
            writer.u32(try cursor.expectIndex(in: elements))
            writer.u32(table)
        case .elementIndex:
            writer.u32(try cursor.expectIndex(in: elements))
        case .tableCopy:
            let (destination, source) = try optionalIndexPair(in: tables)
            writer.u32(destination)
            writer.u32(source)
        case .v128Constant:
            try encodeVectorConstant(into: &writer)
        case .shuffleLanes:
            try encodeShuffleLanes(into: &writer)
        case .lane:
            writer.byte(try laneIndex())
        case .memoryLane(let natural):
            // `memidx? memarg laneidx`: a lone number is the lane, not a memory.
            let next = cursor.peek(1)
            let hasMemory =
                cursor.current.kind == .identifier
                || (cursor.atNatural
                    && (next.isNatural || next.keyword == .offsetEquals || next.keyword == .alignEquals))
            try encodeMemoryArgument(naturalAlignment: natural, into: &writer, allowMemory: hasMemory)
            writer.byte(try laneIndex())
        }
    }

    /// Two indices, or none for `0 0`.
    private mutating func optionalIndexPair(in space: IndexSpace) throws(TextFormatError) -> (UInt32, UInt32) {
        guard cursor.atIndex else { return (0, 0) }
        let first = try cursor.expectIndex(in: space)
        return (first, try cursor.expectIndex(in: space))
    }

    /// A field of a struct type: a number, or a name the type's definition gave it.
    private mutating func fieldIndex(of type: UInt32) throws(TextFormatError) -> UInt32 {
        let token = cursor.current
        if token.kind == .identifier {
            guard let index = types.fieldNames[type]?.index(of: token.value) else {
                throw cursor.error("unknown field $\(cursor.displayName(token.value))", at: token)
            }
            cursor.advance()
            return index
        }
        return try cursor.expectU32()
    }

    mutating func localIndex() throws(TextFormatError) -> UInt32 {
        let token = cursor.current
        if token.kind == .identifier {
            guard let index = function.localNames[token.value] else {
                throw cursor.error("unknown local $\(cursor.displayName(token.value))", at: token)
            }
            cursor.advance()
            return index
        }
        return try cursor.expectU32()
    }

    // MARK: Block types

    /// `(type x)? (param t*)* (result t*)*`. Without parameters and with at most one result the
    /// short forms (empty, one value type) are used, as wabt does, also for an explicit type use;
    /// otherwise the type index.
    mutating func encodeBlockType(into writer: inout BinaryWriter) throws(TextFormatError) {
        let use = try parseTypeUse(allowNames: false)
        let signature: TextFunctionType?
        let index: UInt32?
        if use.explicitIndex != nil {
            let resolved = try resolve(use)
            (index, signature) = (resolved.index, resolved.type)
        } else {
            (index, signature) = (nil, use.signature)
        }
        if let signature, signature.parameters.isEmpty, signature.results.count <= 1 {
            if let result = signature.results.first {
                result.encode(into: &writer)
            } else {
                writer.byte(0x40)
            }
            return
        }
        writer.signed(Int64(index ?? types.index(for: use.signature)))
    }

    // MARK: Memory arguments

    /// `memidx? offset=N? align=N?`; the alignment is written as its exponent, with bit 6 set when
    /// a memory index other than 0 follows.
    mutating func encodeMemoryArgument(
        naturalAlignment: UInt8, into writer: inout BinaryWriter, allowMemory: Bool = true
    ) throws(TextFormatError) {
        var memory: UInt32 = 0
        if allowMemory, cursor.atIndex { memory = try cursor.expectIndex(in: memories) }
        var offset: UInt64 = 0
        if cursor.isKeyword(.offsetEquals) {
            let token = cursor.next()
            let digits = cursor.text.source[(token.range.lowerBound + 7)..<token.range.upperBound]
            if options.webAssembly2 {
                guard let value = NumberParser.natural(digits, bits: 32) else {
                    throw cursor.error("i32 constant out of range", at: token)
                }
                offset = value
            } else {
                guard let value = NumberParser.natural(digits, bits: 64) else {
                    throw cursor.error("i64 constant out of range", at: token)
                }
                offset = value
            }
        }
        var exponent = UInt32(naturalAlignment)
        if cursor.isKeyword(.alignEquals) {
            let token = cursor.next()
            let digits = cursor.text.source[(token.range.lowerBound + 6)..<token.range.upperBound]
            guard let value = NumberParser.natural(digits, bits: 64) else {
                throw cursor.error("i64 constant out of range", at: token)
            }
            guard value != 0, value & (value - 1) == 0 else {
                throw cursor.error("alignment must be a power of two", at: token)
            }
            exponent = UInt32(value.trailingZeroBitCount)
        }
        if memory != 0 {
            writer.u32(exponent | 0x40)
            writer.u32(memory)
        } else {
            writer.u32(exponent)
        }
        writer.unsigned(offset)
    }

    // MARK: Numeric literals

    /// Any numeric token, converted to an N-bit integer: "constant out of range" when it is not one.
    mutating func integerLiteral(bits: Int) throws(TextFormatError) -> UInt64 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.integer(cursor.text.source[token.range], bits: bits) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }

    mutating func floatLiteral32() throws(TextFormatError) -> UInt32 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.float32(cursor.text.source[token.range]) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }

    mutating func floatLiteral64() throws(TextFormatError) -> UInt64 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.float64(cursor.text.source[token.range]) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }
}

extension Token {
    var isNatural: Bool { kind == .number && numberClass == .natural }
}
