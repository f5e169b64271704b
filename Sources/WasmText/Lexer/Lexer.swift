/// Splits source bytes into tokens, skipping white space, comments and annotations.
///
/// Works on UTF-8 bytes throughout. Errors that the reference interpreter reports while lexing
/// (unclosed strings and comments, malformed UTF-8, stray characters) are thrown here; a run of
/// characters that forms no valid token becomes a `.reserved` token that the parser rejects as an
/// "unknown operator" when it gets there.
struct Lexer {
    private let source: [UInt8]
    private var index = 0
    private var tokens: [Token] = []
    private var openParens: [Int] = []
    private var interner = NameInterner()
    private var strings: [[UInt8]] = []
    private var annotations: [Annotation] = []
    private var annotationTokens: [Token] = []
    private var unknownTokens: [Int] = []

    static func tokenize(_ source: [UInt8]) throws(TextFormatError) -> TokenizedSource {
        var lexer = Lexer(source: source)
        lexer.tokens.reserveCapacity(source.count / 4)
        try lexer.run()
        return TokenizedSource(
            source: source, tokens: lexer.tokens, names: lexer.interner.names, strings: lexer.strings,
            annotations: lexer.annotations, annotationTokens: lexer.annotationTokens, lines: LineTable(source),
            unknownTokens: lexer.unknownTokens)
    }

    private init(source: [UInt8]) {
        self.source = source
    }

    private func error(_ message: String, at offset: Int) -> TextFormatError {
        SourcePosition.error(message, at: offset, in: source)
    }

    private mutating func run() throws(TextFormatError) {
        while let token = try nextToken(insideAnnotation: false) {
            switch token.kind {
            case .leftParen:
                openParens.append(tokens.count)
            case .rightParen:
                if let open = openParens.popLast() { tokens[open].value = Int32(tokens.count) }
            case .reserved:
                unknownTokens.append(tokens.count)
            case .keyword where token.keyword == .notAKeyword && token.value < 0:
                unknownTokens.append(tokens.count)
            default:
                break
            }
            tokens.append(token)
        }
        let end = Int32(source.count)
        tokens.append(
            Token(kind: .endOfInput, keyword: .notAKeyword, numberClass: .none, start: end, end: end, value: -1))
    }

    /// The next token, or nil at the end of the input. Annotations met on the way are recorded.
    private mutating func nextToken(insideAnnotation: Bool) throws(TextFormatError) -> Token? {
        while index < source.count {
            let start = index
            let byte = source[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                index += 1
            case UInt8(ascii: "("):
                if index + 1 < source.count, source[index + 1] == UInt8(ascii: ";") {
                    try skipBlockComment()
                } else if !insideAnnotation, index + 1 < source.count, source[index + 1] == UInt8(ascii: "@") {
                    // Inside an annotation a nested one is just more parenthesised items.
                    try readAnnotation()
                } else {
                    index += 1
                    return simpleToken(.leftParen, start)
                }
            case UInt8(ascii: ")"):
                index += 1
                return simpleToken(.rightParen, start)
            case UInt8(ascii: ";"):
                if index + 1 < source.count, source[index + 1] == UInt8(ascii: ";") {
                    try skipLineComment()
                } else {
                    index += 1
                    return simpleToken(.reserved, start)
                }
            case UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                index += 1
                return simpleToken(.reserved, start)
            default:
                if CharacterClass.isIdentifierCharacter(byte) || byte == UInt8(ascii: "\"") {
                    return try readAtom()
                }
                if byte >= 0x80 {
                    guard Self.utf8SequenceLength(source, at: index) != nil else {
                        throw error("malformed UTF-8 encoding", at: index)
                    }
                    throw error(insideAnnotation ? "illegal character" : "misplaced unicode character", at: index)
                }
                throw error(insideAnnotation ? "illegal character" : "misplaced control character", at: index)
            }
        }
        return nil
    }

    private func simpleToken(_ kind: TokenKind, _ start: Int) -> Token {
        Token(kind: kind, keyword: .notAKeyword, numberClass: .none, start: Int32(start), end: Int32(index), value: -1)
    }

