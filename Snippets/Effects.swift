import Vudo

let hub = EffectHub(
    accept: { $0.type != "forbidden" }, onSubscribe: { print("subscribed:", $0.pattern) })
hub.subscribe("greeting") { effect in print("effect:", effect.type, effect.payload) }  // or "*"
var options = SpiritOptions()
options.effectHub = hub
options.onBreakpoint = { context in print("breakpoint in", context.spiritName ?? "?") }
options.output = OutputSink { _ in }  // dol_abi.wasm narrates its run; not needed here
options.logger = .silent

// dol_abi.wasm emits a greeting effect, subscribes to greetings and stops at a breakpoint.
let spirit = try await loadSpirit(path: "Fixtures/spirits/dol_abi.wasm", options: options)
try await spirit.call("_start")
