// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Vudo",
    products: [
        .library(name: "WasmCore", targets: ["WasmCore"]),
        .library(name: "WasmText", targets: ["WasmText"]),
        .library(name: "Vudo", targets: ["Vudo"]),
        .library(name: "VudoWASI", targets: ["VudoWASI"]),
        .library(name: "VudoCodegen", targets: ["VudoCodegen"]),
        .executable(name: "vudo", targets: ["vudo"]),
        .executable(name: "vudo-bench", targets: ["vudo-bench"]),
    ],
    targets: [
        // The engine: decoder, validator, translator and interpreter. No Foundation, no dependencies.
        .target(name: "WasmCore"),
        // The text format: WAT modules and WAST scripts, read into binary modules. No Foundation.
        .target(name: "WasmText", dependencies: ["WasmCore"]),
        // The spec-suite runner, shared by `vudo spectest` and the conformance tests.
        .target(name: "WasmSpecTest", dependencies: ["WasmCore", "WasmText"]),
        // The embedding layer: Spirits, Loas, Séances.
        .target(name: "Vudo", dependencies: ["WasmCore", "WasmText"]),
        // WASI preview 1 for Spirits and plain modules: what `vudo run` uses for WASI commands.
        .target(name: "VudoWASI", dependencies: ["Vudo", "WasmCore"]),
        // `vudo codegen`'s generators: Swift interfaces for Spirits, Gene types for DOL files.
        .target(name: "VudoCodegen", dependencies: ["Vudo", "WasmCore"]),
        .executableTarget(
            name: "vudo", dependencies: ["WasmCore", "WasmSpecTest", "Vudo", "VudoWASI", "VudoCodegen", "WasmText"]),
        .executableTarget(name: "vudo-bench", dependencies: ["WasmCore", "WasmText", "Vudo"]),
        // The internal instruction table and the generator of WasmCore's handlers and
        // `InternalOp` (a development tool: nothing links it).
        .target(name: "InternalCodeSpec"),
        .executableTarget(name: "generate-internal-code", dependencies: ["InternalCodeSpec"]),
        // What the test targets share: long synchronous work kept off the cooperative pool.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "WasmCoreTests", dependencies: ["WasmCore", "InternalCodeSpec", "TestSupport"]),
        .testTarget(name: "WasmTextTests", dependencies: ["WasmText", "WasmCore", "WasmSpecTest", "TestSupport"]),
        .testTarget(name: "SpecConformanceTests", dependencies: ["WasmCore", "WasmSpecTest", "TestSupport"]),
        .testTarget(
            name: "VudoTests", dependencies: ["Vudo", "VudoWASI", "VudoCodegen", "WasmCore", "WasmText", "TestSupport"]),
        // The documentation's samples: Snippets/, built and run by a package of their own.
        .testTarget(name: "DocsTests", dependencies: ["TestSupport"]),
        // The `vudo` command, run as a process.
        .testTarget(name: "CLITests", dependencies: ["vudo"]),
    ],
    swiftLanguageModes: [.v6]
)
