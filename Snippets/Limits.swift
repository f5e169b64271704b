import Vudo

var options = SpiritOptions()
options.limits = ResourceLimits(
    fuel: 2_000, timeout: .milliseconds(500), maxCallDepth: 10_000, maxMemoryPages: 256)
let spirit = try await loadSpirit(path: "Fixtures/spirits/runaway.wasm", options: options)

do {
    _ = try await spirit.call("count", [.i32(100_000)])
} catch {
    // `catch SpiritError.trap(...) where ...` would read better, but with typed throws it crashes
    // the Swift 6.3.1 compiler; matching inside the `catch` does not.
    guard case .trap(_, let trap) = error, trap.reason == .outOfFuel else { throw error }
    print("out of fuel")
    await spirit.refuel(10_000_000)
    let results = try await spirit.resume()  // continues where it stopped
    print(results)
}