    /// A maximal run of identifier characters and strings, classified.
    private mutating func readAtom() throws(TextFormatError) -> Token {
        let start = index
        var stringCount = 0
        var lastString: [UInt8] = []
        var lastStringStart = start
        var lastStringEnd = start
        while index < source.count {
            let byte = source[index]
            if byte == UInt8(ascii: "\"") {
                let quote = index
                if index > start {
                    // A broken string does not belong to the token before it (`$"unclosed` is
                    // the identifier `$`, which is empty): the reference lexer's longest match
                    // stops before it.
                    do {
                        lastString = try readString()
                    } catch {
                        index = quote
                        break
                    }
                } else {
                    lastString = try readString()
                }
                lastStringStart = quote
                lastStringEnd = index
                stringCount += 1
            } else if CharacterClass.isIdentifierCharacter(byte) {
                index += 1
            } else {
                break
            }
        }
        var token = simpleToken(.reserved, start)
        let text = source[start..<index]
        let first = source[start]
        if stringCount == 0 {
            if first == UInt8(ascii: "$") {
                guard text.count > 1 else { throw error("empty identifier", at: start) }
                token.kind = .identifier
                token.value = interner.intern(source[(start + 1)..<index])
            } else if let meaning = keywordMeaning(text) {
                token.kind = .keyword
                token.keyword = meaning.keyword
                token.value = meaning.mnemonic
            } else {
                let numberClass = NumberSyntax.classify(text)
                if numberClass != .none {
                    token.kind = .number
                    token.numberClass = numberClass
                } else if let special = Self.memoryArgumentKeyword(text) {
                    token.kind = .keyword
                    token.keyword = special
                }
            }
        } else if stringCount == 1, lastStringEnd == index {
            if first == UInt8(ascii: "\"") && lastStringStart == start {
                token.kind = .string
                token.value = Int32(strings.count)
                strings.append(lastString)
            } else if first == UInt8(ascii: "$") && lastStringStart == start + 1 {
                guard !lastString.isEmpty else { throw error("empty identifier", at: start) }
                guard Self.isValidUTF8(lastString) else { throw error("malformed UTF-8 encoding", at: start) }
                token.kind = .identifier
                token.value = interner.intern(lastString[...])
            }
        }
        return token
    }

    /// Keywords are `[a-z]` followed by letters, digits, `_`, `.` and `:`; whether one is known
    /// (to the syntax or the opcode table) the parser decides, so that unknown ones can be named in
    /// "unknown operator" errors.
    private func keywordMeaning(_ text: ArraySlice<UInt8>) -> KeywordMeaning? {
        guard let first = text.first, first >= UInt8(ascii: "a"), first <= UInt8(ascii: "z") else { return nil }
        for byte in text where !CharacterClass.isKeywordCharacter(byte) { return nil }
        // A number such as `inf` or `nan:0x1` is spelled like a keyword; numbers win.
        if first == UInt8(ascii: "i") || first == UInt8(ascii: "n"), NumberSyntax.classify(text) != .none { return nil }
        return KeywordTable.shared.lookup(text) ?? KeywordMeaning(keyword: .notAKeyword, mnemonic: -1)
    }

    /// `offset=N` and `align=N` with N a natural number.
    private static func memoryArgumentKeyword(_ text: ArraySlice<UInt8>) -> Keyword? {
        for (prefix, keyword) in [("offset=", Keyword.offsetEquals), ("align=", Keyword.alignEquals)] {
            let count = prefix.utf8.count
            if text.count > count, text.prefix(count).elementsEqual(prefix.utf8),
                NumberSyntax.classify(text.dropFirst(count)) == .natural
            {
                return keyword
            }
        }
        return nil
    }

    // MARK: Strings

