/// Choices where the text format changed between WebAssembly versions.
public struct TextFormatOptions: Sendable, Hashable {
    /// WebAssembly 2.0 reads memory and table limits and `offset=` of memory instructions as u32
    /// ("i32 constant out of range" beyond). WebAssembly 3.0, with 64-bit memories and tables, reads
    /// them as u64 and leaves the range check of 32-bit ones to validation.
    public var limitsAndOffsetsAreU32: Bool

    public init(limitsAndOffsetsAreU32: Bool = false) {
        self.limitsAndOffsetsAreU32 = limitsAndOffsetsAreU32
    }

    /// The WebAssembly 3.0 text format.
    public static let `default` = TextFormatOptions()
    /// The WebAssembly 2.0 text format, as the 2.0 spec suite expects it.
    public static let webAssembly2 = TextFormatOptions(limitsAndOffsetsAreU32: true)
}
