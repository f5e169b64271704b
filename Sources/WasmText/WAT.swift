import WasmCore

/// The WebAssembly text format: modules (`.wat`) to binary modules.
public enum WAT {
    /// Encodes a text-format module, `(module ...)` or just its fields, as a binary module.
    public static func encode(_ text: String, options: TextFormatOptions = .default) throws(TextFormatError) -> [UInt8]
    {
        try encode(Array(text.utf8), options: options)
    }

    /// Encodes a text-format module given as UTF-8 bytes.
    public static func encode(
        _ source: [UInt8], options: TextFormatOptions = .default
    ) throws(TextFormatError) -> [UInt8] {
        var cursor = TokenCursor(try Lexer.tokenize(source))
        let bytes = try ModuleText.parseModule(&cursor, options: options)
        guard cursor.isAtEnd else { throw cursor.unexpected() }
        return bytes
    }
}

extension Module {
    /// Decodes a module written in the text format (`(module ...)` or bare fields).
    ///
    /// Throws ``TextFormatError`` for malformed text, WasmCore's `DecodingError` if the encoded
    /// module does not decode. The module is not validated.
    public init(wat text: String, options: TextFormatOptions = .default) throws {
        let bytes = try WAT.encode(text, options: options)
        self = try ModuleDecoder().decode(bytes)
    }
}

/// The forms a module takes in text: a `(module $id? field*)` or just fields.
enum ModuleText {
    static func parseModule(_ cursor: inout TokenCursor, options: TextFormatOptions) throws(TextFormatError) -> [UInt8]
    {
        if cursor.isParenthesized(.module) {
            cursor.position += 2
            let name = cursor.takeIdentifier()
            let bytes = try ModuleParser.parseFields(&cursor, options: options, moduleName: name)
            try cursor.expectRightParen()
            return bytes
        }
        return try ModuleParser.parseFields(&cursor, options: options)
    }
}
