/// A position in a token array, with the small vocabulary every parser needs: look ahead, consume,
/// expect, and word an error the way the reference interpreter does.
struct TokenCursor {
    let text: TokenizedSource
    var position: Int

    init(_ text: TokenizedSource, position: Int = 0) {
        self.text = text
        self.position = position
    }

    var current: Token { text.tokens[position] }

    /// The token `offset` places ahead; the end-of-input token when past the end.
    func peek(_ offset: Int = 0) -> Token {
        let index = position + offset
        guard index >= 0 else { return text.tokens[0] }
        return index < text.tokens.count ? text.tokens[index] : endToken
    }

    var endToken: Token { text.tokens[text.tokens.count - 1] }

    var isAtEnd: Bool { current.kind == .endOfInput }

    mutating func advance() {
        if position < text.tokens.count - 1 { position += 1 }
    }

    mutating func next() -> Token {
        let token = current
        advance()
        return token
    }

    // MARK: Questions

    var atLeftParen: Bool { current.kind == .leftParen }
    var atRightParen: Bool { current.kind == .rightParen }

    func isKeyword(_ keyword: Keyword, at offset: Int = 0) -> Bool {
        let token = peek(offset)
        return token.kind == .keyword && token.keyword == keyword
    }

    /// `(` followed by the keyword.
    func isParenthesized(_ keyword: Keyword) -> Bool {
        current.kind == .leftParen && isKeyword(keyword, at: 1)
    }

    // MARK: Consuming

    mutating func expectLeftParen() throws(TextFormatError) {
        guard current.kind == .leftParen else { throw unexpected() }
        advance()
    }

    mutating func expectRightParen() throws(TextFormatError) {
        guard current.kind == .rightParen else { throw unexpected() }
        advance()
    }

    mutating func expectKeyword(_ keyword: Keyword) throws(TextFormatError) {
        guard isKeyword(keyword) else { throw unexpected() }
        advance()
    }

    /// Consumes the keyword if it is next.
    mutating func take(_ keyword: Keyword) -> Bool {
        guard isKeyword(keyword) else { return false }
        advance()
        return true
    }

    /// Consumes `( keyword` if that is next.
    mutating func takeParenthesized(_ keyword: Keyword) -> Bool {
        guard isParenthesized(keyword) else { return false }
        position += 2
        return true
    }

    /// An identifier's interned name, if one is next.
    mutating func takeIdentifier() -> Int32? {
        guard current.kind == .identifier else { return nil }
        return next().value
    }

    /// The identifier token itself, if one is next.
    mutating func takeIdentifierToken() -> Token? {
        guard current.kind == .identifier else { return nil }
        return next()
    }

    mutating func expectString() throws(TextFormatError) -> [UInt8] {
        guard current.kind == .string else { throw unexpected() }
        return text.strings[Int(next().value)]
    }

    /// A string that must be valid UTF-8 (a name).
    mutating func expectName() throws(TextFormatError) -> [UInt8] {
        let token = current
        let bytes = try expectString()
        guard Lexer.isValidUTF8(bytes) else { throw error("malformed UTF-8 encoding", at: token) }
        return bytes
    }

    /// Skips to just after the `)` matching the `(` at the current position.
    mutating func skipParenthesized() throws(TextFormatError) {
        let open = current
        guard open.kind == .leftParen else { throw unexpected() }
        guard open.value >= 0 else { throw unexpected(endToken) }
        position = Int(open.value)
        advance()
    }

    // MARK: Errors

    /// The reference interpreter lexes as it parses, so a token its lexer rejects is reported
    /// before any error the parser would find at or after it.
    func preferringLexicalError(_ error: TextFormatError, from start: Int) -> TextFormatError {
        guard position >= start, let unknown = text.firstUnknownToken(in: start...position) else { return error }
        return unexpected(text.tokens[unknown])
    }

    func error(_ message: String, at token: Token) -> TextFormatError {
        text.error(message, at: token)
    }

    func error(_ message: String) -> TextFormatError {
        text.error(message, at: current)
    }

    /// The reference interpreter rejects unknown keywords and stray characters while lexing, as
    /// "unknown operator"; anything else out of place is an "unexpected token".
    func unexpected(_ token: Token? = nil) -> TextFormatError {
        let token = token ?? current
        switch token.kind {
        case .reserved:
            return error("unknown operator \(text.text(of: token))", at: token)
        case .keyword where token.keyword == .notAKeyword && token.value < 0:
            return error("unknown operator \(text.text(of: token))", at: token)
        case .endOfInput:
            return error("unexpected end of input", at: token)
        default:
            return error("unexpected token \(text.text(of: token))", at: token)
        }
    }
}
