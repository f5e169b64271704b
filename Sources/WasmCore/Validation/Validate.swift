extension Module {
    /// Decodes a binary module (binary format only; see ``validate()``).
    public init(bytes: [UInt8]) throws(DecodingError) {
        self = try ModuleDecoder().decode(bytes)
    }

    /// Checks every validation rule of the spec, decoding function bodies on the way.
    ///
    /// Throws ``ValidationError``, or ``DecodingError`` when a function body is malformed.
    public func validate() throws {
        try ModuleValidator(module: self).validate()
    }
}
