import Foundation

/// The `vudo` executable of this build, run as a user runs it.
enum VudoCommand {
    struct Result {
        var status: Int32
        var output: String
        var error: String
    }

    /// The test bundle sits beside the executables it was built with.
    static let executable: URL = {
        var directory = Bundle.main.bundleURL
        while directory.path != "/",
            !FileManager.default.isExecutableFile(atPath: directory.appendingPathComponent("vudo").path)
        {
            directory.deleteLastPathComponent()
        }
        return directory.appendingPathComponent("vudo")
    }()

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func run(
        _ arguments: String..., in directory: URL = repositoryRoot, environment: [String: String]? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if let environment { process.environment = environment }
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are drained before waiting, so a long usage text cannot fill one and stall.
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        let errorData = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData, as: UTF8.self))
    }
}
