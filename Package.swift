// swift-tools-version: 6.0
import PackageDescription

// The interpreter is one loop over a `switch` of some 330 cases, and two code-generation settings
// decide much of its speed (docs/interpreter.md, "Dispatch and code layout"):
// - Every jump target (each `case`) is aligned to 64 bytes. Left to itself the compiler packs the
//   cases tightly, and where the hot ones fall relative to fetch lines changed with every unrelated
//   edit, even with how the executable was linked: 20-30% on some workloads. Alignment removes
//   that lottery.
// - The dispatch (load the next opcode, jump through the table) is copied into the end of every
//   case, so each handler has its own indirect jump. LLVM does this by itself only for switches
//   with at most 16 cases; the limits below lift that.
// SwiftPM refuses unsafe flags in a package used as a versioned dependency; such users build with
// VUDO_PORTABLE_BUILD=1 and get the same code with the compiler's default layout.
let interpreterCodeLayout: [SwiftSetting] =
    Context.environment["VUDO_PORTABLE_BUILD"] == nil
    ? [
        .unsafeFlags([
            "-Xllvm", "-align-all-nofallthru-blocks=6",
            "-Xllvm", "-tail-dup-pred-size=1000",
            "-Xllvm", "-tail-dup-succ-size=1000",
            "-Xllvm", "-tail-dup-indirect-size=1000",
        ])
    ]
    : []

let package = Package(
    name: "Vudo",
    products: [
        .library(name: "WasmCore", targets: ["WasmCore"]),
        .library(name: "WasmText", targets: ["WasmText"]),
        .library(name: "Vudo", targets: ["Vudo"]),
        .executable(name: "vudo", targets: ["vudo"]),
        .executable(name: "vudo-bench", targets: ["vudo-bench"]),
    ],
    targets: [
        // The engine: decoder, validator, translator and interpreter. No Foundation, no dependencies.
        .target(name: "WasmCore", swiftSettings: interpreterCodeLayout),
        // The text format: WAT modules and WAST scripts, read into binary modules. No Foundation.
        .target(name: "WasmText", dependencies: ["WasmCore"]),
        // The spec-suite runner, shared by `vudo spectest` and the conformance tests.
        .target(name: "WasmSpecTest", dependencies: ["WasmCore", "WasmText"]),
        // The embedding layer: Spirits, Loas, Séances.
        .target(name: "Vudo", dependencies: ["WasmCore", "WasmText"]),
        .executableTarget(name: "vudo", dependencies: ["WasmCore", "WasmSpecTest", "Vudo", "WasmText"]),
        .executableTarget(name: "vudo-bench", dependencies: ["WasmCore"]),
        .testTarget(name: "WasmCoreTests", dependencies: ["WasmCore"]),
        .testTarget(name: "WasmTextTests", dependencies: ["WasmText", "WasmCore", "WasmSpecTest"]),
        .testTarget(name: "SpecConformanceTests", dependencies: ["WasmCore", "WasmSpecTest"]),
        .testTarget(name: "VudoTests", dependencies: ["Vudo"]),
    ],
    swiftLanguageModes: [.v6]
)
