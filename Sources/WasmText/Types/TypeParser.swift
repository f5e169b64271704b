/// Value types, reference types and type definitions.
extension ModuleParser {
    static func abstractHeapCode(_ keyword: Keyword) -> UInt8? {
        switch keyword {
        case .func: 0x70
        case .extern: 0x6F
        case .any: 0x6E
        case .eq: 0x6D
        case .i31: 0x6C
        case .struct: 0x6B
        case .array: 0x6A
        case .exn: 0x69
        case .none: 0x71
        case .noextern: 0x72
        case .nofunc: 0x73
        case .noexn: 0x74
        default: nil
        }
    }

    /// The shorthand reference types (`funcref`, `anyref`, ...), as their heap type's code.
    static func shorthandReferenceCode(_ keyword: Keyword) -> UInt8? {
        switch keyword {
        case .funcref: 0x70
        case .externref: 0x6F
        case .anyref: 0x6E
        case .eqref: 0x6D
        case .i31ref: 0x6C
        case .structref: 0x6B
        case .arrayref: 0x6A
        case .exnref: 0x69
        case .nullref: 0x71
        case .nullexternref: 0x72
        case .nullfuncref: 0x73
        case .nullexnref: 0x74
        default: nil
        }
    }

    static func numericTypeCode(_ keyword: Keyword) -> UInt8? {
        switch keyword {
        case .i32: 0x7F
        case .i64: 0x7E
        case .f32: 0x7D
        case .f64: 0x7C
        case .v128: 0x7B
        default: nil
        }
    }

    /// True when a value type starts here (used to end lists of types).
    var atValueType: Bool {
        let token = cursor.current
        if token.kind == .keyword {
            return Self.numericTypeCode(token.keyword) != nil || Self.shorthandReferenceCode(token.keyword) != nil
        }
        return cursor.isParenthesized(.ref)
    }

    mutating func parseValueType() throws(TextFormatError) -> TextValueType {
        let token = cursor.current
        if token.kind == .keyword {
            if let code = Self.numericTypeCode(token.keyword) {
                cursor.advance()
                return .numeric(code)
            }
            if let code = Self.shorthandReferenceCode(token.keyword) {
                cursor.advance()
                return .reference(TextReferenceType(nullable: true, heap: .abstract(code)))
            }
        }
        if cursor.isParenthesized(.ref) { return .reference(try parseReferenceType()) }
        throw cursor.unexpected()
    }

    mutating func parseReferenceType() throws(TextFormatError) -> TextReferenceType {
        let token = cursor.current
        if token.kind == .keyword, let code = Self.shorthandReferenceCode(token.keyword) {
            cursor.advance()
            return TextReferenceType(nullable: true, heap: .abstract(code))
        }
        guard cursor.takeParenthesized(.ref) else { throw cursor.unexpected() }
        let nullable = cursor.take(.null)
        var type = try parseHeapTypeOrExact()
        type.nullable = nullable
        try cursor.expectRightParen()
        return type
    }

    /// A heap type, possibly `(exact idx)`; the nullability is left for the caller.
    private mutating func parseHeapTypeOrExact() throws(TextFormatError) -> TextReferenceType {
        if cursor.takeParenthesized(.exact) {
            let index = try cursor.expectIndex(in: types.space)
            try cursor.expectRightParen()
            return TextReferenceType(nullable: false, heap: .index(index), exact: true)
        }
        return TextReferenceType(nullable: false, heap: try parseHeapType())
    }

    mutating func parseHeapType() throws(TextFormatError) -> TextHeapType {
        let token = cursor.current
        if token.kind == .keyword, let code = Self.abstractHeapCode(token.keyword) {
            cursor.advance()
            return .abstract(code)
        }
        if cursor.atIndex { return .index(try cursor.expectIndex(in: types.space)) }
        throw cursor.unexpected()
    }

    /// A heap type where `ref.null` takes one; `(exact $t)` is allowed there too.
    mutating func parseNullHeapType() throws(TextFormatError) -> TextReferenceType {
        var type = try parseHeapTypeOrExact()
        type.nullable = true
        return type
    }

    // MARK: Type definitions

    /// `(type $id? subtype)` or `(rec (type ...)*)`.
    mutating func parseTypeField() throws(TextFormatError) {
        try cursor.expectLeftParen()
        if cursor.take(.rec) {
            var group: [TextSubType] = []
            while cursor.takeParenthesized(.type) {
                group.append(try parseTypeDefinition(index: UInt32(types.definitions.count + group.count)))
            }
            try cursor.expectRightParen()
            types.append(TextRecursionGroup(types: group, isExplicit: true))
        } else {
            try cursor.expectKeyword(.type)
            let type = try parseTypeDefinition(index: UInt32(types.definitions.count))
            types.append(TextRecursionGroup(types: [type], isExplicit: false))
        }
    }

