import Vudo

let spirit = try await loadSpirit(path: "Fixtures/spirits/core_abi.wasm")
do {
    let _: Int32 = try await spirit.call("check_index", Int32(5), Int32(5))
} catch {
    // Matched inside the `catch`: `catch SpiritError.aborted(...)` crashes the Swift 6.3.1 compiler.
    guard case .aborted(let function, let abort) = error else { throw error }
    print(function, abort.kind)
    print(abort.message, abort.file ?? "", abort.line ?? 0)
}
let fine: Int32 = try await spirit.call("check_index", Int32(2), Int32(5))  // still usable
print(fine)
