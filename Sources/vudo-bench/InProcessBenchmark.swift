import WasmCore

/// What one workload costs when WasmCore runs it inside this process.
struct InProcessResult: Codable {
    /// `Module(bytes:)`: decoding the binary.
    let decode: Summary
    /// `Store.instantiate`: validation, linking, segment initialization (and translation, when eager).
    let instantiate: Summary
    /// One `run` call each, on the same instance; the first includes any lazy translation.
    let run: Summary
    let firstRunSeconds: Double
    /// Verified against the manifest: a wrong checksum aborts the benchmark instead.
    let checksum: UInt64
    let peakResidentKiB: Int
}

/// Loads a workload `runs` times, then calls its export `runs` times, checking every result.
struct InProcessBenchmark {
    let runs: Int
    /// Translate with fuel checkpoints and give the store an effectively endless budget, to
    /// measure what metering costs.
    var metered = false

    func measure(_ workload: Workload, bytes: [UInt8]) throws -> InProcessResult {
        var decodeTimes: [Double] = []
        var instantiateTimes: [Double] = []
        var loaded: (store: Store, instance: Instance)?
        for _ in 0..<runs {
            let decoded = try timed { try Module(bytes: bytes) }
            var configuration = EngineConfiguration()
            if metered {
                configuration.meteringEnabled = true
                configuration.fuel = Int64.max
            }
            let store = Store(configuration: configuration)
            let instantiated = try timed { try store.instantiate(decoded.value) }
            decodeTimes.append(decoded.seconds)
            instantiateTimes.append(instantiated.seconds)
            loaded = (store, instantiated.value)
        }
        guard let (store, instance) = loaded, let function = instance.exportedFunction(workload.export) else {
            throw BenchError("\(workload.file) has no exported function `\(workload.export)`")
        }

        var runTimes: [Double] = []
        for index in 0..<runs {
            let call = try timed { try store.invoke(function, []) }
            guard call.value.count == 1, workload.matches(call.value[0]) else {
                throw BenchError(
                    "\(workload.name): wrong result \(call.value) (expected \(workload.resultType) \(workload.expected))"
                )
            }
            runTimes.append(call.seconds)
            progress("  vudo in-process run \(index + 1)/\(runs): \(formatSeconds(call.seconds))")
        }
        return InProcessResult(
            decode: Summary(decodeTimes), instantiate: Summary(instantiateTimes), run: Summary(runTimes),
            firstRunSeconds: runTimes[0], checksum: workload.expected, peakResidentKiB: peakResidentKiB())
    }
}
