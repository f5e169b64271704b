import WasmCore

/// Parses the fields of one text-format module into an encoded binary module.
///
/// Three passes over the fields, so that every name can be used before its definition:
/// 1. declare: give every function, table, memory, global, tag, segment and type its index and
///    bind its name (imports come first in each index space, as the text format requires);
/// 2. types: parse the type definitions, so that inline type uses can find matching ones;
/// 3. everything else, in text order, so that implicitly defined types are appended in the order
///    their uses occur.
struct ModuleParser {
    var cursor: TokenCursor
    var types = TypeTable()
    var functions = IndexSpace("function")
    var tables = IndexSpace("table")
    var memories = IndexSpace("memory")
    var globals = IndexSpace("global")
    var tags = IndexSpace("tag")
    var elements = IndexSpace("elem segment")
    var dataSegments = IndexSpace("data segment")
    var assembly = ModuleAssembly()
    /// Locals and labels of the function whose body is being parsed.
    var function = FunctionScope()
    /// Scratch space for the immediates of folded instructions, which are emitted after their
    /// operands.
    var pendingBytes: [UInt8] = []
    let mnemonics = Mnemonics.rows
    /// Address types (true for i64) of memories and tables, by index, for `offset` abbreviations.
    var memoryIs64: [Bool] = []
    var tableIs64: [Bool] = []
    private var fields: [Field] = []
    /// Entries of each index space defined so far in pass 3 (imports included).
    var definedFunctions: UInt32 = 0
    var definedTables: UInt32 = 0
    var definedMemories: UInt32 = 0
    var definedGlobals: UInt32 = 0
    var definedTags: UInt32 = 0
    var options: TextFormatOptions
    /// Identifiers, for the `name` section that ``TextFormatOptions/debugNames`` asks for.
    var names = DebugNames()

    struct Field {
        var keyword: Keyword
        /// Token index of the field's `(`.
        var start: Int
        /// Token index of its `)`.
        var end: Int
    }

    init(cursor: TokenCursor, options: TextFormatOptions) {
        self.cursor = cursor
        self.options = options
    }

    /// Parses module fields from the cursor's position up to a `)` or the end of input (not
    /// consumed) and returns the binary module.
    static func parseFields(
        _ cursor: inout TokenCursor, options: TextFormatOptions, moduleName: Int32? = nil
    ) throws(TextFormatError) -> [UInt8] {
        var parser = ModuleParser(cursor: cursor, options: options)
        parser.names.module = moduleName.map { cursor.text.names[Int($0)] }
        let first = cursor.position
        do {
            try parser.declareFields()
            let end = parser.cursor.position
            try parser.parseTypes()
            try parser.parseOtherFields()
            try parser.collectCustomSections(tokens: first...end)
            parser.cursor.position = end
        } catch {
            throw parser.cursor.preferringLexicalError(error, from: first)
        }
        cursor = parser.cursor
        if options.debugNames {
            let text = parser.cursor.text
            func sorted(_ space: IndexSpace) -> [(UInt32, [UInt8])] {
                space.names.map { ($0.value, text.names[Int($0.key)]) }.sorted { $0.0 < $1.0 }
            }
            parser.names.functions = sorted(parser.functions)
            parser.names.others = [
                (4, sorted(parser.types.space)), (5, sorted(parser.tables)), (6, sorted(parser.memories)),
                (7, sorted(parser.globals)), (8, sorted(parser.elements)), (9, sorted(parser.dataSegments)),
                (11, sorted(parser.tags)),
            ]
            parser.assembly.customSections.append(parser.names.section())
        }
        return parser.assembly.encode()
    }

    // MARK: Pass 1

