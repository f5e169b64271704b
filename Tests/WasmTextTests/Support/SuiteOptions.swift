import WasmText

enum SuiteOptions {
    /// The suite's 2.0 folders and the proposal folders taken from 2025-07-09 (before memory64
    /// joined them) expect the 2.0 text format; memory64 and the 3.0 folders expect 3.0's.
    static func forScript(at path: String) -> TextFormatOptions {
        let threePointZero = [
            "/memory64/", "/wasm-3.0/", "/custom-page-sizes/", "/custom-descriptors/", "/wide-arithmetic/",
        ]
        return threePointZero.contains(where: path.contains) ? .default : .webAssembly2
    }
}
