import Foundation
import TestSupport

/// Runs a program to its end and keeps what it wrote.
enum ChildProcess {
    struct Result: Sendable {
        var status: Int32
        /// Standard output.
        var output: String
        var error: String
    }

    struct TimedOut: Error, CustomStringConvertible {
        let command: String
        var description: String { "\(command) did not finish in time" }
    }

    /// Waits on a thread of its own: a package build takes minutes, and a thread of the
    /// cooperative pool held that long keeps waiting tests from resuming.
    static func run(
        _ executable: String, _ arguments: [String], in directory: URL, timeout: Duration,
        environment: [String: String]? = nil
    ) async throws -> Result {
        try await offThePool {
            try runToEnd(executable, arguments, in: directory, timeout: timeout, environment: environment)
        }
    }

    private static func runToEnd(
        _ executable: String, _ arguments: [String], in directory: URL, timeout: Duration,
        environment: [String: String]?
    ) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        // Files, not pipes: a child that writes more than a pipe holds would wait for a reader.
        let outputFile = temporaryFile()
        let errorFile = temporaryFile()
        defer {
            try? FileManager.default.removeItem(at: outputFile)
            try? FileManager.default.removeItem(at: errorFile)
        }
        process.standardOutput = try FileHandle(forWritingTo: outputFile)
        process.standardError = try FileHandle(forWritingTo: errorFile)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            if ContinuousClock.now > deadline {
                process.terminate()
                throw TimedOut(command: ([executable] + arguments).joined(separator: " "))
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return Result(
            status: process.terminationStatus, output: try read(outputFile), error: try read(errorFile))
    }

    private static func temporaryFile() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-child-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        return url
    }

    private static func read(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
