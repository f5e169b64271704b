import Testing

@testable import WasmText

/// The repository's `.wat` fixtures were built by wabt's `wat2wasm` (with `--debug-names` where
/// their build.sh asks for it); the text parser reproduces those binaries byte for byte.
@Suite("Fixtures")
struct FixtureTests {
    static let folders: [(path: String, debugNames: Bool)] = [
        ("Fixtures", true), ("Fixtures/spirits", true), ("Fixtures/seance", false),
    ]

    @Test func everyFixtureMatchesItsCommittedBinary() throws {
        var compared = 0
        for (folder, debugNames) in Self.folders {
            for name in SuiteFiles.listDirectory(folder) where name.hasSuffix(".wat") {
                let source = try #require(SuiteFiles.readFile(folder + "/" + name))
                let committed = try #require(SuiteFiles.readFile(folder + "/" + name.dropLast(4) + ".wasm"))
                let encoded = try WAT.encode(source, options: TextFormatOptions(debugNames: debugNames))
                #expect(encoded == committed, "\(folder)/\(name)")
                compared += 1
            }
        }
        #expect(compared >= 30)
    }
}