    /// After `(type`: the optional name (bound in pass 1), the definition, and the `)`.
    private mutating func parseTypeDefinition(index: UInt32) throws(TextFormatError) -> TextSubType {
        _ = cursor.takeIdentifier()
        var subtype: TextSubType
        if cursor.takeParenthesized(.sub) {
            let isFinal = cursor.take(.final)
            var supertypes: [UInt32] = []
            while cursor.atIndex { supertypes.append(try cursor.expectIndex(in: types.space)) }
            subtype = try parseDescribedCompositeType(index: index)
            subtype.isFinal = isFinal
            subtype.supertypes = supertypes
            try cursor.expectRightParen()
        } else {
            subtype = try parseDescribedCompositeType(index: index)
        }
        try cursor.expectRightParen()
        return subtype
    }

    private mutating func parseDescribedCompositeType(index: UInt32) throws(TextFormatError) -> TextSubType {
        var describes: UInt32?
        var descriptor: UInt32?
        if cursor.takeParenthesized(.describes) {
            describes = try cursor.expectIndex(in: types.space)
            try cursor.expectRightParen()
        }
        if cursor.takeParenthesized(.descriptor) {
            descriptor = try cursor.expectIndex(in: types.space)
            try cursor.expectRightParen()
        }
        let composite = try parseCompositeType(index: index)
        return TextSubType(composite: composite, describes: describes, descriptor: descriptor)
    }

    private mutating func parseCompositeType(index: UInt32) throws(TextFormatError) -> TextCompositeType {
        try cursor.expectLeftParen()
        let token = cursor.current
        guard token.kind == .keyword else { throw cursor.unexpected() }
        cursor.advance()
        let composite: TextCompositeType
        switch token.keyword {
        case .func:
            composite = .function(try parseFunctionSignature(allowNames: true).type)
        case .struct:
            var fields: [TextFieldType] = []
            var names = IndexSpace("field")
            while cursor.takeParenthesized(.field) {
                if let name = cursor.takeIdentifierToken() {
                    _ = try names.declare(name, at: name, in: cursor)
                    fields.append(try parseFieldType())
                } else {
                    while !cursor.atRightParen {
                        _ = try names.declare(nil, at: cursor.current, in: cursor)
                        fields.append(try parseFieldType())
                    }
                }
                try cursor.expectRightParen()
            }
            types.fieldNames[index] = names
            composite = .structure(fields)
        case .array:
            composite = .array(try parseFieldType())
        default:
            throw cursor.unexpected(token)
        }
        try cursor.expectRightParen()
        return composite
    }

    private mutating func parseFieldType() throws(TextFormatError) -> TextFieldType {
        if cursor.takeParenthesized(.mut) {
            let storage = try parseStorageType()
            try cursor.expectRightParen()
            return TextFieldType(storage: storage, mutable: true)
        }
        return TextFieldType(storage: try parseStorageType(), mutable: false)
    }

    private mutating func parseStorageType() throws(TextFormatError) -> TextStorageType {
        if cursor.take(.i8) { return .packed(0x78) }
        if cursor.take(.i16) { return .packed(0x77) }
        return .value(try parseValueType())
    }

    // MARK: Function signatures

    /// `(param ...)* (result ...)*`; parameter names (one per `(param $x t)`) only where allowed.
    mutating func parseFunctionSignature(
        allowNames: Bool
    ) throws(TextFormatError) -> (type: TextFunctionType, names: [Token?]) {
        var parameters: [TextValueType] = []
        var names: [Token?] = []
        var results: [TextValueType] = []
        while cursor.isParenthesized(.param) {
            cursor.position += 2
            if cursor.current.kind == .identifier {
                guard allowNames else { throw cursor.unexpected() }
                names.append(cursor.takeIdentifierToken())
                parameters.append(try parseValueType())
            } else {
                while !cursor.atRightParen {
                    parameters.append(try parseValueType())
                    names.append(nil)
                }
            }
            try cursor.expectRightParen()
        }
        while cursor.takeParenthesized(.result) {
            while !cursor.atRightParen { results.append(try parseValueType()) }
            try cursor.expectRightParen()
        }
        // Parameters come first; nothing after the results can start with `(param`.
        if cursor.isParenthesized(.param) { throw cursor.unexpected(cursor.peek(1)) }
        return (TextFunctionType(parameters: parameters, results: results), names)
    }
}
