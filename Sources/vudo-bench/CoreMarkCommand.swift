import Foundation

/// `vudo-bench --coremark`: finds CoreMark's builds and the engines, runs them, prints the scores.
enum CoreMarkCommand {
    static func run(_ options: BenchOptions) throws -> CoreMarkBenchmark.Report {
        let benchmarks = URL(fileURLWithPath: options.directory ?? "Benchmarks").standardizedFileURL
        let packageRoot = benchmarks.deletingLastPathComponent().path
        let coreMarkDirectory = URL(
            fileURLWithPath: options.coreMarkDirectory ?? packageRoot + "/../shared/bench/coremark"
        ).standardizedFileURL.path
        let wasm = coreMarkDirectory + "/coremark-wasi.wasm"
        guard FileManager.default.isReadableFile(atPath: wasm) else {
            throw BenchError("no CoreMark build at \(wasm); pass --coremark-dir DIR")
        }
        guard let vudo = EngineLocator.vudo(packageRoot: packageRoot, override: options.vudoPath) else {
            throw BenchError("the vudo CLI is not built: swift build -c release --product vudo (or pass --vudo PATH)")
        }
        let wasmkit = try EngineLocator.wasmkit(packageRoot: packageRoot, override: options.wasmkitPath)
        // WasmKit's `run` passes everything after FILE to the program (a `--` would reach it as
        // argv[1]); vudo's takes the program's arguments after `--`.
        var engines = [
            CoreMarkBenchmark.Engine(name: "vudo", executable: vudo.executable, leadingArguments: ["run", wasm, "--"]),
            CoreMarkBenchmark.Engine(name: "wasmkit", executable: wasmkit.executable, leadingArguments: ["run", wasm]),
        ]
        if options.native {
            let native = coreMarkDirectory + "/coremark-posix"
            guard FileManager.default.isExecutableFile(atPath: native) else {
                throw BenchError("no native CoreMark at \(native)")
            }
            engines.append(CoreMarkBenchmark.Engine(name: "native", executable: native, leadingArguments: []))
        }

        let runs = options.explicitRuns ?? 3
        let machine = MachineDescription.current()
        progress(
            "vudo-bench --coremark: \(options.iterations) iterations, \(runs) rounds of \(engines.map(\.name).joined(separator: ", ")); \(machine.cpuModel), \(machine.logicalCores) cores"
        )
        let benchmark = CoreMarkBenchmark(runs: runs, iterations: options.iterations, engines: engines)
        let results = try benchmark.measure()
        try CoreMarkBenchmark.checkAgreement(results, iterations: options.iterations)
        guard let vudoResult = results.first(where: { $0.engine == "vudo" }),
            let wasmkitResult = results.first(where: { $0.engine == "wasmkit" })
        else { throw BenchError("a CoreMark engine is missing from the results") }
        var notes = [
            "Scores are CoreMark's own Iterations/Sec, timed inside the guest: process start-up and loading are not in them.",
            "Runs below 10 s make CoreMark print \"ERROR! Must execute for at least 10 secs\" and, for counts other than its validated ones, \"Errors detected\"; crcfinal is checked instead.",
        ]
        if let known = CoreMarkOutput.knownCRCs[options.iterations] {
            notes.append(
                "crcfinal \(known) is EEMBC's value for \(options.iterations) iterations; every engine matched it.")
        }
        return CoreMarkBenchmark.Report(
            date: ISO8601DateFormatter().string(from: Date()), command: CommandLine.arguments.joined(separator: " "),
            machine: machine, iterations: options.iterations, runs: runs, results: results,
            vudoOverWasmKit: vudoResult.scores.median / wasmkitResult.scores.median, notes: notes)
    }

    static func render(_ report: CoreMarkBenchmark.Report) -> String {
        var lines = [
            "",
            "CoreMark, \(report.iterations) iterations, \(report.runs) alternating runs (Iterations/Sec; higher is faster)",
        ]
        let header = ["engine", "median", "min", "max", "crcfinal", "peak MiB"]
        let rows = report.results.map { result in
            [
                result.engine, String(format: "%.1f", result.scores.median),
                String(format: "%.1f", result.scores.minimum),
                String(format: "%.1f", result.scores.maximum), result.crcFinal, formatMiB(result.peakResidentKiB),
            ]
        }
        lines += ResultTable.table(header: header, rows: rows)
        lines += ["", String(format: "vudo/WasmKit score: %.2f (above 1: vudo is faster)", report.vudoOverWasmKit)]
        lines += report.notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }
}
