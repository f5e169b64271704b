#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import InternalCodeSpec

// Writes the files generated from the internal instruction table (Sources/InternalCodeSpec) into
// Sources/WasmCore. Run from anywhere: `swift run generate-internal-code`.
let packageRoot = String("\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).dropLast(3)
    .joined(separator: "/"))

var failed = false
for (path, contents) in Generator.files() {
    let full = packageRoot + "/" + path
    guard let file = fopen(full, "w") else {
        print("cannot write \(full)")
        failed = true
        continue
    }
    let bytes = Array(contents.utf8)
    let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
    fclose(file)
    if written != bytes.count { failed = true }
    print("wrote \(path)")
}
exit(failed ? 1 : 0)
