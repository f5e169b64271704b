import Foundation
import Testing

/// The CLI's messages count in words: one byte, two bytes.
struct CLIMessageWordingTests {
    @Test func aOneByteCustomSectionIsOneByte() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        // The header, then custom sections "a" with one byte of content and "b" with two.
        let module: [UInt8] = [0, 0x61, 0x73, 0x6D, 1, 0, 0, 0, 0, 3, 1, 0x61, 0xFF, 0, 4, 1, 0x62, 1, 2]
        let file = directory.appendingPathComponent("custom.wasm")
        try Data(module).write(to: file)
        let result = try VudoCommand.run("inspect", file.path)
        #expect(result.status == 0)
        #expect(result.output.contains("\"a\": 1 byte\n"))
        #expect(result.output.contains("\"b\": 2 bytes\n"))
    }
}
