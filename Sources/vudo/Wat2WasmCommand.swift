import Vudo
import WasmText

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vudo wat2wasm FILE.wat [-o OUT] [--debug-names]`: the text format to a binary module. With
/// several files (and no `-o`) each `X.wat` becomes `X.wasm` beside it. `--debug-names` writes a
/// `name` section with the module's, functions' and locals' identifiers.
enum Wat2WasmCommand {
    static let usage = "usage: vudo wat2wasm FILE.wat... [-o OUT.wasm] [--debug-names]"

    static func run(_ arguments: [String]) -> Int32 {
        var inputs: [String] = []
        var output: String?
        var options = TextFormatOptions.default
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--debug-names" {
                options.debugNames = true
            } else if argument == "-o" {
                guard let value = rest.popFirst() else { usageError(usage) }
                output = value
            } else {
                inputs.append(argument)
            }
        }
        guard !inputs.isEmpty else { usageError(usage) }
        guard output == nil || inputs.count == 1 else { usageError("wat2wasm takes -o with one FILE only") }
        var status: Int32 = 0
        for input in inputs {
            let destination = output ?? defaultOutput(for: input)
            do {
                let bytes = try WAT.encode(try HostFile.read(input), options: options)
                guard writeFile(bytes, to: destination) else {
                    printError("vudo wat2wasm: cannot write \(destination)")
                    status = 1
                    continue
                }
            } catch {
                printError("\(input):\(error)")
                status = 1
            }
        }
        return status
    }

    /// `a/b.wat` → `a/b.wasm`; any other name gets `.wasm` appended.
    private static func defaultOutput(for input: String) -> String {
        input.hasSuffix(".wat") ? String(input.dropLast(4)) + ".wasm" : input + ".wasm"
    }

    private static func writeFile(_ bytes: [UInt8], to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        return written == bytes.count
    }
}
