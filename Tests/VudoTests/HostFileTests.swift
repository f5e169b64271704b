import Foundation
import Testing
import Vudo

/// `HostFile.read`, the one whole-file reader of the embedding layer and the CLI.
@Suite struct HostFileTests {
    @Test func readsARegularFileWhole() throws {
        let path = Fixtures.directory.appendingPathComponent("calculator.wasm").path
        let expected = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        #expect(try HostFile.read(path) == expected)
    }

    #if os(Linux)
    @Test func readsAFileWithoutAKnownSizeToItsEnd() throws {
        // /proc files report size 0 and are read in chunks until end of file.
        let text = try HostFile.read("/proc/self/status")
        #expect(String(decoding: text, as: UTF8.self).hasPrefix("Name:"))
    }
    #endif

    @Test func aMissingFileIsTheCLibrarysReason() {
        #expect(throws: HostFile.ReadError.self) { try HostFile.read("/nonexistent/file.wasm") }
        do {
            _ = try HostFile.read("/nonexistent/file.wasm")
        } catch {
            #expect(error.errno == ENOENT)
            #expect(error.description == "No such file or directory")
        }
    }
}
