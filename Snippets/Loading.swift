import Foundation
import Vudo

let spirit = try await loadSpirit(path: "Fixtures/spirits/calculator.wasm")
// or, from bytes you already have:
let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "Fixtures/spirits/calculator.wasm")))
let fromBytes = try await loadSpirit(bytes)
// or from the text format (a path ending in .wat is read as text too):
let fromText = try await loadSpirit(wat: "(module (func (export \"f\") (result i32) (i32.const 1)))")

print(spirit.hasFunction("add"), fromBytes.hasFunction("add"))
let one: Int32 = try await fromText.call("f")
print(one)
