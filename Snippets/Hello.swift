// A Spirit that prints: Fixtures/hello.wasm imports vudo.vudo_println, which the default options grant.
import Vudo

var options = SpiritOptions()
options.output = OutputSink { text in print("spirit says:", text) }
let hello = try await loadSpirit(path: "Fixtures/hello.wasm", options: options)
try await hello.call("_start")
