/// The command line of `vudo-bench`.
struct BenchOptions {
    var runs = 5
    var jsonPath: String?
    var svgPath: String?
    var filters: [String] = []
    var compareWasmKit = false
    var fuel = false
    var directory: String?
    var wasmkitPath: String?
    var vudoPath: String?
    var showHelp = false

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
                options.runs = runs
            case "--json": options.jsonPath = try value(for: argument)
            case "--svg": options.svgPath = try value(for: argument)
            case "--filter": options.filters += try value(for: argument).split(separator: ",").map(String.init)
            case "--compare-wasmkit": options.compareWasmKit = true
            case "--fuel": options.fuel = true
            case "--dir": options.directory = try value(for: argument)
            case "--wasmkit": options.wasmkitPath = try value(for: argument)
            case "--vudo": options.vudoPath = try value(for: argument)
            case "-h", "--help": options.showHelp = true
            default: throw BenchError("unknown argument \(argument)\n\(usage)")
            }
        }
        return options
    }
}
