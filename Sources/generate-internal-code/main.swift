import Foundation
import InternalCodeSpec

// Writes the files generated from the internal instruction table (Sources/InternalCodeSpec) into
// Sources/WasmCore, formatted by the toolchain's swift-format with the repository's configuration.
// Run from anywhere: `swift run generate-internal-code`.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// `source` as swift-format writes it.
func formatted(_ source: String) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
        "swift-format", "format", "--configuration", packageRoot.appendingPathComponent(".swift-format").path, "-",
    ]
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(Data(source.utf8))
    try input.fileHandleForWriting.close()
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteUnknown) }
    return String(decoding: data, as: UTF8.self)
}

for (path, contents) in Generator.files() {
    let url = packageRoot.appendingPathComponent(path)
    try formatted(contents).write(to: url, atomically: true, encoding: .utf8)
    print("wrote \(path)")
}
