// swift-tools-version: 6.0
import PackageDescription

// The interpreter is one loop over a `switch` of some 330 cases. Left to itself the compiler packs
// the cases' code tightly, and where the hot ones then fall relative to 64-byte fetch lines (and so
// how well the CPU feeds and predicts the one dispatch jump) changes with every unrelated edit,
// even with how the final executable is linked: the same interpreter ran sha256, CoreMark and the
// -O0 build 20-30% slower after a change elsewhere in the package. Aligning every jump target (each
// `case`) to 64 bytes removes that lottery (docs/interpreter.md). SwiftPM refuses unsafe flags in a
// package used as a versioned dependency; such users build with VUDO_PORTABLE_BUILD=1 and get the
// same code, unaligned.
let interpreterCodeAlignment: [SwiftSetting] =
    Context.environment["VUDO_PORTABLE_BUILD"] == nil
    ? [.unsafeFlags(["-Xllvm", "-align-all-nofallthru-blocks=6"])]
    : []

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
        .target(name: "WasmCore", swiftSettings: interpreterCodeAlignment),
        // The spec-suite runner, shared by `vudo spectest` and the conformance tests.
        .target(name: "WasmSpecTest", dependencies: ["WasmCore"]),
        // The embedding layer: Spirits, Loas, Séances.
        .target(name: "Vudo", dependencies: ["WasmCore"]),
        .executableTarget(name: "vudo", dependencies: ["WasmCore", "WasmSpecTest", "Vudo"]),
        .executableTarget(name: "vudo-bench", dependencies: ["WasmCore"]),
        .testTarget(name: "WasmCoreTests", dependencies: ["WasmCore"]),
        .testTarget(name: "SpecConformanceTests", dependencies: ["WasmCore", "WasmSpecTest"]),
        .testTarget(name: "VudoTests", dependencies: ["Vudo"]),
    ],
    swiftLanguageModes: [.v6]
)
