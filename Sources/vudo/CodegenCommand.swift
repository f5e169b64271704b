// `vudo codegen`: the generators live in the VudoCodegen library (Sources/VudoCodegen).
import Vudo
import VudoCodegen
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `vudo codegen FILE.wasm [--name TYPE] [-o OUT]`: a typed Swift interface for the module's exports.
/// `vudo codegen FILE.dol [-o OUT]`: Swift `Gene` types with their layouts for the file's genes.
enum CodegenCommand {
    static let usage = "usage: vudo codegen FILE.wasm|FILE.wat|FILE.dol [--name TYPE] [-o OUTPUT.swift]"

    static func run(_ arguments: [String]) -> Int32 {
        var input: String?
        var typeName: String?
        var output: String?
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            switch argument {
            case "--name", "-o":
                guard index + 1 < arguments.count else {
                    printError("vudo codegen: \(argument) needs a value\n\(usage)")
                    return 2
                }
                if argument == "--name" { typeName = arguments[index + 1] } else { output = arguments[index + 1] }
                index += 2
            case _ where argument.hasPrefix("-"):
                printError("vudo codegen: unknown option \(argument)\n\(usage)")
                return 2
            default:
                guard input == nil else {
                    printError("vudo codegen: one input file at a time\n\(usage)")
                    return 2
                }
                input = argument
                index += 1
            }
        }
        guard let input else {
            printError(usage)
            return 2
        }
        let bytes: [UInt8]
        do {
            // A .dol file is text of its own; a module may be .wasm or .wat.
            bytes = input.hasSuffix(".dol") ? try HostFile.read(input) : try ModuleFile.bytes(atPath: input)
        } catch {
            printError("vudo codegen: \(input): \(error)")
            return 1
        }
        let source: String
        let fileName = input.split(separator: "/").last.map(String.init) ?? input
        if input.hasSuffix(".dol") {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                printError("vudo codegen: \(input) is not UTF-8")
                return 1
            }
            do {
                source = try GeneGenerator.generate(fromDOL: text, sourceName: fileName)
            } catch {
                printError("vudo codegen: \(input): \(error)")
                return 1
            }
        } else {
            do {
                let module = try Module(bytes: bytes)
                try module.validate()
                source = InterfaceGenerator.generate(
                    for: module, typeName: typeName ?? InterfaceGenerator.typeName(forFile: input), sourceName: fileName
                )
            } catch {
                printError("vudo codegen: \(input): \(error)")
                return 1
            }
        }
        guard let output else {
            print(source, terminator: "")
            return 0
        }
        return write(source, to: output) ? 0 : 1
    }

    /// Writes the file whole, without Foundation.
    private static func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else {
            printError("vudo codegen: cannot write \(path)")
            return false
        }
        defer { fclose(file) }
        var text = text
        let written = text.withUTF8 { fwrite($0.baseAddress, 1, $0.count, file) }
        guard written == text.utf8.count else {
            printError("vudo codegen: cannot write \(path)")
            return false
        }
        return true
    }
}
