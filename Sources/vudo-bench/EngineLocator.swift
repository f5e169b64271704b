import Foundation

/// Finds the peer engines' command-line binaries.
enum EngineLocator {
    /// WasmKit 0.4.2 from `../shared/peers/wasmkit --path` (the script builds it on first use).
    static func wasmkit(packageRoot: String, override: String?) throws -> EngineCommand {
        var path = override
        if path == nil {
            let script = packageRoot + "/../shared/peers/wasmkit"
            guard FileManager.default.isExecutableFile(atPath: script) else {
                throw BenchError("no WasmKit peer script at \(script); pass --wasmkit PATH")
            }
            progress("locating WasmKit 0.4.2 (\(script) --path; the first call builds it)...")
            let located = try ProcessTimer.run(script, ["--path"])
            path = located.output.split(separator: "\n").last.map(String.init)
        }
        guard let path, FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError("WasmKit CLI not found (\(path ?? "no path")); pass --wasmkit PATH")
        }
        return EngineCommand(name: "wasmkit", executable: path, subcommand: "run")
    }

    /// The vudo CLI from this package's release build, when someone has built it.
    static func vudo(packageRoot: String, override: String?) -> EngineCommand? {
        let path = override ?? packageRoot + "/.build/release/vudo"
        guard FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return EngineCommand(name: "vudo", executable: path, subcommand: "invoke")
    }
}
