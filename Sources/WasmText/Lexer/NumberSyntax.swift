/// Recognises the spelling of numeric literals:
///
///     num    ::= digit ('_'? digit)*
///     hexnum ::= hexdigit ('_'? hexdigit)*
///     nat    ::= num | '0x' hexnum
///     int    ::= sign nat
///     float  ::= sign? num '.' num? | sign? num ('.' num?)? [eE] sign? num
///              | sign? '0x' hexnum '.' hexnum? | sign? '0x' hexnum ('.' hexnum?)? [pP] sign? num
///              | sign? 'inf' | sign? 'nan' | sign? 'nan:0x' hexnum
enum NumberSyntax {
    static func classify(_ text: ArraySlice<UInt8>) -> NumberClass {
        var i = text.startIndex
        let end = text.endIndex
        var signed = false
        if i < end, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            signed = true
            i += 1
        }
        guard i < end else { return .none }
        if text[i] == UInt8(ascii: "i") {
            return text[i..<end].elementsEqual("inf".utf8) ? .float : .none
        }
        if text[i] == UInt8(ascii: "n") {
            if text[i..<end].elementsEqual("nan".utf8) { return .float }
            let prefix = "nan:0x".utf8
            guard end - i > prefix.count, text[i..<(i + prefix.count)].elementsEqual(prefix) else { return .none }
            var j = i + prefix.count
            return digits(text, &j, hex: true) && j == end ? .float : .none
        }
        let hex = end - i > 2 && text[i] == UInt8(ascii: "0") && (text[i + 1] == UInt8(ascii: "x"))
        if hex { i += 2 }
        guard digits(text, &i, hex: hex) else { return .none }
        if i == end { return signed ? .integer : .natural }
        if text[i] == UInt8(ascii: ".") {
            i += 1
            if i == end { return .float }
            if isDigit(text[i], hex: hex) {
                guard digits(text, &i, hex: hex) else { return .none }
                if i == end { return .float }
            }
        }
        let exponent = text[i] | 0x20
        guard exponent == (hex ? UInt8(ascii: "p") : UInt8(ascii: "e")) else { return .none }
        i += 1
        if i < end, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
        guard digits(text, &i, hex: false), i == end else { return .none }
        return .float
    }

    /// Reads `digit ('_'? digit)*`; false when there is no digit or an underscore is misplaced.
    private static func digits(_ text: ArraySlice<UInt8>, _ i: inout Int, hex: Bool) -> Bool {
        let end = text.endIndex
        guard i < end, isDigit(text[i], hex: hex) else { return false }
        i += 1
        while i < end {
            if isDigit(text[i], hex: hex) {
                i += 1
            } else if text[i] == UInt8(ascii: "_") {
                guard i + 1 < end, isDigit(text[i + 1], hex: hex) else { return false }
                i += 2
            } else {
                break
            }
        }
        return true
    }

    static func isDigit(_ byte: UInt8, hex: Bool) -> Bool {
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { return true }
        guard hex else { return false }
        let lower = byte | 0x20
        return lower >= UInt8(ascii: "a") && lower <= UInt8(ascii: "f")
    }
}
