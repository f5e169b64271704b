/// Converts numeric literals (already recognised by ``NumberSyntax``) to values. Every function
/// returns nil when the value does not fit, and the caller words the error.
enum NumberParser {
    /// A natural number (`num` or `0x hexnum`, no sign) below 2^bits.
    static func natural(_ text: ArraySlice<UInt8>, bits: Int) -> UInt64? {
        guard let first = text.first, first != UInt8(ascii: "+"), first != UInt8(ascii: "-") else { return nil }
        guard let value = magnitude(text) else { return nil }
        return bits >= 64 || value < (1 << UInt64(bits)) ? value : nil
    }

    /// An integer literal for `iN.const`: unsigned up to 2^N-1, or negative down to -2^(N-1).
    /// Returns the two's-complement bit pattern in the low N bits.
    static func integer(_ text: ArraySlice<UInt8>, bits: Int) -> UInt64? {
        guard let first = text.first else { return nil }
        let negative = first == UInt8(ascii: "-")
        let body = first == UInt8(ascii: "-") || first == UInt8(ascii: "+") ? text.dropFirst() : text
        guard let value = magnitude(body) else { return nil }
        let mask: UInt64 = bits >= 64 ? .max : (1 << UInt64(bits)) - 1
        if negative {
            guard value <= (1 << UInt64(bits - 1)) else { return nil }
            return (0 &- value) & mask
        }
        return value <= mask ? value : nil
    }

    /// Digits after an optional `0x`, underscores skipped; nil on overflow of 64 bits.
    private static func magnitude(_ text: ArraySlice<UInt8>) -> UInt64? {
        var digits = text
        var radix: UInt64 = 10
        if digits.count > 2, digits.first == UInt8(ascii: "0"), digits[digits.startIndex + 1] == UInt8(ascii: "x") {
            radix = 16
            digits = digits.dropFirst(2)
        }
        guard !digits.isEmpty else { return nil }
        var value: UInt64 = 0
        for byte in digits where byte != UInt8(ascii: "_") {
            guard let digit = CharacterClass.hexValue(byte), UInt64(digit) < radix else { return nil }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: radix)
            let (sum, overflow2) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow1, !overflow2 else { return nil }
            value = sum
        }
        return value
    }

    /// An f32 literal's bits; nil when it is out of range (rounds to infinity, or a NaN payload that
    /// does not fit).
    static func float32(_ text: ArraySlice<UInt8>) -> UInt32? {
        switch special(text, payloadBits: 23) {
        case .value(let bits, let negative):
            return UInt32(truncatingIfNeeded: bits) | (negative ? 0x8000_0000 : 0)
        case .invalid:
            return nil
        case .ordinary(let cleaned):
            guard let value = Float(cleaned), value.isFinite else { return nil }
            return value.bitPattern
        }
    }

    static func float64(_ text: ArraySlice<UInt8>) -> UInt64? {
        switch special(text, payloadBits: 52) {
        case .value(let bits, let negative):
            return bits | (negative ? 0x8000_0000_0000_0000 : 0)
        case .invalid:
            return nil
        case .ordinary(let cleaned):
            guard let value = Double(cleaned), value.isFinite else { return nil }
            return value.bitPattern
        }
    }

    private enum Special {
        /// The bits without the sign, and the sign.
        case value(UInt64, negative: Bool)
        case invalid
        /// Not `inf` or `nan`: the text without underscores, for the C library's conversion.
        case ordinary(String)
    }

    private static func special(_ text: ArraySlice<UInt8>, payloadBits: Int) -> Special {
        var body = text
        var negative = false
        if let first = body.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        let exponentAllOnes: UInt64 = payloadBits == 23 ? 0x7F80_0000 : 0x7FF0_0000_0000_0000
        if body.elementsEqual("inf".utf8) { return .value(exponentAllOnes, negative: negative) }
        if body.elementsEqual("nan".utf8) {
            return .value(exponentAllOnes | 1 << UInt64(payloadBits - 1), negative: negative)
        }
        if body.starts(with: "nan:".utf8) {
            guard let payload = magnitude(body.dropFirst(4)), payload >= 1, payload < 1 << UInt64(payloadBits) else {
                return .invalid
            }
            return .value(exponentAllOnes | payload, negative: negative)
        }
        var cleaned: [UInt8] = []
        cleaned.reserveCapacity(text.count)
        for byte in text where byte != UInt8(ascii: "_") { cleaned.append(byte) }
        return .ordinary(String(decoding: cleaned, as: UTF8.self))
    }
}
