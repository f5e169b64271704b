/// `v128.const`, `i8x16.shuffle` and lane indices.
extension ModuleParser {
    /// `v128.const shape lane*`: as many lanes as the shape has, little-endian lane order.
    mutating func encodeVectorConstant(into writer: inout BinaryWriter) throws(TextFormatError) {
        let shapeToken = cursor.current
        let laneBits: Int
        let isFloat: Bool
        switch shapeToken.kind == .keyword ? shapeToken.keyword : .notAKeyword {
        case .i8x16: (laneBits, isFloat) = (8, false)
        case .i16x8: (laneBits, isFloat) = (16, false)
        case .i32x4: (laneBits, isFloat) = (32, false)
        case .i64x2: (laneBits, isFloat) = (64, false)
        case .f32x4: (laneBits, isFloat) = (32, true)
        case .f64x2: (laneBits, isFloat) = (64, true)
        default: throw cursor.unexpected()
        }
        cursor.advance()
        // The reference parser takes every number that follows and then checks the count.
        let first = cursor.position
        while cursor.current.kind == .number { cursor.advance() }
        let laneTokens = cursor.text.tokens[first..<cursor.position]
        guard laneTokens.count == 128 / laneBits else {
            throw cursor.error("wrong number of lane literals", at: shapeToken)
        }
        for token in laneTokens {
            let text = cursor.text.source[token.range]
            let value: UInt64?
            if isFloat {
                value = laneBits == 32 ? NumberParser.float32(text).map(UInt64.init) : NumberParser.float64(text)
            } else {
                value = NumberParser.integer(text, bits: laneBits)
            }
            guard let value else { throw cursor.error("constant out of range", at: token) }
            for byte in 0..<(laneBits / 8) { writer.byte(UInt8(truncatingIfNeeded: value >> UInt64(8 * byte))) }
        }
    }

    /// Sixteen lane indices.
    mutating func encodeShuffleLanes(into writer: inout BinaryWriter) throws(TextFormatError) {
        let instruction = cursor.peek(-1)
        let first = cursor.position
        while cursor.current.kind == .number { cursor.advance() }
        let laneTokens = cursor.text.tokens[first..<cursor.position]
        guard laneTokens.count == 16 else { throw cursor.error("invalid lane length", at: instruction) }
        for token in laneTokens {
            guard token.isNatural, let lane = NumberParser.natural(cursor.text.source[token.range], bits: 8) else {
                throw cursor.error(laneIndexOutOfRange, at: token)
            }
            writer.byte(UInt8(lane))
        }
    }

    /// The two versions' wording for a lane index that is not a natural number below 256.
    private var laneIndexOutOfRange: String {
        options.webAssembly2 ? "malformed lane index" : "i8 constant out of range"
    }

    /// A lane index, below 256 (validation checks the shape's lane count).
    mutating func laneIndex() throws(TextFormatError) -> UInt8 {
        let token = cursor.current
        guard token.isNatural else { throw cursor.unexpected() }
        guard let lane = NumberParser.natural(cursor.text.source[token.range], bits: 8) else {
            throw cursor.error(laneIndexOutOfRange, at: token)
        }
        cursor.advance()
        return UInt8(lane)
    }

    // MARK: Block starts

    /// The opcode, block type and, for `try_table`, the catch clauses (whose labels are resolved
    /// outside the block being opened).
    mutating func encodeBlockStart(
        _ instruction: StructuredInstruction, mnemonic: Int, into writer: inout BinaryWriter
    ) throws(TextFormatError) {
        guard let row = mnemonics[mnemonic].first else { throw cursor.unexpected() }
        writer.opcode(row)
        try encodeBlockType(into: &writer)
        guard instruction == .tryTable else { return }
        var clauses = BinaryWriter()
        var count = 0
        while cursor.atLeftParen {
            let head = cursor.peek(1)
            guard head.kind == .keyword else { break }
            switch head.keyword {
            case .catch, .catchRef:
                cursor.position += 2
                clauses.byte(head.keyword == .catch ? 0x00 : 0x01)
                clauses.u32(try cursor.expectIndex(in: tags))
                clauses.u32(try labelIndex())
            case .catchAll, .catchAllRef:
                cursor.position += 2
                clauses.byte(head.keyword == .catchAll ? 0x02 : 0x03)
                clauses.u32(try labelIndex())
            default:
                break
            }
            guard [.catch, .catchRef, .catchAll, .catchAllRef].contains(head.keyword) else { break }
            try cursor.expectRightParen()
            count += 1
        }
        writer.u32(count)
        writer.append(clauses.bytes)
    }
}
