// Shared driver for the fuzz targets. Compiled into the same module as WasmCore's sources (see
// run.sh), so it needs no `import WasmCore`. A copy of `FuzzHarness.run` lives in
// Tests/WasmCoreTests/FuzzRegressionTests.swift; keep the two in step.

enum FuzzHarness {
    /// Engine limits small enough that one input cannot take seconds or gigabytes.
    static var configuration: EngineConfiguration {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        configuration.maxCallDepth = 1_000
        configuration.valueStackSlots = 1 << 16
        configuration.maxMemoryPages = 256  // 16 MiB
        configuration.maxTableElements = 100_000
        return configuration
    }

    static let fuel: Int64 = 100_000

    /// Decodes and validates; nil when either rejects the input.
    static func decodeAndValidate(_ bytes: [UInt8]) -> Module? {
        guard let module = try? Module(bytes: bytes) else { return nil }
        guard (try? module.validate()) != nil else { return nil }
        return module
    }

    /// Satisfies every import with a fresh stub (WasmCore's `Imports.placeholders`).
    static func stubImports(for module: Module, in store: Store) -> Imports? {
        try? Imports.placeholders(for: module, in: store)
    }

    /// Decode, validate, disassemble, instantiate (running the start function) and call every exported
    /// function with zero arguments, all under a fuel budget. Every failure is a thrown error;
    /// only a crash is a finding. Returns how far the input got (for statistics).
    @discardableResult
    static func run(_ bytes: [UInt8]) -> Int {
        guard let module = decodeAndValidate(bytes) else { return 0 }
        _ = try? Disassembler(module: module).disassembleAll()
        let store = Store(configuration: configuration)
        store.fuel = fuel
        guard let imports = stubImports(for: module, in: store),
            let instance = try? store.instantiate(module, imports: imports)
        else { return 1 }
        for (_, export) in instance.exportList {
            guard case .function(let address) = export else { continue }
            let type = store.functionType(address)
            store.fuel = fuel
            _ = try? store.invoke(address, type.parameters.map(Value.zero))
        }
        // Touch the other exports' state too.
        for (_, export) in instance.exportList {
            if case .global(let address) = export { _ = store.globalValue(address) }
        }
        return 2
    }
}
