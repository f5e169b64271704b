import WasmCore

/// The features a script of the suite is written for, read from the folder it sits in.
///
/// The suite's folders assert different things about the same module: `core-2.0/memory.wast`
/// says two memories are invalid, `proposals/multi-memory` runs them. Each script is therefore
/// decoded and validated with its own folder's features, as the reference interpreter of that
/// folder's era would; scripts outside the suite get the engine's defaults.
enum ScriptFeatures {
    static func features(forScript path: String) -> WasmFeatures {
        let components = path.split(separator: "/").map(String.init)
        if let index = components.lastIndex(of: "proposals"), index + 1 < components.count {
            return proposal(components[index + 1])
        }
        if components.contains("core-2.0") || components.contains("simd") { return .webAssembly2 }
        return .default
    }

    /// A proposal's folder: WebAssembly 2.0 and the proposal, with the features its tests build on.
    private static func proposal(_ name: String) -> WasmFeatures {
        let added: [WasmFeature]
        switch name {
        case "wasm-3.0": return .default
        case "custom-descriptors": return WasmFeatures.webAssembly3.union(WasmFeatures(.customDescriptors))
        case "custom-page-sizes": return WasmFeatures.webAssembly3.union(WasmFeatures(.customPageSizes))
        // Its `try_table` tests return through `return_call`.
        case "exception-handling": added = [.exceptionHandling, .legacyExceptions, .tailCall]
        case "extended-const": added = [.extendedConst]
        case "function-references": added = [.functionReferences, .tailCall]
        case "gc": added = [.gc, .functionReferences, .tailCall]
        // The folder's snapshot (2024) sits on the 3.0 draft: tags, typed references, GC types.
        case "memory64": return .default
        case "multi-memory": added = [.multiMemory]
        case "relaxed-simd": added = [.relaxedSIMD]
        case "tail-call": added = [.tailCall]
        case "threads": added = [.threads]
        case "wide-arithmetic": added = [.wideArithmetic]
        default: added = []
        }
        return WasmFeatures.webAssembly2.union(WasmFeatures(added))
    }
}

/// Commands whose binary, as wast2json 1.0.32 wrote it, is not the module the script's text
/// describes, so the script's expectation cannot hold for it. Found by reading each binary against
/// its `.wast` source; the `.wast` scripts themselves run these commands as written.
enum ConversionDefects {
    private static let known: [String: String] = [
        // `(select (result) ...)` became an untyped `select`, which is a type mismatch, not an
        // arity error.
        "core-2.0/select:324": "wast2json wrote `select (result)` as an untyped select",
        // `data.drop` in a module without data: the text implies a data count section (the
        // spec's encoder writes one), wast2json left it out, so the binary is malformed.
        "core-2.0/memory_init:190": dataCount,
        "core-2.0/memory_init:227": dataCount,
        "memory64/memory_init:190": dataCount,
        "memory64/memory_init:227": dataCount,
        "memory64/memory_init:1153": dataCount,
        "memory64/memory_init:1190": dataCount,
        "wasm-3.0/memory_init:190": dataCount,
        "wasm-3.0/memory_init:266": dataCount,
        "wasm-3.0/memory_init64:190": dataCount,
        "wasm-3.0/memory_init64:266": dataCount,
        // A local of type `(ref $t)`, written with the typed-references draft's byte 0x6B (now
        // `structref`) and a heap type of -1: the binary says another thing than the text.
        "function-references/func:660": draftReferenceEncoding,
        "gc/func:660": draftReferenceEncoding,
        "wasm-3.0/func:660": draftReferenceEncoding,
        // Every module of this script uses `(ref $t)`, written the same draft way.
        "function-references/type-equivalence": draftReferenceEncoding,
    ]

    private static let dataCount = "wast2json left out the data count section"
    private static let draftReferenceEncoding = "wast2json wrote (ref $t) in the typed-references draft's encoding"

    /// A defect of one command (`script:line`) or of every command of a script.
    static func defect(script: String, line: Int) -> String? { known["\(script):\(line)"] ?? known[script] }
}
