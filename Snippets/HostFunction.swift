import Vudo
import WasmCore

let fetch = HostFunctionDefinition(
    module: "http", name: "fetch", type: FunctionType(parameters: [.i32, .i32], results: [.i32])
) { context, arguments in
    [.i32(200)]
}
let spirit = try await loadSpirit(
    path: "Fixtures/spirits/unknown_import.wasm", options: SpiritOptions(hostFunctions: [fetch]))
let status: Int32 = try await spirit.call("run")
print("status:", status)
