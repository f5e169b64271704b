import WasmCore

/// Which proposals' text the parser can read. It reads every instruction of the opcode table;
/// proposals beyond WebAssembly 3.0 whose instructions the table does not list yet (atomics, wide
/// arithmetic, custom descriptors) it cannot.
public enum TextFormatSupport {
    public static let unreadableFeatures: [WasmFeature] = [.threads, .wideArithmetic, .customDescriptors]

    /// The first feature of `features` whose text cannot be read, if any.
    public static func unreadableFeature(in features: WasmFeatures) -> WasmFeature? {
        unreadableFeatures.first(where: features.contains)
    }
}
