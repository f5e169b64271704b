extension Module {
    /// Decodes a binary module (binary format only; see ``validate()``). A module using a feature
    /// outside `features` is rejected as WebAssembly 2.0 would reject it.
    public init(bytes: [UInt8], features: WasmFeatures = .default) throws(DecodingError) {
        self = try ModuleDecoder(features: features).decode(bytes)
    }

    /// Checks every validation rule of the spec and returns the features the module uses.
    ///
    /// Throws ``ValidationError`` (with ``ValidationError/unsupportedFeature`` set when the module
    /// uses an enabled feature this engine does not validate yet).
    @discardableResult
    public func validate() throws -> WasmFeatures {
        try ModuleValidator(module: self).validate()
    }
}
