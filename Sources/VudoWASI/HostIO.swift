import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole reads and writes on host descriptors, retried on EINTR.
enum HostIO {
    /// Writes every byte, or stops at the first error; returns the host errno of that error.
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
    }

    /// One read of at most `count` bytes; empty at end of input or on error.
    static func read(upTo count: Int, from descriptor: Int32) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: max(count, 1))
        while true {
            let got = buffer.withUnsafeMutableBytes { readFromDescriptor(descriptor, $0.baseAddress, count) }
            if got < 0, errno == EINTR { continue }
            return got > 0 ? Array(buffer[..<got]) : []
        }
    }
}
