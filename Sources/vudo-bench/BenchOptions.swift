/// The command line of `vudo-bench`.
struct BenchOptions {
    /// `--runs`, when given; each mode has its own default.
    var explicitRuns: Int?
    var runs: Int { explicitRuns ?? 5 }
    var jsonPath: String?
    var svgPath: String?
    var filters: [String] = []
    var compareWasmKit = false
    var fuel = false
    var directory: String?
    var wasmkitPath: String?
    var vudoPath: String?
    var showHelp = false
    /// `--coremark`: EEMBC CoreMark under vudo and WasmKit instead of the workloads.
    var coreMark = false
    var iterations = 2000
    var coreMarkDirectory: String?
    var native = false
    /// `--density`: how fast Spirits load and how much each one keeps resident.
    var density = false
    var spiritCount = 10_000
    /// `--density-phase NAME N`: the child process of `--density` that measures one phase.
    var densityPhase: (name: String, count: String)?

    static let usage = """
        usage: vudo-bench [options]
          --runs N           timed runs per workload and engine (default 5)
          --filter NAME      only workloads whose name contains NAME (repeatable, or comma-separated)
          --json FILE        write machine-readable results
          --svg FILE         draw a bar chart (vudo/WasmKit ratios with --compare-wasmkit, else run times)
          --compare-wasmkit  also time whole-process runs of WasmKit 0.4.2 and the vudo CLI, alternately
          --fuel             run with fuel metering (checkpoints charging an endless budget)
          --dir DIR          the Benchmarks folder (default: ./Benchmarks)
          --wasmkit PATH     the WasmKit CLI (default: ../shared/peers/wasmkit --path)
          --vudo PATH        the vudo CLI (default: .build/release/vudo, used when it exists)

        usage: vudo-bench --coremark [--runs N] [--iterations N] [--native] [--json FILE]
          EEMBC CoreMark (wasm32-wasi) under the vudo CLI and WasmKit 0.4.2, alternately: scores
          (Iterations/Sec, medians of N runs, default 3), their ratio, crcfinal checked
          --iterations N     CoreMark iterations per run (default 2000, whose crcfinal is 0x4983)
          --native           also run the native build, for scale
          --coremark-dir DIR CoreMark's builds (default: ../shared/bench/coremark)
          --vudo PATH, --wasmkit PATH as above (the vudo CLI is required here)

        usage: vudo-bench --density [--spirits N] [--json FILE]
          loads N Spirits (default 10000) of a one-page module in this process and reports the time
          per Spirit and the resident memory each keeps
        """

    static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        func value(for flag: String) throws -> String {
            guard let value = remaining.popFirst() else { throw BenchError("\(flag) needs a value\n\(usage)") }
            return value
        }
        while let argument = remaining.popFirst() {
            switch argument {
            case "--runs":
                guard let runs = Int(try value(for: argument)), runs > 0 else {
                    throw BenchError("--runs needs a positive integer")
                }
                options.explicitRuns = runs
            case "--json": options.jsonPath = try value(for: argument)
            case "--svg": options.svgPath = try value(for: argument)
            case "--filter": options.filters += try value(for: argument).split(separator: ",").map(String.init)
            case "--compare-wasmkit": options.compareWasmKit = true
            case "--fuel": options.fuel = true
            case "--dir": options.directory = try value(for: argument)
            case "--wasmkit": options.wasmkitPath = try value(for: argument)
            case "--vudo": options.vudoPath = try value(for: argument)
            case "--coremark": options.coreMark = true
            case "--iterations":
                guard let iterations = Int(try value(for: argument)), iterations > 0 else {
                    throw BenchError("--iterations needs a positive integer")
                }
                options.iterations = iterations
            case "--coremark-dir": options.coreMarkDirectory = try value(for: argument)
            case "--native": options.native = true
            case "--density": options.density = true
            case "--spirits":
                guard let count = Int(try value(for: argument)), count > 0 else {
                    throw BenchError("--spirits needs a positive integer")
                }
                options.spiritCount = count
            case "--density-phase":
                options.densityPhase = (try value(for: argument), try value(for: argument))
            case "-h", "--help": options.showHelp = true
            default: throw BenchError("unknown argument \(argument)\n\(usage)")
            }
        }
        return options
    }
}