    private mutating func declareFields() throws(TextFormatError) {
        var definitionKind: String?
        while cursor.atLeftParen {
            let open = cursor.current
            let keywordToken = cursor.peek(1)
            guard keywordToken.kind == .keyword else { throw cursor.unexpected(keywordToken) }
            let keyword = keywordToken.keyword
            let start = cursor.position
            switch keyword {
            case .type:
                cursor.position += 2
                _ = try types.space.declare(cursor.takeIdentifierToken(), at: keywordToken, in: cursor)
            case .rec:
                cursor.position += 2
                while cursor.isParenthesized(.type) {
                    let typeToken = cursor.peek(1)
                    let typeStart = cursor.position
                    cursor.position += 2
                    _ = try types.space.declare(cursor.takeIdentifierToken(), at: typeToken, in: cursor)
                    cursor.position = typeStart
                    try cursor.skipParenthesized()
                }
            case .func, .table, .memory, .global, .tag:
                cursor.position += 2
                let name = cursor.takeIdentifierToken()
                while cursor.isParenthesized(.export) { try cursor.skipParenthesized() }
                let isImport = cursor.isParenthesized(.import)
                if isImport {
                    if let definitionKind { throw cursor.error("import after \(definitionKind) definition", at: open) }
                } else {
                    definitionKind = Self.definitionWord(keyword)
                }
                try declare(keyword, name: name, at: keywordToken, isImport: isImport)
            case .import:
                if let definitionKind { throw cursor.error("import after \(definitionKind) definition", at: open) }
                cursor.position += 2
                _ = try cursor.expectName()
                _ = try cursor.expectName()
                try cursor.expectLeftParen()
                let kindToken = cursor.current
                guard kindToken.kind == .keyword,
                    [.func, .table, .memory, .global, .tag].contains(kindToken.keyword)
                else { throw cursor.unexpected() }
                cursor.advance()
                try declare(kindToken.keyword, name: cursor.takeIdentifierToken(), at: kindToken, isImport: true)
            case .elem:
                cursor.position += 2
                _ = try elements.declare(cursor.takeIdentifierToken(), at: keywordToken, in: cursor)
            case .data:
                cursor.position += 2
                _ = try dataSegments.declare(cursor.takeIdentifierToken(), at: keywordToken, in: cursor)
            case .export, .start:
                break
            default:
                throw cursor.unexpected(keywordToken)
            }
            cursor.position = start
            try cursor.skipParenthesized()
            fields.append(Field(keyword: keyword, start: start, end: cursor.position - 1))
        }
        guard cursor.atRightParen || cursor.isAtEnd else { throw cursor.unexpected() }
    }

    private static func definitionWord(_ keyword: Keyword) -> String {
        switch keyword {
        case .func: "function"
        case .table: "table"
        case .memory: "memory"
        case .global: "global"
        default: "tag"
        }
    }

    /// Binds the name, and for a table or memory definition with inline contents (`(elem ...)`,
    /// `(data ...)`), the segment it implies.
    private mutating func declare(
        _ keyword: Keyword, name: Token?, at token: Token, isImport: Bool
    ) throws(TextFormatError) {
        switch keyword {
        case .func: _ = try functions.declare(name, at: token, in: cursor)
        case .table:
            _ = try tables.declare(name, at: token, in: cursor)
            if !isImport, hasInlineSegment(.elem) { _ = try elements.declare(nil, at: token, in: cursor) }
        case .memory:
            _ = try memories.declare(name, at: token, in: cursor)
            if !isImport, hasInlineSegment(.data) { _ = try dataSegments.declare(nil, at: token, in: cursor) }
        case .global: _ = try globals.declare(name, at: token, in: cursor)
        default: _ = try tags.declare(name, at: token, in: cursor)
        }
    }

    /// Whether `( keyword` appears among the next few tokens of a table or memory field, before the
    /// field ends (the inline segment abbreviation comes after at most an address type and a
    /// reference type).
    private func hasInlineSegment(_ keyword: Keyword) -> Bool {
        var probe = cursor
        while !probe.isAtEnd, !probe.atRightParen {
            if probe.isParenthesized(keyword) { return true }
            if probe.atLeftParen {
                guard (try? probe.skipParenthesized()) != nil else { return false }
            } else {
                probe.advance()
            }
        }
        return false
    }

    // MARK: Passes 2 and 3

    private mutating func parseTypes() throws(TextFormatError) {
        for field in fields where field.keyword == .type || field.keyword == .rec {
            cursor.position = field.start
            try parseTypeField()
        }
        assembly.types = []
    }

    private mutating func parseOtherFields() throws(TextFormatError) {
        var sawStart = false
        for field in fields {
            cursor.position = field.start
            switch field.keyword {
            case .type, .rec: continue
            case .func: try parseFunction()
            case .table: try parseTable()
            case .memory: try parseMemory()
            case .global: try parseGlobal()
            case .tag: try parseTag()
            case .import: try parseImport()
            case .export: try parseExport()
            case .elem: try parseElementSegment()
            case .data: try parseDataSegment()
            case .start:
                cursor.position += 2
                let token = cursor.current
                let index = try cursor.expectIndex(in: functions)
                if sawStart { throw cursor.error("multiple start sections", at: token) }
                sawStart = true
                assembly.start = index
                try cursor.expectRightParen()
            default: throw cursor.unexpected(cursor.peek(1))
            }
        }
        assembly.types = types.groups
    }
}

/// The locals and enclosing labels while a function body (or a constant expression) is parsed.
struct FunctionScope {
    var localNames: [Int32: UInt32] = [:]
    var localCount: UInt32 = 0
    /// Enclosing block labels, innermost last; -1 for a block without a name.
    var labels: [Int32] = []
}
