import Foundation

// vudo-bench: times the Benchmarks/ workloads under WasmCore and, with --compare-wasmkit,
// side by side with WasmKit 0.4.2. `vudo-bench --help` lists the options.

func runBenchmarks(_ options: BenchOptions) throws -> BenchReport {
    let directory = URL(fileURLWithPath: options.directory ?? "Benchmarks").standardizedFileURL.path
    let packageRoot = URL(fileURLWithPath: directory).deletingLastPathComponent().path
    var workloads = try WorkloadManifest.load(directory: directory)
    if !options.filters.isEmpty {
        workloads = workloads.filter { workload in options.filters.contains { workload.name.contains($0) } }
    }
    guard !workloads.isEmpty else { throw BenchError("no workload matches --filter \(options.filters)") }

    let machine = MachineDescription.current()
    progress(
        "vudo-bench: \(workloads.count) workloads, \(options.runs) runs each; \(machine.cpuModel), \(machine.logicalCores) cores"
    )
    var notes: [String] = []
    var comparison: PeerComparison?
    if options.compareWasmKit {
        let wasmkit = try EngineLocator.wasmkit(packageRoot: packageRoot, override: options.wasmkitPath)
        let vudo = EngineLocator.vudo(packageRoot: packageRoot, override: options.vudoPath)
        notes.append(
            "WasmKit runs are whole processes (`wasmkit run FILE run`): their times include process start-up and loading, and nothing is subtracted."
        )
        if let vudo {
            notes.append(
                "vudo CLI/WasmKit compares whole processes (`\(vudo.executable) invoke FILE run`), the fair ratio.")
        } else {
            notes.append(
                "The vudo CLI is not built (swift build -c release --product vudo): only the in-process ratio is available, and it flatters vudo."
            )
        }
        if FileManager.default.isExecutableFile(atPath: ProcessTimer.gnuTime) {
            notes.append(
                "Whole processes run under \(ProcessTimer.gnuTime), which reports their peak memory; its fork and exec are in both engines' times."
            )
        } else {
            notes.append(
                "Without GNU time, a child's peak memory is at least this process's (Linux inherits it at exec): the MiB columns are upper bounds."
            )
        }
        comparison = PeerComparison(runs: options.runs, wasmkit: wasmkit, vudo: vudo)
    }

    let inProcess = InProcessBenchmark(runs: options.runs, metered: options.fuel)
    var results: [BenchReport.WorkloadResult] = []
    for (index, workload) in workloads.enumerated() {
        let path = directory + "/" + workload.file
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        progress("[\(index + 1)/\(workloads.count)] \(workload.name) (\(workload.file), \(data.count) bytes)")
        let measured = try inProcess.measure(workload, bytes: [UInt8](data))
        let load = measured.decode.median + measured.instantiate.median
        progress("  load \(formatSeconds(load)), run median \(formatSeconds(measured.run.median)), checksum ok")
        let compared = workload.peersRunIt ? try comparison?.compare(workload, path: path, inProcess: measured) : nil
        if comparison != nil, !workload.peersRunIt {
            progress("  no peer runs it: timed under vudo only, and left out of the means")
        }
        if let compared {
            let ratio = compared.processRatio.map { "vudo CLI/WasmKit \(ResultTable.formatRatio($0)), " } ?? ""
            progress("  \(ratio)in-process/WasmKit \(ResultTable.formatRatio(compared.inProcessRatio))")
        }
        results.append(.init(name: workload.name, file: workload.file, inProcess: measured, comparison: compared))
    }

    progress("host calls: \(HostCallBenchmark().calls) calls of a sync and of an async host function")
    let hostCalls = try HostCallBenchmark().measure(directory: directory)
    notes.append(
        String(
            format: "host calls per second: sync %.1f M, async completing at once %.1f M (Benchmarks/host_calls.wasm)",
            hostCalls.syncCallsPerSecond / 1e6, hostCalls.asyncCallsPerSecond / 1e6))

    let means = BenchReport.geometricMeans(results)
    return BenchReport(
        date: ISO8601DateFormatter().string(from: Date()), command: CommandLine.arguments.joined(separator: " "),
        machine: machine, runs: options.runs, workloads: results,
        geometricMeanProcessRatio: means.process, geometricMeanInProcessRatio: means.inProcess, notes: notes)
}

func write(_ text: String, to path: String) throws {
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw BenchError("cannot write \(path): \(error.localizedDescription)")
    }
}

func writeJSON(_ value: some Encodable, _ path: String?) throws {
    guard let path else { return }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    try write(String(decoding: try encoder.encode(value), as: UTF8.self) + "\n", to: path)
    print("wrote \(path)")
}

do {
    let options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
    if options.showHelp {
        print(BenchOptions.usage)
        exit(0)
    }
    if let phase = options.densityPhase {
        try DensityCommand.runPhase(phase.name, count: phase.count)
        exit(0)
    }
    if options.coreMark {
        let report = try CoreMarkCommand.run(options)
        print(CoreMarkCommand.render(report))
        try writeJSON(report, options.jsonPath)
        exit(0)
    }
    if options.density {
        let report = try DensityCommand.run(options)
        print(DensityCommand.render(report))
        try writeJSON(report, options.jsonPath)
        exit(0)
    }
    let report = try runBenchmarks(options)
    print(ResultTable.render(report))
    try writeJSON(report, options.jsonPath)
    if let path = options.svgPath {
        try write(SVGChart.ratios(report) ?? SVGChart.times(report), to: path)
        print("wrote \(path)")
    }
} catch {
    FileHandle.standardError.write(Data("vudo-bench: error: \(error)\n".utf8))
    exit(1)
}
