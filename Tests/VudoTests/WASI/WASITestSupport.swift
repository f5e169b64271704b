import Foundation
import Vudo
import VudoWASI
import WasmCore

/// The C programs in Fixtures/wasi (built by its build.sh) and a way to run them with captured
/// output.
enum WASIFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/wasi")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func module(_ name: String) throws -> Module {
        try Module(bytes: [UInt8](Data(contentsOf: directory.appendingPathComponent(name))))
    }

    /// What a run left behind.
    struct Run: Sendable {
        var exitCode: UInt32
        var stdout: String
        var stderr: String
        var lines: [String] {
            stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).dropLast()
        }
    }

    /// Runs a fixture with `arguments` after its name; `configure` adds grants, environment, clocks.
    static func run(
        _ name: String, arguments: [String] = [], configure: (inout WASIConfiguration) -> Void = { _ in }
    ) throws -> Run {
        let stdout = WASIBuffer()
        let stderr = WASIBuffer()
        var configuration = WASIConfiguration(
            arguments: [name] + arguments, stdin: .empty, stdout: stdout.output, stderr: stderr.output)
        configure(&configuration)
        let code = try WASI(configuration).run(try module(name))
        return Run(exitCode: code, stdout: stdout.text, stderr: stderr.text)
    }
}

/// A fresh directory under the system's temporary directory, removed by ``remove()``.
struct TemporaryDirectory {
    let url: URL
    var path: String { url.path }

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-wasi-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    func file(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: file(relative))
    }

    func read(_ relative: String) throws -> String {
        String(decoding: try Data(contentsOf: file(relative)), as: UTF8.self)
    }

    func exists(_ relative: String) -> Bool { FileManager.default.fileExists(atPath: file(relative).path) }

    func makeDirectory(_ relative: String) throws {
        try FileManager.default.createDirectory(at: file(relative), withIntermediateDirectories: true)
    }

    func symlink(_ relative: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: file(relative).path, withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(at: url) }
}
