import WasmCore
import WasmText

/// A text-format module instantiated in a store of its own, with its exports at hand.
struct Running {
    let store: Store
    let instance: Instance

    init(
        _ wat: String, configuration: EngineConfiguration = EngineConfiguration(), imports: Imports = Imports()
    )
        throws
    {
        store = Store(configuration: configuration)
        instance = try store.instantiate(try Module(wat: wat), imports: imports)
    }

    init(_ wat: String, in store: Store, imports: Imports) throws {
        self.store = store
        instance = try store.instantiate(try Module(wat: wat), imports: imports)
    }

    func call(_ name: String, _ arguments: [Value] = []) throws -> [Value] {
        guard let function = instance.exportedFunction(name) else { throw MissingExport(name: name) }
        return try store.invoke(function, arguments)
    }

    /// The trap reason of a call that must trap.
    func trap(_ name: String, _ arguments: [Value] = []) -> TrapReason? {
        do {
            _ = try call(name, arguments)
            return nil
        } catch let trap as Trap {
            return trap.reason
        } catch {
            return nil
        }
    }
}

struct MissingExport: Error {
    let name: String
}
