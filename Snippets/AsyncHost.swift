import Vudo
import WasmCore

/// The network, as far as this sample is concerned.
actor LocalWeb {
    private var pages: [UInt32: UInt32] = [:]
    func get(_ url: UInt32) async throws -> UInt32 {
        try await Task.sleep(for: .milliseconds(5))  // a real request would await here
        return pages[url] ?? url &* 2 &+ 1
    }
    func post(_ url: UInt32, _ body: UInt32) { pages[url] = body }
}

let web = LocalWeb()
let i32ToI32 = FunctionType(parameters: [.i32], results: [.i32])
let http = Loa(
    name: "http", version: "1.0.0", capabilities: ["fetch", "post"],
    functions: [
        LoaFunction(name: "fetch", type: i32ToI32, capability: "fetch") { _, arguments in
            guard case .i32(let url) = arguments.first else { return [.i32(0)] }
            return [.i32(try await web.get(url))]
        },
        LoaFunction(
            name: "post", type: FunctionType(parameters: [.i32, .i32], results: []), capability: "post"
        ) { _, arguments in
            guard case .i32(let url) = arguments.first, case .i32(let body) = arguments.last else { return [] }
            await web.post(url, body)
            return []
        },
    ])

var options = SpiritOptions()
try options.loas.register(http)
options.grant(LoaGrant("http", capabilities: ["fetch"]))
let spirit = try await loadSpirit(path: "Fixtures/spirits/async_http.wasm", options: options)
let checksum = try await spirit.call("chain", [.i32(100)])  // 100 awaited fetches, in order: ~0.5 s
print(checksum)
