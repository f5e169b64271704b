extension DOLABI {
    static func addOutput(to loa: inout LoaBuilder) {
        loa.function("vudo_print", capability: .print) { (context, pointer: UInt32, length: UInt32) in
            context.output.write(try context.memory.readRawString(at: pointer, length: length), endsLine: false)
        }
        loa.function("vudo_println", capability: .print) { (context, pointer: UInt32, length: UInt32) in
            context.output.write(try context.memory.readRawString(at: pointer, length: length))
        }
        loa.function("vudo_log", capability: .print) { (context, level: UInt32, pointer: UInt32, length: UInt32) in
            let level = DOLLogLevel(level)
            // Trace and debug lines are for debug runs, like the core Loa's vudo_debug.
            if level <= .debug, !context.debug { return }
            context.log("\(level): \(try context.memory.readRawString(at: pointer, length: length))")
        }
        // The compiler's vudo_error returns "an error code assigned by the host": the ABI's Error.
        loa.function("vudo_error", capability: .print) { (context, pointer: UInt32, length: UInt32) -> Int32 in
            context.log("error: \(try context.memory.readRawString(at: pointer, length: length))")
            return DOLResultCode.error.rawValue
        }
    }
}

/// The DOL ABI's log levels (`src/host.rs`): 0 trace to 4 error; anything else counts as an error.
enum DOLLogLevel: Int, Comparable, CustomStringConvertible {
    case trace, debug, info, warn, error

    init(_ level: UInt32) { self = Self(rawValue: Int(level)) ?? .error }

    var description: String {
        switch self {
        case .trace: "trace"
        case .debug: "debug"
        case .info: "info"
        case .warn: "warn"
        case .error: "error"
        }
    }

    static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}
