import Vudo

var options = SpiritOptions(
    output: OutputSink { text in print("shown:", text) },
    effects: EffectHandler { effect, context in
        print("effect", effect.id)
        return 0
    }
)
options.makeDeterministic(seed: 42, epochMilliseconds: 1_700_000_000_000)
// = time: .fixed(epochMilliseconds:), random: .seeded(42): SplitMix64, one generator per Spirit

let spirit = try await loadSpirit(path: "Fixtures/spirits/core_abi.wasm", options: options)
print("now:", try await spirit.call("now", returning: Int64.self))
let first = try await spirit.call("random", returning: Double.self)
let again = try await loadSpirit(path: "Fixtures/spirits/core_abi.wasm", options: options)
print("same random number:", first == (try await again.call("random", returning: Double.self)))
print("status:", try await spirit.call("emit_effect", Int32(7), Int32(0), returning: Int32.self))
