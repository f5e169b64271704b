import Vudo

let calculator = try await loadSpirit(path: "Fixtures/spirits/calculator.wasm")
let math = try await loadSpirit(path: "Fixtures/spirits/math.wasm")

// No `await`: what a Spirit exports is known once it is loaded.
print(calculator.hasFunction("multiply"))
print(calculator.listFunctions().map(\.description))
print(math.exports.first { $0.name == "memory" }?.kind == .memory)
print(math.signature(of: "distance")!.type)
