#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes to file descriptor 2 directly: Swift 6 rejects the global `stderr` as shared mutable state.
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}

/// Writes a line to file descriptor 1 directly, as the Spirit's own output is written: `print`
/// would buffer it apart from that output, and its first use looks up protocol conformances
/// across every loaded library, a measurable part of a short run's start-up.
func printOutput(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { buffer in
        var written = 0
        while written < buffer.count {
            let count = write(1, buffer.baseAddress.map { $0 + written }, buffer.count - written)
            if count > 0 {
                written += count
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}
