#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct FileReadError: Error, CustomStringConvertible {
    let path: String
    var description: String { "cannot read \(path)" }
}

/// Reads a whole file without Foundation (it would double the CLI's start-up time). A regular
/// file is read in one piece of its own size (a fixed 64 KiB buffer was a noticeable part of the
/// CLI's peak memory for small modules); pipes and the like in chunks.
func readFile(_ path: String) throws -> [UInt8] {
    guard let file = fopen(path, "rb") else { throw FileReadError(path: path) }
    defer { fclose(file) }
    if fseek(file, 0, SEEK_END) == 0 {
        let size = ftell(file)
        if size >= 0, fseek(file, 0, SEEK_SET) == 0 {
            var bytes = [UInt8](repeating: 0, count: size)
            let count = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            guard count == size, ferror(file) == 0 else { throw FileReadError(path: path) }
            return bytes
        }
    }
    clearerr(file)
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
        if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
        if count < buffer.count {
            if ferror(file) != 0 { throw FileReadError(path: path) }
            return bytes
        }
    }
}

/// Writes to file descriptor 2 directly: Swift 6 rejects the global `stderr` as shared mutable state.
func printError(_ message: String) {
    var line = message + "\n"
    line.withUTF8 { _ = write(2, $0.baseAddress, $0.count) }
}
