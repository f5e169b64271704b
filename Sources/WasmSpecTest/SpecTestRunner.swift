import WasmCore
import WasmText

/// Runs spec scripts, `.wast` or wast2json's JSON, and tallies the results.
///
/// Each script gets a fresh ``Store`` with the `spectest` host module; its commands run in order.
public struct SpecTestRunner {
    public var configuration: EngineConfiguration
    /// Called after each script, e.g. to print progress.
    public var onFileFinished: ((SpecFileReport) -> Void)?

    public init(
        configuration: EngineConfiguration = EngineConfiguration(),
        onFileFinished: ((SpecFileReport) -> Void)? = nil
    ) {
        self.configuration = configuration
        self.onFileFinished = onFileFinished
    }

    /// Runs every script found at each path (a script, a script folder, or a folder of them).
    /// A path that does not exist counts as one failure.
    public func run(paths: [String]) -> SpecTestReport {
        var report = SpecTestReport()
        for path in paths {
            guard let scripts = SpecTestSuite.scripts(at: path) else {
                var file = SpecFileReport(path: path, name: path)
                file.scriptError = "no such file or directory"
                record(
                    .failed(message: "no such file or directory"), kind: .unknown, line: 0, file: &file, report: &report
                )
                finish(file, into: &report)
                continue
            }
            for script in scripts { runScript(at: script, into: &report) }
        }
        return report
    }

    public func run(path: String) -> SpecTestReport { run(paths: [path]) }

    private func runScript(at path: String, into report: inout SpecTestReport) {
        var file = SpecFileReport(path: path, name: SpecTestSuite.displayName(ofScript: path))
        let isWast = path.hasSuffix(".wast")
        let features = ScriptFeatures.features(forScript: path)
        var commands: [(kind: SpecCommandKind, line: Int, command: Result<SpecCommand, CommandParseError>)] = []
        do {
            guard let bytes = FileSystem.readFile(path) else { throw ScriptError(message: "cannot read file") }
            if isWast {
                let script = try WastScript(parsing: bytes, options: TextFormatOptions(features: features))
                commands = SpecCommand.commands(from: script).map { ($0.kind, $0.line, .success($0)) }
            } else {
                let document = try JSONParser.parse(bytes)
                guard let list = document["commands"]?.arrayValue else {
                    throw ScriptError(message: "no \"commands\" array")
                }
                commands = list.map { json in
                    let (kind, line) = SpecCommand.header(json)
                    return (kind, line, Result { () throws(CommandParseError) in try SpecCommand(json: json) })
                }
            }
        } catch {
            file.scriptError = String(describing: error)
            record(.failed(message: "script unusable: \(error)"), kind: .unknown, line: 0, file: &file, report: &report)
            finish(file, into: &report)
            return
        }

        let run = ScriptRun(
            directory: PathName.parent(path), convertedScriptName: isWast ? nil : file.name,
            features: features, configuration: configuration)
        for (kind, line, command) in commands {
            let outcome: CommandOutcome
            switch command {
            case .success(let command): outcome = run.run(command)
            case .failure(let error): outcome = .failed(message: "unreadable command: \(error.message)")
            }
            record(outcome, kind: kind, line: line, file: &file, report: &report)
        }
        finish(file, into: &report)
    }

    private func record(
        _ outcome: CommandOutcome, kind: SpecCommandKind, line: Int,
        file: inout SpecFileReport, report: inout SpecTestReport
    ) {
        var counts = SpecCounts()
        switch outcome {
        case .passed:
            counts.passed = 1
        case .failed(let message, let expected, let got):
            counts.failed = 1
            report.failures.append(
                SpecFailure(
                    file: file.name, line: line, kind: kind, message: message, expected: expected, got: got))
        case .skipped(let reason):
            counts.skipped = 1
            report.skipReasons[reason.description, default: 0] += 1
        }
        file.counts.add(counts)
        file.countsByKind[kind, default: SpecCounts()].add(counts)
    }

    private func finish(_ file: SpecFileReport, into report: inout SpecTestReport) {
        report.add(file)
        onFileFinished?(file)
    }
}

private struct ScriptError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
