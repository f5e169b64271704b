import Vudo
import WasmCore

/// `--fuel N`, `--timeout SECONDS`, `--max-memory PAGES`, `--max-call-depth N`, `--max-heap MIB`
/// for `run` and `invoke`, taken out of the argument list wherever they stand before a `--`.
struct LimitOptions {
    // Nothing cancels a command-line run, so without --fuel or --timeout no checkpoints are needed.
    var limits = ResourceLimits(interruptible: false)

    static let usage = "[--fuel N] [--timeout SECONDS] [--max-memory PAGES] [--max-call-depth N] [--max-heap MIB]"

    /// Removes the limit flags from `arguments`; a malformed value is a usage error (exit 2).
    static func extract(from arguments: inout [String]) -> LimitOptions {
        var options = LimitOptions()
        var kept: [String] = []
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--" {
                kept.append(argument)
                kept.append(contentsOf: rest)
                break
            }
            func value<T>(_ parse: (String) -> T?) -> T {
                guard let text = rest.popFirst(), let parsed = parse(text) else {
                    usageError("\(argument) takes a number")
                }
                return parsed
            }
            switch argument {
            case "--fuel": options.limits.fuel = value { Int64($0) }.flatMap { $0 >= 0 ? $0 : nil }
            case "--timeout":
                let seconds: Double = value { Double($0) }
                guard seconds > 0, seconds.isFinite else { usageError("--timeout takes a positive number of seconds") }
                options.limits.timeout = .milliseconds(Int64(seconds * 1000))
            case "--max-memory": options.limits.maxMemoryPages = value { UInt64($0) }
            case "--max-call-depth":
                let depth: Int = value { Int($0) }
                guard depth > 0 else { usageError("--max-call-depth takes a positive number") }
                options.limits.maxCallDepth = depth
            case "--max-heap":
                let mebibytes: Int = value { Int($0) }
                guard mebibytes > 0, mebibytes <= Int.max >> 20 else {
                    usageError("--max-heap takes a positive number")
                }
                options.limits.maxHeapBytes = mebibytes << 20
            default: kept.append(argument)
            }
        }
        arguments = kept
        return options
    }

    /// The engine settings for a WASI command, which runs outside the Spirit layer.
    var engine: EngineConfiguration { limits.applied(to: EngineConfiguration()) }
}
