import Vudo

var options = SpiritOptions()
options.limits = ResourceLimits(fuel: 10_000_000, timeout: .seconds(2))
let calculator = try await loadSpirit(path: "Fixtures/spirits/calculator.wasm", options: options)
let sum: Int64 = try await calculator.call("add", Int64(2), Int64(3))
let inline = try await loadSpirit(wat: "(module (func (export \"f\") (result i32) (i32.const 1)))")
let one: Int32 = try await inline.call("f")
print(sum, one)
