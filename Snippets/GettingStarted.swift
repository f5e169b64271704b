// A first Spirit: a module in the text format, loaded and called with Swift numbers.
import Vudo

let spirit = try await loadSpirit(
    wat: """
        (module
          (func (export "add") (param i32 i32) (result i32)
            (i32.add (local.get 0) (local.get 1))))
        """)
let sum: Int32 = try await spirit.call("add", Int32(2), Int32(40))
print("2 + 40 =", sum)
