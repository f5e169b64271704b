import Synchronization
import WasmCore

/// A summoned Spirit as the Séance and other Spirits' imports hold it. Releasing empties the
/// slot, so the Spirit (its store, its memory) goes away even while Spirits that imported from it
/// live on: their imports then fail with ``SeanceError/released(_:)``.
final class SpiritSlot: Sendable {
    let name: String
    private let held: Mutex<Spirit?>

    init(name: String, spirit: Spirit) {
        self.name = name
        held = Mutex(spirit)
    }

    /// The Spirit, or nil once released.
    var spirit: Spirit? { held.withLock { $0 } }

    func clear() { held.withLock { $0 = nil } }
}

/// The session names of the Spirits the running call chain passed through, for the error a
/// cycle raises. Task-local, so it follows a ``Seance/invoke(_:_:_:)`` into the Spirit's actor.
enum SeanceCallChain {
    @TaskLocal static var names: [String] = []
}

/// Host functions standing for another Spirit's exports.
enum CrossSpiritImport {
    /// A function that calls `export` of the Spirit in `slot`, synchronously, through its gate.
    static func proxy(
        module: String, name: String, type: FunctionType, to slot: SpiritSlot, export: String
    ) -> HostFunctionDefinition {
        HostFunctionDefinition(module: module, name: name, type: type) { _, arguments in
            guard let callee = slot.spirit else { throw SeanceError.released(slot.name) }
            // The callee's lock is held further up this very call stack: waiting would never end.
            if callee.gate.isEnteredByCurrentCall {
                throw SeanceError.reentrantCall(chain: SeanceCallChain.names + [slot.name])
            }
            return try SeanceCallChain.$names.withValue(SeanceCallChain.names + [slot.name]) {
                do throws(SpiritError) {
                    return try callee.callSynchronously(export, arguments)
                } catch {
                    // Keep the root cause on top: a cycle or a release deeper in the chain.
                    if case .hostFunction(_, _, _, let inner as SeanceError) = error { throw inner }
                    throw SeanceError.call(spirit: slot.name, error)
                }
            }
        }
    }
}