    /// Reads a string literal starting at the opening quote; returns its decoded bytes.
    private mutating func readString() throws(TextFormatError) -> [UInt8] {
        let start = index
        index += 1
        var bytes: [UInt8] = []
        while true {
            guard index < source.count else { throw error("unclosed string literal", at: start) }
            let byte = source[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return bytes
            case UInt8(ascii: "\\"):
                try readEscape(into: &bytes)
            case 0x0A, 0x0D:
                throw error("unclosed string literal", at: start)
            case 0x00..<0x20, 0x7F:
                throw error("illegal control character in string literal", at: index)
            case 0x80...:
                guard let length = Self.utf8SequenceLength(source, at: index) else {
                    throw error("malformed UTF-8 encoding", at: index)
                }
                bytes.append(contentsOf: source[index..<(index + length)])
                index += length
            default:
                bytes.append(byte)
                index += 1
            }
        }
    }

    private mutating func readEscape(into bytes: inout [UInt8]) throws(TextFormatError) {
        let start = index
        index += 1
        guard index < source.count else { throw error("unclosed string literal", at: start) }
        let byte = source[index]
        index += 1
        switch byte {
        case UInt8(ascii: "n"): bytes.append(0x0A)
        case UInt8(ascii: "r"): bytes.append(0x0D)
        case UInt8(ascii: "t"): bytes.append(0x09)
        case UInt8(ascii: "\\"), UInt8(ascii: "'"), UInt8(ascii: "\""): bytes.append(byte)
        case UInt8(ascii: "u"):
            guard index < source.count, source[index] == UInt8(ascii: "{") else {
                throw error("illegal escape", at: start)
            }
            index += 1
            var value: UInt32 = 0
            var digitCount = 0
            var previousUnderscore = false
            while index < source.count, source[index] != UInt8(ascii: "}") {
                let c = source[index]
                if c == UInt8(ascii: "_"), digitCount > 0, !previousUnderscore {
                    previousUnderscore = true
                } else if let digit = CharacterClass.hexValue(c) {
                    value = value > 0x10FFFF ? value : value << 4 | UInt32(digit)
                    digitCount += 1
                    previousUnderscore = false
                } else {
                    throw error("illegal escape", at: start)
                }
                index += 1
            }
            guard index < source.count, digitCount > 0, !previousUnderscore else {
                throw error("illegal escape", at: start)
            }
            index += 1
            guard value < 0xD800 || (value >= 0xE000 && value <= 0x10FFFF) else {
                throw error("malformed UTF-8 encoding", at: start)
            }
            Self.appendUTF8(value, to: &bytes)
        default:
            guard let high = CharacterClass.hexValue(byte), index < source.count,
                let low = CharacterClass.hexValue(source[index])
            else {
                throw error("illegal escape", at: start)
            }
            index += 1
            bytes.append(high << 4 | low)
        }
    }

