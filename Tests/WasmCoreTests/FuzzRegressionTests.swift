import Foundation
import Testing
@_spi(Tools) import WasmCore

/// Replays the fuzzers' inputs through everything the `instantiate_execute` fuzz target does:
/// decode, validate, disassemble, instantiate with stub imports (running the start function) and
/// call every exported function with zero arguments, all under fuel. Errors and traps are fine;
/// the test passes when the process survives.
///
/// - `Fuzz/corpus/`: the seed modules.
/// - `Fuzz/failures/`: inputs that once crashed WasmCore and are fixed.
/// - `Fuzz/failures/open/`: inputs that still crash. A Swift trap would kill the whole test
///   process, so these are never executed here: each is recorded as a known issue (see
///   Fuzz/README.md for their stack traces). Move a file up to `Fuzz/failures/` once it is fixed.
@Suite struct FuzzRegressionTests {
    static let fuzzDirectory: String = {
        // <root>/Tests/WasmCoreTests/FuzzRegressionTests.swift
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        return components.joined(separator: "/") + "/Fuzz"
    }()

    /// Regular files in `Fuzz/<folder>`, as paths relative to `Fuzz/`, sorted.
    static func inputs(in folder: String) -> [String] {
        let directory = fuzzDirectory + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.sorted().filter { name in
            var isDirectory: ObjCBool = false
            guard !name.hasPrefix("."), !name.hasSuffix(".md"),
                FileManager.default.fileExists(atPath: directory + "/" + name, isDirectory: &isDirectory)
            else { return false }
            return !isDirectory.boolValue
        }.map { folder + "/" + $0 }
    }

    static let replayable = inputs(in: "corpus") + inputs(in: "failures")
    static let openCrashers = inputs(in: "failures/open")

    @Test func seedCorpusIsPresent() {
        #expect(Self.inputs(in: "corpus").count >= 10, "no seeds found in \(Self.fuzzDirectory)/corpus")
    }

    @Test(arguments: replayable)
    func replayDoesNotCrash(input: String) throws {
        let data = try #require(FileManager.default.contents(atPath: Self.fuzzDirectory + "/" + input))
        FuzzReplay.run([UInt8](data))
    }

    /// Known crashers: listed, not run.
    @Test(arguments: openCrashers)
    func openCrasherIsStillOpen(input: String) {
        withKnownIssue("\(input) crashes WasmCore (not executed; see Fuzz/README.md)") {
            Issue.record("open fuzz crasher \(input)")
        }
    }
}

/// A copy of `FuzzHarness.run` in Fuzz/Harness.swift (which is compiled into the fuzz binaries
/// with WasmCore's sources and so cannot be imported here); keep the two in step.
enum FuzzReplay {
    static var configuration: EngineConfiguration {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        configuration.maxCallDepth = 1_000
        configuration.valueStackSlots = 1 << 16
        configuration.maxMemoryPages = 256
        configuration.maxTableElements = 100_000
        return configuration
    }

    static let fuel: Int64 = 100_000

    static func decodeAndValidate(_ bytes: [UInt8]) -> Module? {
        guard let module = try? Module(bytes: bytes) else { return nil }
        guard (try? module.validate()) != nil else { return nil }
        return module
    }

    static func stubImports(for module: Module, in store: Store) -> Imports? {
        try? Imports.placeholders(for: module, in: store)
    }

    static func run(_ bytes: [UInt8]) {
        guard let module = decodeAndValidate(bytes) else { return }
        _ = try? Disassembler(module: module).disassembleAll()
        let store = Store(configuration: configuration)
        store.fuel = fuel
        guard let imports = stubImports(for: module, in: store),
            let instance = try? store.instantiate(module, imports: imports)
        else { return }
        for (_, export) in instance.exportList {
            guard case .function(let address) = export else { continue }
            let type = store.functionType(address)
            store.fuel = fuel
            _ = try? store.invoke(address, type.parameters.map(Value.zero))
        }
        for (_, export) in instance.exportList {
            if case .global(let address) = export { _ = store.globalValue(address) }
        }
    }
}
