#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and path names with the C library alone: neither the embedding layer nor the
/// `vudo` CLI links Foundation, which would add about 2 MiB to every process that loads a Spirit.
public enum HostFile {
    /// Why a file could not be read: the C library's message for its `errno`.
    public struct ReadError: Error, CustomStringConvertible, Sendable {
        public let errno: Int32
        public var description: String { String(cString: strerror(errno)) }
    }

    /// The contents of the file at `path`. A regular file is read in one piece of its own size;
    /// pipes and devices in chunks until their end.
    public static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        let knownSize = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
        var bytes = [UInt8](repeating: 0, count: knownSize ? Int(status.st_size) : 1 << 16)
        var filled = 0
        while true {
            if filled == bytes.count {
                // Full: a regular file usually ends here, which one byte tells without growing.
                var probe: UInt8 = 0
                let count = readFromDescriptor(descriptor, &probe, 1)
                if count == 0 { return bytes }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw ReadError(errno: errno)
                }
                bytes.append(probe)
                filled += 1
                bytes.append(contentsOf: repeatElement(0, count: max(bytes.count, 1 << 16)))
            }
            let count = bytes.withUnsafeMutableBytes {
                readFromDescriptor(descriptor, $0.baseAddress! + filled, $0.count - filled)
            }
            if count == 0 { return Array(bytes[..<filled]) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(errno: errno)
            }
            filled += count
        }
    }

    /// The file name without directories and without its last extension: `a/b/calc.wasm` → `calc`.
    static func baseName(_ path: String) -> String {
        let name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    /// The process's environment variables.
    @usableFromInline
    package static func environment() -> [String: String] {
        var variables: [String: String] = [:]
        var entry = environ
        while let pointer = entry.pointee {
            let text = String(cString: pointer)
            if let equals = text.firstIndex(of: "=") {
                variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            entry += 1
        }
        return variables
    }
}
