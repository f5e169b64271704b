// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Vudo",
    products: [
        .library(name: "WasmCore", targets: ["WasmCore"]),
        .library(name: "Vudo", targets: ["Vudo"]),
        .executable(name: "vudo", targets: ["vudo"]),
        .executable(name: "vudo-bench", targets: ["vudo-bench"]),
    ],
    targets: [
        // The engine: decoder, validator, translator and interpreter. No Foundation, no dependencies.
        .target(name: "WasmCore"),
        // The spec-suite runner, shared by `vudo spectest` and the conformance tests.
        .target(name: "WasmSpecTest", dependencies: ["WasmCore"]),
        // The embedding layer: Spirits, Loas, Séances.
        .target(name: "Vudo", dependencies: ["WasmCore"]),
        .executableTarget(name: "vudo", dependencies: ["WasmCore", "WasmSpecTest", "Vudo"]),
        .executableTarget(name: "vudo-bench", dependencies: ["WasmCore"]),
        // The internal instruction table and the generator of WasmCore's handlers and
        // `InternalOp` (a development tool: nothing links it).
        .target(name: "InternalCodeSpec"),
        .executableTarget(name: "generate-internal-code", dependencies: ["InternalCodeSpec"]),
        .testTarget(name: "WasmCoreTests", dependencies: ["WasmCore", "InternalCodeSpec"]),
        .testTarget(name: "SpecConformanceTests", dependencies: ["WasmCore", "WasmSpecTest"]),
        .testTarget(name: "VudoTests", dependencies: ["Vudo"]),
    ],
    swiftLanguageModes: [.v6]
)
