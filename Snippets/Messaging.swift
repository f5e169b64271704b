import Vudo

let seance = Seance()
try await seance.summon("pong", .path("Fixtures/seance/calc.wasm"))
try await seance.summon("ping", .path("Fixtures/seance/log.wasm"))

seance.messages.onMessage(for: "pong") { message in print("queued:", message.from, message.payload) }
print(try await seance.send(to: "pong", channel: 1, [42], from: "ping"))  // delivered
print(try await seance.receive(for: "pong", channel: 1)?.payload ?? [])
print(try await seance.broadcast(channel: 1, [0xFF], from: "coordinator"))  // Spirits reached
try await seance.send(to: Seance.hostName, channel: 2, [7], from: "pong")
let next = await seance.messages.receive(for: Seance.hostName, timeout: .seconds(1))
print(next?.from ?? "none", next?.payload ?? [])
await seance.dismiss()
