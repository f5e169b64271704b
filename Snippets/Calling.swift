import Vudo
import WasmCore

let calculator = try await loadSpirit(path: "Fixtures/spirits/calculator.wasm")

// Untyped: WebAssembly values in, values out.
let sum = try await calculator.call("add", [.i64(2), .i64(40)])
print(sum)  // [.i64(42)], described as [i64:42]

// Typed: Swift numbers in, a Swift type out (Int32, UInt32, Int64, UInt64, Float, Double, Bool).
let total: Int64 = try await calculator.call("add", Int64(2), Int64(3))
let product = try await calculator.call("multiply", Int64(-6), Int64(7), returning: Int64.self)
let even: Bool = try await calculator.call("is_even", Int32(10))
print(total, product, even)

// Several results come back as a tuple; none, as nothing.
let (quotient, remainder) = try await calculator.call(
    "divmod", Int32(17), Int32(5), returning: (Int32, Int32).self)
try await calculator.call("noop")
print(quotient, remainder)

// A v128 is a V128, built from any lane shape and read back as any (lane 0 in the lowest bytes).
let vectors = try await loadSpirit(
    wat: """
        (module (func (export "scale") (param v128 f32) (result v128)
          (f32x4.mul (local.get 0) (f32x4.splat (local.get 1)))))
        """)
let scaled: V128 = try await vectors.call("scale", V128(SIMD4<Float>(1, -2, 0.5, 4)), Float(2))
print(scaled.f32x4)  // also .i8x16, .u16x8, ...

// A trap is a typed error, and the Spirit stays usable.
do {
    let _: Int64 = try await calculator.call("divide", Int64(1), Int64(0))
} catch {
    print(error)
}
print(try await calculator.call("add", Int64(1), Int64(1), returning: Int64.self))
