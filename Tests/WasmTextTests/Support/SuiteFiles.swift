#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The spec test suite outside the repository, found the way `SpecConformanceTests` finds it:
/// `$VUDO_SPEC_TESTSUITE`, or `../shared/wasm-testsuite` relative to the package root.
enum SuiteFiles {
    static let root: String? = {
        if let variable = getenv("VUDO_SPEC_TESTSUITE") {
            let path = String(cString: variable)
            return isDirectory(path) ? path : nil
        }
        return isDirectory("../shared/wasm-testsuite") ? "../shared/wasm-testsuite" : nil
    }()

    static let missing = """
        WebAssembly spec test suite not found: set VUDO_SPEC_TESTSUITE or place it at \
        ../shared/wasm-testsuite relative to the package root
        """

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if count < chunk.count { break }
        }
        return bytes
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func listDirectory(_ path: String) -> [String] {
        guard let directory = opendir(path) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Every file under `path` (recursively) whose name ends with `suffix`, sorted.
    static func files(under path: String, suffix: String) -> [String] {
        var found: [String] = []
        func walk(_ directory: String, depth: Int) {
            guard depth < 16 else { return }
            for name in listDirectory(directory) {
                let child = directory + "/" + name
                if isDirectory(child) {
                    walk(child, depth: depth + 1)
                } else if name.hasSuffix(suffix) {
                    found.append(child)
                }
            }
        }
        walk(path, depth: 0)
        return found.sorted()
    }
}
