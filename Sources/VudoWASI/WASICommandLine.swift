import Vudo
import WasmCore

/// `vudo run FILE.wasm [--dir HOST[::GUEST]] [--dir-ro HOST[::GUEST]] [--env KEY=VALUE] [-- ARGS...]`
/// read into a file and a ``WASIConfiguration``.
///
/// - `--dir HOST[::GUEST]` grants the host directory HOST, seen by the program as GUEST (HOST
///   itself when no GUEST is given). `--dir-ro` grants it read-only.
/// - `--env KEY=VALUE` sets a variable; `--env KEY` passes the host's KEY through. Nothing else
///   of the host's environment is seen.
/// - Options may come before or after FILE. The first argument that is not an option, or
///   everything after `--`, goes to the program; `argv[0]` is FILE as given.
public struct WASICommandLine: Sendable {
    /// The .wasm file to run.
    public var file: String
    public var configuration: WASIConfiguration

    public init(file: String, configuration: WASIConfiguration) {
        self.file = file
        self.configuration = configuration
    }

    /// The usage line for help texts.
    public static let usage =
        "run FILE.wasm [--dir HOST[::GUEST]]... [--dir-ro HOST[::GUEST]]... [--env KEY[=VALUE]]... [-- ARGS...]"

    /// Parses the arguments after `run`. `hostEnvironment` answers `--env KEY` (the process's
    /// environment by default).
    public static func parse(
        _ arguments: [String], hostEnvironment: [String: String] = HostFile.environment()
    ) throws(WASICommandLineError) -> WASICommandLine {
        var file: String?
        var programArguments: [String] = []
        var configuration = WASIConfiguration()
        var rest = arguments[...]
        func value(for option: String) throws(WASICommandLineError) -> String {
            guard let value = rest.popFirst() else { throw .missingValue(option: option) }
            return value
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--":
                programArguments += rest
                rest = []
            case "--dir", "--dir-ro":
                configuration.preopens.append(
                    try preopen(try value(for: argument), readOnly: argument == "--dir-ro"))
            case "--env":
                let assignment = try value(for: argument)
                if let equals = assignment.firstIndex(of: "=") {
                    let key = String(assignment[..<equals])
                    guard !key.isEmpty else { throw .invalidEnvironment(assignment) }
                    configuration.environment[key] = String(assignment[assignment.index(after: equals)...])
                } else {
                    guard !assignment.isEmpty else { throw .invalidEnvironment(assignment) }
                    if let inherited = hostEnvironment[assignment] { configuration.environment[assignment] = inherited }
                }
            default:
                if argument.hasPrefix("--") && argument.count > 2 {
                    throw .unknownOption(argument)
                }
                if file == nil {
                    file = argument
                } else {
                    // The program's own arguments start here, options and all.
                    programArguments.append(argument)
                    programArguments += rest
                    rest = []
                }
            }
        }
        guard let file else { throw .missingFile }
        configuration.arguments = [file] + programArguments
        return WASICommandLine(file: file, configuration: configuration)
    }

    /// `HOST` or `HOST::GUEST`.
    private static func preopen(_ text: String, readOnly: Bool) throws(WASICommandLineError) -> WASIPreopen {
        let parts = text.split(separator: "::", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let host = parts.first, !host.isEmpty, parts.count == 1 || !parts[1].isEmpty else {
            throw .invalidDirectory(text)
        }
        return WASIPreopen(hostPath: host, guestPath: parts.count == 2 ? parts[1] : host, readOnly: readOnly)
    }

    /// Loads ``file`` and runs it with ``configuration``; returns the exit status for the host
    /// process: the program's exit code, 1 when the file cannot be loaded or set up or when it
    /// traps. Problems are reported on the configuration's
    /// standard error.
    public func run(engine: EngineConfiguration = EngineConfiguration()) -> Int32 {
        let module: Module
        do {
            module = try Module(bytes: ModuleFile.bytes(atPath: file))
        } catch {
            report("\(file): \(error)")
            return 1
        }
        return run(module, engine: engine)
    }

    /// ``run(engine:)`` with ``file`` already decoded (the command-line tool decodes it first to
    /// tell a WASI command from a Spirit).
    package func run(_ module: Module, engine: EngineConfiguration = EngineConfiguration()) -> Int32 {
        do {
            let wasi = try WASI(configuration)
            return Int32(truncatingIfNeeded: try wasi.run(module, engine: engine))
        } catch {
            // A trap, including one caused by a resource limit, is exit status 1 like `vudo invoke`.
            report("\(file): \(error)")
            return 1
        }
    }

    private func report(_ message: String) {
        configuration.stderr.write(Array("vudo: \(message)\n".utf8))
    }

    /// Parses `arguments` (those after `run`), runs the program and returns its exit status;
    /// usage errors print to standard error and return 2. The one call `vudo run` needs.
    public static func main(_ arguments: [String]) -> Int32 {
        do {
            return try parse(arguments).run()
        } catch {
            WASIOutput.standardError.write(Array("vudo: \(error)\nusage: vudo \(usage)\n".utf8))
            return 2
        }
    }
}

/// A command line ``WASICommandLine/parse(_:hostEnvironment:)`` cannot read.
public enum WASICommandLineError: Error, Sendable, Hashable, CustomStringConvertible {
    case missingFile
    case missingValue(option: String)
    case unknownOption(String)
    case invalidDirectory(String)
    case invalidEnvironment(String)

    public var description: String {
        switch self {
        case .missingFile: "run needs a FILE"
        case .missingValue(let option): "\(option) needs a value"
        case .unknownOption(let option): "unknown option \(option)"
        case .invalidDirectory(let text): "--dir takes HOST or HOST::GUEST, got '\(text)'"
        case .invalidEnvironment(let text): "--env takes KEY=VALUE or KEY, got '\(text)'"
        }
    }
}