    static func appendUTF8(_ scalar: UInt32, to bytes: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            bytes.append(UInt8(scalar))
        case 0x80..<0x800:
            bytes.append(UInt8(0xC0 | scalar >> 6))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            bytes.append(UInt8(0xE0 | scalar >> 12))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        default:
            bytes.append(UInt8(0xF0 | scalar >> 18 & 0x07))
            bytes.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            bytes.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            bytes.append(UInt8(0x80 | scalar & 0x3F))
        }
    }

    /// Length of the well-formed UTF-8 sequence of two or more bytes at `i`, or nil.
    static func utf8SequenceLength(_ bytes: [UInt8], at i: Int) -> Int? {
        func continuation(_ j: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            j < bytes.count && bytes[j] >= low && bytes[j] <= high
        }
        let lead = bytes[i]
        switch lead {
        case 0xC2...0xDF:
            return continuation(i + 1) ? 2 : nil
        case 0xE0:
            return continuation(i + 1, 0xA0) && continuation(i + 2) ? 3 : nil
        case 0xED:
            return continuation(i + 1, 0x80, 0x9F) && continuation(i + 2) ? 3 : nil
        case 0xE1...0xEC, 0xEE, 0xEF:
            return continuation(i + 1) && continuation(i + 2) ? 3 : nil
        case 0xF0:
            return continuation(i + 1, 0x90) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF1...0xF3:
            return continuation(i + 1) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        case 0xF4:
            return continuation(i + 1, 0x80, 0x8F) && continuation(i + 2) && continuation(i + 3) ? 4 : nil
        default:
            return nil
        }
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 {
                i += 1
            } else if let length = utf8SequenceLength(bytes, at: i) {
                i += length
            } else {
                return false
            }
        }
        return true
    }

    // MARK: Comments

    private mutating func skipLineComment() throws(TextFormatError) {
        while index < source.count {
            let byte = source[index]
            if byte == 0x0A || byte == 0x0D { return }
            if byte >= 0x80 {
                guard let length = Self.utf8SequenceLength(source, at: index) else {
                    throw error("malformed UTF-8 encoding", at: index)
                }
                index += length
            } else {
                index += 1
            }
        }
    }

    /// Block comments nest; the depth is a counter, not recursion.
    private mutating func skipBlockComment() throws(TextFormatError) {
        let start = index
        index += 2
        var depth = 1
        while depth > 0 {
            guard index < source.count else { throw error("unclosed comment", at: start) }
            let byte = source[index]
            if byte == UInt8(ascii: "("), index + 1 < source.count, source[index + 1] == UInt8(ascii: ";") {
                depth += 1
                index += 2
            } else if byte == UInt8(ascii: ";"), index + 1 < source.count, source[index + 1] == UInt8(ascii: ")") {
                depth -= 1
                index += 2
            } else if byte >= 0x80 {
                guard let length = Self.utf8SequenceLength(source, at: index) else {
                    throw error("malformed UTF-8 encoding", at: index)
                }
                index += length
            } else {
                index += 1
            }
        }
    }

    // MARK: Annotations

    /// `(@name item*)`: the items are tokens, nested parentheses balanced. Nesting is counted, not
    /// recursed into.
    private mutating func readAnnotation() throws(TextFormatError) {
        let start = index
        index += 2
        guard index < source.count else { throw error("empty annotation id", at: start) }
        let name: [UInt8]
        if source[index] == UInt8(ascii: "\"") {
            let nameStart = index
            do {
                name = try readString()
            } catch {
                throw self.error("empty annotation id", at: start)
            }
            guard !name.isEmpty else { throw error("empty annotation id", at: start) }
            guard Self.isValidUTF8(name) else { throw error("malformed UTF-8 encoding", at: nameStart) }
        } else {
            let nameStart = index
            while index < source.count, CharacterClass.isIdentifierCharacter(source[index]) { index += 1 }
            guard index > nameStart else { throw error("empty annotation id", at: start) }
            name = Array(source[nameStart..<index])
        }
        if index < source.count,
            source[index] == UInt8(ascii: "\"") || CharacterClass.isIdentifierCharacter(source[index])
        {
            throw error("empty annotation id", at: start)
        }
        let first = annotationTokens.count
        var depth = 1
        while true {
            guard let token = try nextToken(insideAnnotation: true) else {
                throw error("unclosed annotation", at: start)
            }
            if token.kind == .leftParen { depth += 1 }
            if token.kind == .rightParen {
                depth -= 1
                if depth == 0 { break }
            }
            annotationTokens.append(token)
        }
        annotations.append(
            Annotation(name: name, tokens: first..<annotationTokens.count, followingToken: tokens.count, offset: start))
    }
}

/// Byte classes of the text format's lexical grammar.
enum CharacterClass {
    private static let identifierCharacters: [Bool] = {
        var table = [Bool](repeating: false, count: 256)
        for byte in UInt8(ascii: "0")...UInt8(ascii: "9") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "A")...UInt8(ascii: "Z") { table[Int(byte)] = true }
        for byte in UInt8(ascii: "a")...UInt8(ascii: "z") { table[Int(byte)] = true }
        for symbol in "!#$%&'*+-./:<=>?@\\^_`|~".utf8 { table[Int(symbol)] = true }
        return table
    }()

    static func isIdentifierCharacter(_ byte: UInt8) -> Bool { identifierCharacters[Int(byte)] }

    static func isKeywordCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: ":"):
            return true
        default:
            return false
        }
    }

    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
