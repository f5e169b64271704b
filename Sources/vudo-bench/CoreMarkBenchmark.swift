import Foundation

/// EEMBC CoreMark (`../shared/bench/coremark`) under the vudo CLI and WasmKit 0.4.2, run
/// alternately, with the native build for scale when asked.
struct CoreMarkBenchmark {
    /// One way to run CoreMark: an executable and the arguments that come before CoreMark's own.
    struct Engine {
        let name: String
        let executable: String
        let leadingArguments: [String]
    }

    struct EngineResult: Codable {
        let engine: String
        let command: String
        let scores: Summary
        let crcFinal: String
        let peakResidentKiB: Int
    }

    struct Report: Codable {
        let date: String
        let command: String
        let machine: MachineDescription
        let iterations: Int
        let runs: Int
        let results: [EngineResult]
        /// vudo's median score over WasmKit's: above 1 means vudo is faster.
        let vudoOverWasmKit: Double
        let notes: [String]
    }

    /// The three seeds of a performance run; the iteration count follows them.
    static let seeds = ["0x0", "0x0", "0x66"]

    let runs: Int
    let iterations: Int
    let engines: [Engine]

    /// Runs every engine once per round, rotating which goes first, so that the shared machine's
    /// changing load falls on all of them alike.
    func measure() throws -> [EngineResult] {
        var outputs: [[CoreMarkOutput]] = Array(repeating: [], count: engines.count)
        var peaks = Array(repeating: 0, count: engines.count)
        for round in 0..<runs {
            var line: [String] = []
            for offset in 0..<engines.count {
                let index = (round + offset) % engines.count
                let (output, peak) = try run(engines[index])
                outputs[index].append(output)
                peaks[index] = max(peaks[index], peak)
                line.append(String(format: "%@ %.1f it/s", engines[index].name, output.iterationsPerSecond))
            }
            progress("  round \(round + 1)/\(runs): " + line.joined(separator: ", "))
        }
        return try engines.indices.map { index in
            let crcs = Set(outputs[index].map(\.crcFinal))
            guard crcs.count == 1, let crc = crcs.first else {
                throw BenchError("\(engines[index].name): crcfinal differs between runs: \(crcs.sorted())")
            }
            return EngineResult(
                engine: engines[index].name, command: commandLine(engines[index]),
                scores: Summary(outputs[index].map(\.iterationsPerSecond)), crcFinal: crc,
                peakResidentKiB: peaks[index])
        }
    }

    /// Every engine must agree on `crcfinal`, and with EEMBC's value where the count has one.
    static func checkAgreement(_ results: [EngineResult], iterations: Int) throws {
        let crcs = Set(results.map(\.crcFinal))
        guard crcs.count == 1, let crc = crcs.first else {
            let listed = results.map { "\($0.engine) \($0.crcFinal)" }.joined(separator: ", ")
            throw BenchError("engines disagree on crcfinal: \(listed)")
        }
        if let known = CoreMarkOutput.knownCRCs[iterations], known != crc {
            throw BenchError("crcfinal \(crc) for \(iterations) iterations, expected \(known)")
        }
    }

    private func commandLine(_ engine: Engine) -> String {
        ([engine.executable] + engine.leadingArguments + Self.seeds + [String(iterations)]).joined(separator: " ")
    }

    private func run(_ engine: Engine) throws -> (CoreMarkOutput, Int) {
        let run = try ProcessTimer.measured(
            engine.executable, engine.leadingArguments + Self.seeds + [String(iterations)])
        guard run.exitCode == 0 else {
            throw BenchError("\(engine.name) exited with status \(run.exitCode):\n\(run.output)")
        }
        guard let output = CoreMarkOutput(parsing: run.output) else {
            throw BenchError("\(engine.name): no CoreMark score or crcfinal in its output:\n\(run.output)")
        }
        guard output.iterations == iterations else {
            throw BenchError("\(engine.name) ran \(output.iterations) iterations, not \(iterations)")
        }
        return (output, run.peakResidentKiB)
    }
}
