import Vudo

struct Calc: SpiritInterface {
    static let requiredFunctions = [
        FunctionRequirement("add", Int64.self, Int64.self, returning: Int64.self),
        FunctionRequirement("multiply", parameters: [.i64, .i64], results: [.i64]),
    ]

    let spirit: Spirit
    init(spirit: Spirit) { self.spirit = spirit }

    func add(_ a: Int64, _ b: Int64) async throws(SpiritError) -> Int64 { try await spirit.call("add", a, b) }
    func multiply(_ a: Int64, _ b: Int64) async throws(SpiritError) -> Int64 {
        try await spirit.call("multiply", a, b)
    }
}

let spirit = try await loadSpirit(path: "Fixtures/spirits/calculator.wasm")
let calc = try spirit.as(Calc.self)
print(try await calc.add(2, 3))

// A Spirit that does not fit is refused at bind time, with every mismatch listed.
struct Greeter: SpiritInterface {
    static let requiredFunctions = [FunctionRequirement("greet", parameters: [.i32], results: [])]
    let spirit: Spirit
    init(spirit: Spirit) { self.spirit = spirit }
}
do {
    _ = try spirit.as(Greeter.self)
} catch {
    print(error)
}
