import Vudo

let seance = Seance()
try await seance.summon("calc", .path("Fixtures/seance/calc.wasm"))
try await seance.summon("log", .path("Fixtures/seance/log.wasm"))
let product: Int32 = try await seance.invoke("calc", "multiply", Int32(6), Int32(7))
try await seance.invoke("log", "log", product)
print(product, try await seance.invoke("log", "total", returning: Int32.self))
print(await seance.spirits)
await seance.dismiss()
