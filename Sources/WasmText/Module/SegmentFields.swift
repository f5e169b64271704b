/// `(elem ...)` and `(data ...)` segments.
extension ModuleParser {
    enum ElementItems {
        /// `func $f $g ...`: function indices.
        case functions([UInt32])
        /// Constant expressions, each encoded with its `end`.
        case expressions([[UInt8]])

        var count: Int {
            switch self {
            case .functions(let indices): indices.count
            case .expressions(let expressions): expressions.count
            }
        }
    }

    enum SegmentMode {
        case passive
        case declarative
        /// The offset expression is encoded with its `end`.
        case active(table: UInt32, offset: [UInt8])
    }

    mutating func parseElementSegment() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        var mode = SegmentMode.passive
        var isActive = false
        if cursor.take(.declare) {
            mode = .declarative
        } else if cursor.isParenthesized(.table) {
            cursor.position += 2
            let table = try cursor.expectIndex(in: tables)
            try cursor.expectRightParen()
            mode = .active(table: table, offset: try parseOffset())
            isActive = true
        } else if cursor.atIndex, cursor.peek(1).kind == .leftParen {
            // The MVP's bare table index before the offset, which older scripts still use.
            let table = try cursor.expectIndex(in: tables)
            mode = .active(table: table, offset: try parseOffset())
            isActive = true
        } else if cursor.isParenthesized(.offset) || (cursor.atLeftParen && !cursor.isParenthesized(.ref)) {
            mode = .active(table: 0, offset: try parseOffset())
            isActive = true
        }
        var type = TextReferenceType(nullable: false, heap: .function)
        let items: ElementItems
        if cursor.take(.func) {
            items = try parseElementItems(defaultIndices: true)
        } else if isActive, cursor.atRightParen || cursor.atIndex {
            // The MVP form `(elem offset $f ...)` (accepted after `(table x) offset` too).
            items = try parseElementItems(defaultIndices: true)
        } else {
            type = try parseReferenceType()
            items = try parseElementItems(defaultIndices: false)
        }
        try cursor.expectRightParen()
        assembly.elements.append(encodeElementSegment(type: type, items: items, mode: mode))
    }

    /// Function indices, or expressions (`(item instr*)` or one folded instruction each).
    mutating func parseElementItems(defaultIndices: Bool) throws(TextFormatError) -> ElementItems {
        if defaultIndices, !cursor.atLeftParen {
            var indices: [UInt32] = []
            while cursor.atIndex { indices.append(try cursor.expectIndex(in: functions)) }
            return .functions(indices)
        }
        var expressions: [[UInt8]] = []
        while cursor.atLeftParen {
            var writer = BinaryWriter()
            if cursor.takeParenthesized(.item) {
                try parseInstructions(into: &writer)
                try cursor.expectRightParen()
            } else {
                try parseFoldedInstruction(into: &writer)
            }
            writer.byte(0x0B)
            expressions.append(writer.bytes)
        }
        return .expressions(expressions)
    }

    /// `(offset instr*)` or one folded instruction; encoded with its `end`.
    mutating func parseOffset() throws(TextFormatError) -> [UInt8] {
        var writer = BinaryWriter()
        if cursor.takeParenthesized(.offset) {
            try parseInstructions(into: &writer)
            try cursor.expectRightParen()
        } else {
            try parseFoldedInstruction(into: &writer)
        }
        writer.byte(0x0B)
        return writer.bytes
    }

    /// The binary layout follows the reference encoder: function indices when the text listed
    /// functions, expressions otherwise; the short flags when the table is 0 and the type is the
    /// one they imply.
    func encodeElementSegment(type: TextReferenceType, items: ElementItems, mode: SegmentMode) -> [UInt8] {
        // Function indices are the encoding of exactly the type `(ref func)`; the reference
        // encoder uses them whenever the items allow it, and expressions otherwise.
        var items = items
        let isFunctionKind = type == TextReferenceType(nullable: false, heap: .function)
        switch items {
        case .expressions(let expressions):
            if isFunctionKind, let indices = Self.functionIndices(expressions) { items = .functions(indices) }
        case .functions(let indices):
            if !isFunctionKind {
                items = .expressions(
                    indices.map { index in
                        var writer = BinaryWriter()
                        writer.byte(0xD2)
                        writer.u32(index)
                        writer.byte(0x0B)
                        return writer.bytes
                    })
            }
        }
        var writer = BinaryWriter()
        func appendItems() {
            switch items {
            case .functions(let indices):
                writer.u32(indices.count)
                for index in indices { writer.u32(index) }
            case .expressions(let expressions):
                writer.u32(expressions.count)
                for expression in expressions { writer.append(expression) }
            }
        }
        let usesExpressions: Bool
        if case .expressions = items { usesExpressions = true } else { usesExpressions = false }
        func appendKindOrType() {
            if usesExpressions { type.encode(into: &writer) } else { writer.byte(0x00) }
        }
        switch mode {
        case .passive:
            writer.byte(usesExpressions ? 5 : 1)
            appendKindOrType()
        case .declarative:
            writer.byte(usesExpressions ? 7 : 3)
            appendKindOrType()
        case .active(let table, let offset):
            let implied = usesExpressions ? type == .funcref : true
            if table == 0 && implied {
                writer.byte(usesExpressions ? 4 : 0)
                writer.append(offset)
            } else {
                writer.byte(usesExpressions ? 6 : 2)
                writer.u32(table)
                writer.append(offset)
                appendKindOrType()
            }
        }
        appendItems()
        return writer.bytes
    }

    /// The function indices of expressions that are each a single `ref.func`, or nil.
    private static func functionIndices(_ expressions: [[UInt8]]) -> [UInt32]? {
        var indices: [UInt32] = []
        for expression in expressions {
            guard expression.count >= 3, expression[0] == 0xD2, expression[expression.count - 1] == 0x0B else {
                return nil
            }
            var value: UInt64 = 0
            var shift: UInt64 = 0
            for (position, byte) in expression[1..<(expression.count - 1)].enumerated() {
                guard shift < 35 else { return nil }
                value |= UInt64(byte & 0x7F) << shift
                shift += 7
                // The LEB128 must end exactly before the `end`.
                if byte & 0x80 == 0 && position != expression.count - 3 { return nil }
            }
            guard value <= UInt64(UInt32.max) else { return nil }
            indices.append(UInt32(value))
        }
        return indices
    }

    // MARK: Data

    mutating func parseDataSegment() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        var memory: UInt32?
        var offset: [UInt8]?
        if cursor.isParenthesized(.memory) {
            cursor.position += 2
            memory = try cursor.expectIndex(in: memories)
            try cursor.expectRightParen()
            offset = try parseOffset()
        } else if cursor.atIndex, cursor.peek(1).kind == .leftParen {
            // The MVP's bare memory index before the offset.
            memory = try cursor.expectIndex(in: memories)
            offset = try parseOffset()
        } else if cursor.atLeftParen {
            memory = 0
            offset = try parseOffset()
        }
        var bytes: [UInt8] = []
        while cursor.current.kind == .string { bytes.append(contentsOf: try cursor.expectString()) }
        try cursor.expectRightParen()
        if let memory, let offset {
            assembly.data.append(encodeDataSegment(bytes: bytes, memory: memory, offset: offset))
        } else {
            var writer = BinaryWriter()
            writer.byte(1)
            writer.string(bytes)
            assembly.data.append(writer.bytes)
        }
    }

    func encodeDataSegment(bytes: [UInt8], memory: UInt32, offset: [UInt8]) -> [UInt8] {
        var writer = BinaryWriter()
        if memory == 0 {
            writer.byte(0)
        } else {
            writer.byte(2)
            writer.u32(memory)
        }
        writer.append(offset)
        writer.string(bytes)
        return writer.bytes
    }
}
