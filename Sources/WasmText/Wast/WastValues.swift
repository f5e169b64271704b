/// Constants and result patterns of script commands.
extension WastParser {
    /// `(i32.const n)`, `(f64.const x)`, `(v128.const shape lane*)`, `(ref.null ht)`,
    /// `(ref.extern n)`, `(ref.host n)`.
    mutating func parseValue() throws(TextFormatError) -> WastValue {
        guard case .value(let value) = try parseValueOrPattern(allowPatterns: false) else {
            throw cursor.unexpected(cursor.peek(-1))
        }
        return value
    }

    /// A value or one of the patterns only results may use.
    mutating func parseResult() throws(TextFormatError) -> WastResult {
        try parseValueOrPattern(allowPatterns: true)
    }

    private mutating func parseValueOrPattern(allowPatterns: Bool) throws(TextFormatError) -> WastResult {
        try cursor.expectLeftParen()
        let head = cursor.next()
        guard head.kind == .keyword else { throw cursor.unexpected(head) }
        let name = cursor.text.text(of: head)
        let result: WastResult
        switch name {
        case "i32.const":
            result = .value(.i32(UInt32(truncatingIfNeeded: try integer(bits: 32))))
        case "i64.const":
            result = .value(.i64(try integer(bits: 64)))
        case "f32.const":
            if allowPatterns, let nan = takeNaNPattern() {
                result = .f32NaN(nan)
            } else {
                result = .value(.f32(try float32()))
            }
        case "f64.const":
            if allowPatterns, let nan = takeNaNPattern() {
                result = .f64NaN(nan)
            } else {
                result = .value(.f64(try float64()))
            }
        case "v128.const":
            result = try parseVector(allowPatterns: allowPatterns)
        case "ref.null":
            if cursor.atRightParen {
                guard allowPatterns else { throw cursor.unexpected() }
                result = .anyNull
            } else {
                result = .value(.refNull(try heapType()))
            }
        case "ref.extern", "ref.host":
            if cursor.atRightParen, allowPatterns, name == "ref.extern" {
                result = .referenceOfKind("extern")
            } else {
                let value = try cursor.expectU32()
                result = .value(name == "ref.extern" ? .refExtern(value) : .refHost(value))
            }
        case "ref.func", "ref.struct", "ref.array", "ref.i31", "ref.eq", "ref.exn", "ref.any":
            guard allowPatterns else { throw cursor.unexpected(head) }
            result = .referenceOfKind(String(name.dropFirst(4)))
        case "ref":
            guard allowPatterns else { throw cursor.unexpected(head) }
            result = .anyReference
        case "either":
            guard allowPatterns else { throw cursor.unexpected(head) }
            try enterNested()
            defer { depth -= 1 }
            var alternatives: [WastResult] = []
            while !cursor.atRightParen { alternatives.append(try parseResult()) }
            result = .either(alternatives)
        default:
            throw cursor.unexpected(head)
        }
        try cursor.expectRightParen()
        return result
    }

    private mutating func takeNaNPattern() -> WastNaN? {
        if cursor.take(.nanCanonical) { return .canonical }
        if cursor.take(.nanArithmetic) { return .arithmetic }
        return nil
    }

    private mutating func heapType() throws(TextFormatError) -> WastHeapType {
        let token = cursor.current
        if token.kind == .keyword, ModuleParser.abstractHeapCode(token.keyword) != nil {
            cursor.advance()
            return .abstract(cursor.text.text(of: token))
        }
        return .index(try cursor.expectU32())
    }

    private mutating func parseVector(allowPatterns: Bool) throws(TextFormatError) -> WastResult {
        let shapeToken = cursor.current
        guard shapeToken.kind == .keyword, let shape = WastLaneShape(rawValue: cursor.text.text(of: shapeToken)) else {
            throw cursor.unexpected()
        }
        cursor.advance()
        var lanes: [WastLane] = []
        while !cursor.atRightParen {
            if allowPatterns, shape == .f32x4 || shape == .f64x2, let nan = takeNaNPattern() {
                lanes.append(.nan(nan))
                continue
            }
            switch shape {
            case .f32x4: lanes.append(.bits(UInt64(try float32())))
            case .f64x2: lanes.append(.bits(try float64()))
            default: lanes.append(.bits(try integer(bits: shape.laneBits)))
            }
        }
        guard lanes.count == shape.laneCount else {
            throw cursor.error("wrong number of lane literals", at: shapeToken)
        }
        var exact: [UInt8] = []
        for lane in lanes {
            guard case .bits(let bits) = lane else { return .v128(shape, lanes) }
            for byte in 0..<(shape.laneBits / 8) { exact.append(UInt8(truncatingIfNeeded: bits >> UInt64(8 * byte))) }
        }
        return .value(.v128(exact))
    }

    // MARK: Numbers

    private mutating func integer(bits: Int) throws(TextFormatError) -> UInt64 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.integer(cursor.text.source[token.range], bits: bits) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }

    private mutating func float32() throws(TextFormatError) -> UInt32 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.float32(cursor.text.source[token.range]) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }

    private mutating func float64() throws(TextFormatError) -> UInt64 {
        let token = cursor.current
        guard token.kind == .number else { throw cursor.unexpected() }
        guard let value = NumberParser.float64(cursor.text.source[token.range]) else {
            throw cursor.error("constant out of range", at: token)
        }
        cursor.advance()
        return value
    }
}
