/// A command-line engine that can call one export of a module, for whole-process timing.
struct EngineCommand {
    let name: String
    let executable: String
    /// `invoke` for vudo, `run` for WasmKit: both then take `FILE EXPORT`.
    let subcommand: String
}

/// Whole-process runs of one engine on one workload.
struct ProcessTimes: Codable {
    let run: Summary
    /// The largest peak resident set over the runs.
    let peakResidentKiB: Int
}

/// One workload timed as whole processes under WasmKit and (when built) the vudo CLI.
struct ProcessComparison: Codable {
    let wasmkit: ProcessTimes
    let vudo: ProcessTimes?
    /// vudo process median / WasmKit process median: both include process start-up and loading.
    let processRatio: Double?
    /// vudo in-process run median / WasmKit process median: flatters vudo by the start-up it skips.
    let inProcessRatio: Double
}

/// Runs the same .wasm under both CLIs in alternation, so that the machine's changing load
/// falls on both engines alike, and checks every run's output.
struct PeerComparison {
    let runs: Int
    let wasmkit: EngineCommand
    let vudo: EngineCommand?

    func compare(_ workload: Workload, path: String, inProcess: InProcessResult) throws -> ProcessComparison {
        var wasmkitRuns: [ProcessRun] = []
        var vudoRuns: [ProcessRun] = []
        for round in 0..<runs {
            // Who goes first alternates too, so that neither engine always runs on a warmer cache.
            let vudoFirst = round % 2 == 0
            if vudoFirst, let vudo { vudoRuns.append(try checkedRun(vudo, workload, path)) }
            wasmkitRuns.append(try checkedRun(wasmkit, workload, path))
            if !vudoFirst, let vudo { vudoRuns.append(try checkedRun(vudo, workload, path)) }
            let vudoText = vudoRuns.last.map { "vudo \(formatSeconds($0.seconds)), " } ?? ""
            progress(
                "  process round \(round + 1)/\(runs): \(vudoText)wasmkit \(formatSeconds(wasmkitRuns[round].seconds))")
        }
        let wasmkitTimes = Self.times(wasmkitRuns)
        let vudoTimes = vudoRuns.isEmpty ? nil : Self.times(vudoRuns)
        return ProcessComparison(
            wasmkit: wasmkitTimes, vudo: vudoTimes,
            processRatio: vudoTimes.map { $0.run.median / wasmkitTimes.run.median },
            inProcessRatio: inProcess.run.median / wasmkitTimes.run.median)
    }

    private func checkedRun(_ engine: EngineCommand, _ workload: Workload, _ path: String) throws -> ProcessRun {
        let run = try ProcessTimer.measured(engine.executable, [engine.subcommand, path, workload.export])
        guard run.exitCode == 0, workload.matches(output: run.output) else {
            throw BenchError(
                """
                \(engine.name) on \(workload.name): exit code \(run.exitCode), expected \(workload.resultType) \
                \(workload.expected), output:
                \(run.output)
                """)
        }
        return run
    }

    private static func times(_ runs: [ProcessRun]) -> ProcessTimes {
        ProcessTimes(run: Summary(runs.map(\.seconds)), peakResidentKiB: runs.map(\.peakResidentKiB).max() ?? 0)
    }
}
