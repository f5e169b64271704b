@_spi(Tools) import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// With `VUDO_PROFILE_INSTRUCTIONS` set (to a number of rows, or anything for 40), a debug build
/// of the CLI counts the internal instructions it runs and reports the most frequent ones and
/// pairs on standard error at exit (see `InstructionProfile`).
enum InstructionProfiling {
    /// The rows to report, once counting has started; nil when not asked for.
    static func startIfAsked() -> Int? {
        guard let value = getenv("VUDO_PROFILE_INSTRUCTIONS") else { return nil }
        InstructionProfile.start()
        return Int(String(cString: value)).map { max($0, 1) } ?? 40
    }

    static func report(top: Int) {
        printError(InstructionProfile.report(top: top))
    }
}
