import Vudo
import VudoWASI
@_spi(Tools) import WasmCore
import WasmSpecTest

/// Loads and validates the module at `path`, printing the typed error on failure.
func loadValidModule(_ path: String) -> Module? {
    do {
        let module = try Module(bytes: ModuleFile.bytes(atPath: path))
        try module.validate()
        return module
    } catch {
        printError("\(path): \(error)")
        return nil
    }
}

enum ValidateCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else { usageError("validate takes one FILE") }
        guard loadValidModule(arguments[0]) != nil else { return 1 }
        printOutput("\(arguments[0]): valid")
        return 0
    }
}

enum OpcodesCommand {
    static func run(_ arguments: [String]) -> Int32 {
        switch arguments {
        case []: print(OpcodeReference.plainText(), terminator: "")
        case ["--markdown"]: print(OpcodeReference.markdown(), terminator: "")
        default: usageError("opcodes takes only --markdown")
        }
        return 0
    }
}

enum DisassembleCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var path: String?
        var function: Int?
        var internalCode = false
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--internal" {
                internalCode = true
            } else if argument == "--func" {
                guard let value = rest.popFirst(), let n = Int(value) else { usageError("--func takes a number") }
                function = n
            } else if path == nil {
                path = argument
            } else {
                usageError("disasm takes one FILE")
            }
        }
        guard let path else { usageError("disasm needs a FILE") }
        do {
            let module = try Module(bytes: ModuleFile.bytes(atPath: path))
            if internalCode { return try printInternalCode(module, function: function) }
            let disassembler = Disassembler(module: module)
            if let function {
                print(try disassembler.disassemble(definedFunction: function))
            } else {
                print(try disassembler.disassembleAll())
            }
            return 0
        } catch {
            printError("\(path): \(error)")
            return 1
        }
    }
}

/// The translator's output for one defined function (or all), for studying the interpreter.
private func printInternalCode(_ module: Module, function: Int?) throws -> Int32 {
    let store = Store()
    // Stand-ins for the imports, so that any module can be translated without its host.
    let imports = try Imports.placeholders(for: module, in: store)
    let instance = try store.instantiate(module, imports: imports)
    let imported = module.importedFunctionTypes.count
    let indices = function.map { [$0] } ?? Array(0..<module.codes.count)
    for index in indices {
        guard let address = instance.functionAddress(at: imported + index) else { continue }
        print("func \(imported + index):")
        print(try store.internalCode(of: address))
    }
    return 0
}

enum InspectCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count == 1 else { usageError("inspect takes one FILE") }
        let path = arguments[0]
        let module: Module
        do {
            module = try Module(bytes: ModuleFile.bytes(atPath: path))
        } catch {
            printError("\(path): \(error)")
            return 1
        }
        print("module \(path)")
        if let name = module.names.moduleName { print("  name: \(name)") }
        print("types (\(module.types.count)):")
        for (i, type) in module.types.enumerated() { print("  [\(i)] \(type)") }
        print("imports (\(module.imports.count)):")
        for entry in module.imports { print("  \(entry.module).\(entry.name): \(describe(entry.descriptor, module))") }
        printLoaNeeds(module)
        let importedFunctions = module.importedFunctionTypes.count
        print("functions (\(module.functionTypeIndices.count) defined, \(importedFunctions) imported):")
        for (i, typeIndex) in module.functionTypeIndices.enumerated() {
            let index = importedFunctions + i
            let name = module.names.functionNames[UInt32(index)].map { " $\($0)" } ?? ""
            print("  [\(index)]\(name) type \(typeIndex)")
        }
        print("tables (\(module.tables.count)):")
        for table in module.tables { print("  \(table.type.elementType) \(describe(table.type.limits))") }
        if !module.tags.isEmpty {
            print("tags (\(module.tags.count)):")
            for tag in module.tags { print("  type \(tag.typeIndex)") }
        }
        print("memories (\(module.memories.count)):")
        for memory in module.memories { print("  pages \(describe(memory.limits))") }
        print("globals (\(module.globals.count)):")
        for global in module.globals { print("  \(global.type.isMutable ? "mut " : "")\(global.type.valueType)") }
        print("exports (\(module.exports.count)):")
        for export in module.exports { print("  \"\(export.name)\": \(export.kind) \(export.index)") }
        if let start = module.start { print("start: function \(start)") }
        print("element segments: \(module.elements.count)")
        print("data segments: \(module.data.count)")
        print("custom sections (\(module.customSections.count)):")
        for section in module.customSections { print("  \"\(section.name)\": \(counted(section.bytes.count, "byte"))") }
        return 0
    }

    /// Which Loas the function imports need, with the capabilities a grant must give, as the
    /// built-in registry (the core Loa) sees them.
    static func printLoaNeeds(_ module: Module) {
        let needs = LoaRegistry().needs(of: module)
        print("loas (\(needs.count)):")
        for need in needs {
            let version =
                if let registered = need.version {
                    " \(registered)"
                } else if need.loa == WASI.moduleName {
                    " (WASI preview 1: `vudo run` runs it as a command)"
                } else if Loa.abiModules.contains(need.loa) {
                    ""
                } else {
                    " (not registered: the embedder registers it and grants its capabilities)"
                }
            let modules = need.modules == [need.loa] ? "" : " via " + need.modules.joined(separator: ", ")
            print("  \(need.loa)\(version)\(modules)")
            if !need.capabilities.isEmpty {
                print("    capabilities: " + need.capabilities.map(\.name).joined(separator: ", "))
            }
            print("    functions: " + need.functions.joined(separator: ", "))
            for problem in need.problems { print("    cannot link \(problem)") }
        }
    }

    static func describe(_ limits: Limits) -> String {
        "min \(limits.min)" + (limits.max.map { " max \($0)" } ?? "")
    }

    static func describe(_ descriptor: Import.Descriptor, _ module: Module) -> String {
        switch descriptor {
        case .function(let t):
            return "func " + (module.functionType(at: t)?.description ?? "type \(t)")
        case .table(let t): return "table \(t.elementType) \(describe(t.limits))"
        case .memory(let m): return "memory \(describe(m.limits))"
        case .global(let g): return "global \(g.isMutable ? "mut " : "")\(g.valueType)"
        case .tag(let t): return "tag type \(t.typeIndex)"
        }
    }
}

enum SpecTestCommand {
    static func run(_ arguments: [String]) -> Int32 {
        spectestMain(arguments: arguments)
    }
}
