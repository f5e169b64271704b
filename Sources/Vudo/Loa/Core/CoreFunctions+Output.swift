extension CoreFunctions {
    static func addOutput(to loa: inout LoaBuilder) {
        // Every print reaches the sink as one text; the standard output sink ends each with a
        // newline (the reference runtime's console does the same), so print and println agree.
        loa.function("vudo_print", capability: .print) { (context, pointer: UInt32, length: UInt32) in
            context.output.write(try context.memory.readRawString(at: pointer, length: length))
        }
        loa.function("vudo_println", capability: .print) { (context, pointer: UInt32, length: UInt32) in
            context.output.write(try context.memory.readRawString(at: pointer, length: length))
        }
        loa.function("vudo_log", capability: .print) { (context, level: Int32, pointer: UInt32, length: UInt32) in
            let level = LogLevel(level)
            // Debug-level lines are for debug runs, like vudo_debug.
            if level == .debug, !context.debug { return }
            context.log("\(level): \(try context.memory.readRawString(at: pointer, length: length))")
        }
        loa.function("vudo_error", capability: .print) { (context, pointer: UInt32, length: UInt32) in
            context.log("error: \(try context.memory.readRawString(at: pointer, length: length))")
        }
    }
}

/// `vudo_log`'s levels; anything out of range counts as an error.
enum LogLevel: String, CustomStringConvertible {
    case debug, info, warn, error

    init(_ level: Int32) {
        self =
            switch level {
            case 0: .debug
            case 1: .info
            case 2: .warn
            default: .error
            }
    }

    var description: String { rawValue }
}
