/// The lexical classes of the text format.
enum TokenKind: UInt8 {
    case leftParen
    case rightParen
    /// Starts with `a`-`z` and continues with letters, digits, `_`, `.` or `:` (plus `offset=N` and
    /// `align=N`).
    case keyword
    /// A natural number, signed integer or float literal (`inf`, `nan`, `nan:0x...` included).
    case number
    /// `$name` or `$"string"`; `value` is the interned name's index.
    case identifier
    /// `value` is the index of the decoded bytes in ``TokenizedSource/strings``.
    case string
    /// Any other run of identifier characters and strings: an error wherever the parser meets it.
    case reserved
    case endOfInput
}

/// The three syntactic classes of numeric literals.
enum NumberClass: UInt8 {
    case none
    /// Digits or `0x` hex digits, no sign.
    case natural
    /// A sign, then a natural number.
    case integer
    /// Anything with a fraction, exponent, `inf` or `nan`.
    case float
}

/// One token: 16 bytes, so a large script stays cheap to hold in one array.
struct Token {
    var kind: TokenKind
    /// For keywords: the syntax keyword, or `.notAKeyword`.
    var keyword: Keyword
    /// For numbers: what the literal's syntax allows it to be.
    var numberClass: NumberClass
    /// Byte range in the source.
    var start: Int32
    var end: Int32
    /// Kind-dependent: identifier index, string index, the matching `)` of a `(` (or -1), or for a
    /// keyword the index of its instruction mnemonic in ``Mnemonics`` (or -1).
    var value: Int32

    var range: Range<Int> { Int(start)..<Int(end) }
}

/// An annotation `(@name ...)`, kept aside so that the parser can ignore it or, for `@custom`,
/// turn it into a custom section.
struct Annotation {
    /// The annotation's name, decoded.
    var name: [UInt8]
    /// Its contents, in ``TokenizedSource/annotationTokens`` (without the final `)`).
    var tokens: Range<Int>
    /// Index of the first regular token after the annotation.
    var followingToken: Int
    /// Byte offset of `(@`.
    var offset: Int
}

/// The result of lexing one source text.
struct TokenizedSource {
    var source: [UInt8]
    var tokens: [Token]
    /// Interned identifier names, indexed by an identifier token's `value`.
    var names: [[UInt8]]
    /// Decoded string literals, indexed by a string token's `value`.
    var strings: [[UInt8]]
    var annotations: [Annotation]
    /// Tokens inside annotations (their `(` tokens carry no matching index).
    var annotationTokens: [Token]
    var lines: LineTable
    /// Indices of tokens the reference interpreter's lexer rejects ("unknown operator"): reserved
    /// tokens and keywords that are neither syntax nor an instruction, in order.
    var unknownTokens: [Int]

    /// The first unknown token in `range`, if any.
    func firstUnknownToken(in range: ClosedRange<Int>) -> Int? {
        var low = 0
        var high = unknownTokens.count
        while low < high {
            let middle = (low + high) / 2
            if unknownTokens[middle] < range.lowerBound { low = middle + 1 } else { high = middle }
        }
        guard low < unknownTokens.count, unknownTokens[low] <= range.upperBound else { return nil }
        return unknownTokens[low]
    }

    func error(_ message: String, at token: Token) -> TextFormatError {
        let (line, column) = lines.lineAndColumn(of: Int(token.start), in: source)
        return TextFormatError(message, line: line, column: column)
    }

    func line(of token: Token) -> Int {
        lines.lineAndColumn(of: Int(token.start), in: source).line
    }

    func text(of token: Token) -> String {
        String(decoding: source[token.range], as: UTF8.self)
    }
}
