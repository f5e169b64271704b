import Vudo
import WasmCore

extension WASI {
    /// Runs `module` as a WASI command: instantiates it in a new store with this WASI's functions
    /// as its only imports, calls `_start`, and returns the exit code: 0 when `_start` returns,
    /// `n` when the program calls `proc_exit(n)`.
    ///
    /// Throws ``WASIError/module(_:)`` when the module does not validate or link (it imports
    /// something besides `wasi_snapshot_preview1`), ``WASIError/notACommand(_:)`` without a
    /// `_start`, and ``WASIError/trap(_:)`` when the program traps.
    public func run(_ module: Module, engine: EngineConfiguration = EngineConfiguration()) throws(WASIError) -> UInt32 {
        let store = Store(configuration: engine)
        var imports = Imports()
        define(into: &imports, store: store)
        let instance: Instance
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch {
            throw .module("\(error)")
        }
        guard let start = instance.exportedFunction("_start") else {
            throw .notACommand("the module exports no _start function (it is not a WASI command)")
        }
        let type = store.functionType(start)
        guard type.parameters.isEmpty, type.results.isEmpty else {
            throw .notACommand("_start has type \(type), expected () -> ()")
        }
        do {
            _ = try store.invoke(start, [])
            return 0
        } catch {
            if let exit = WASIExit.unwrap(error) { return exit.code }
            throw .trap(error)
        }
    }
}
