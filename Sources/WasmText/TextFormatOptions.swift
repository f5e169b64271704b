import WasmCore

/// Choices where the text format changed between WebAssembly versions.
public struct TextFormatOptions: Sendable, Hashable {
    /// Read the text as WebAssembly 2.0 (and the proposals written against it) did, where 3.0
    /// changed it:
    /// - memory and table limits and the `offset=` of memory instructions are u32 ("i32 constant
    ///   out of range" beyond); 3.0, with 64-bit memories and tables, reads them as u64 and
    ///   leaves the range check of 32-bit ones to validation;
    /// - a lane index beyond 255 is a "malformed lane index"; 3.0 words it "i8 constant out of
    ///   range".
    public var webAssembly2: Bool
    /// Write a `name` section with the module's, the functions' and the locals' identifiers (as
    /// wabt's `--debug-names` does), for backtraces and generated interfaces.
    public var debugNames: Bool

    public init(webAssembly2: Bool = false, debugNames: Bool = false) {
        self.webAssembly2 = webAssembly2
        self.debugNames = debugNames
    }

    /// The text format that goes with a set of features: 2.0's unless 64-bit memories (the
    /// proposal that made limits and offsets u64) are enabled.
    public init(features: WasmFeatures) {
        self.init(webAssembly2: !features.contains(.memory64))
    }

    /// The WebAssembly 3.0 text format.
    public static let `default` = TextFormatOptions()
    /// The WebAssembly 2.0 text format, as the 2.0 spec suite expects it.
    public static let webAssembly2 = TextFormatOptions(webAssembly2: true)
}
