/// One of a module's index spaces (functions, tables, ...) as seen by the text format: how many
/// entries it has and which of them have names.
struct IndexSpace {
    /// The word the reference interpreter uses in "unknown ..." and "duplicate ..." messages.
    let category: String
    private(set) var names: [Int32: UInt32] = [:]
    private(set) var count: UInt32 = 0

    init(_ category: String) {
        self.category = category
    }

    /// Adds an entry, named (by the identifier token) or not, and returns its index.
    mutating func declare(
        _ identifier: Token?, at token: Token, in cursor: TokenCursor
    ) throws(TextFormatError) -> UInt32 {
        let index = count
        if let identifier {
            guard names[identifier.value] == nil else {
                throw cursor.error("duplicate \(category) $\(cursor.displayName(identifier.value))", at: identifier)
            }
            names[identifier.value] = index
        }
        guard count < UInt32.max else { throw cursor.error("too many \(category) bindings", at: token) }
        count += 1
        return index
    }

    func index(of name: Int32) -> UInt32? { names[name] }
}

extension TokenCursor {
    /// An identifier's name for messages.
    func displayName(_ name: Int32) -> String {
        guard name >= 0, Int(name) < text.names.count else { return "?" }
        return String(decoding: text.names[Int(name)], as: UTF8.self)
    }

    /// A natural number below 2^32 (an index or a count).
    mutating func expectU32() throws(TextFormatError) -> UInt32 {
        let token = current
        guard token.kind == .number, token.numberClass == .natural else { throw unexpected() }
        guard let value = NumberParser.natural(text.source[token.range], bits: 32) else {
            throw error("i32 constant out of range", at: token)
        }
        advance()
        return UInt32(value)
    }

    /// A natural number below 2^64.
    mutating func expectU64() throws(TextFormatError) -> UInt64 {
        let token = current
        guard token.kind == .number, token.numberClass == .natural else { throw unexpected() }
        guard let value = NumberParser.natural(text.source[token.range], bits: 64) else {
            throw error("i64 constant out of range", at: token)
        }
        advance()
        return value
    }

    var atNatural: Bool { current.kind == .number && current.numberClass == .natural }

    /// An index: a natural number or a name in `space`.
    mutating func expectIndex(in space: IndexSpace) throws(TextFormatError) -> UInt32 {
        let token = current
        if token.kind == .identifier {
            guard let index = space.index(of: token.value) else {
                throw error("unknown \(space.category) $\(displayName(token.value))", at: token)
            }
            advance()
            return index
        }
        return try expectU32()
    }

    /// True when an index (number or identifier) is next.
    var atIndex: Bool { current.kind == .identifier || atNatural }
}
