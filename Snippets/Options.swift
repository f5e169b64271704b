import Vudo

let options = SpiritOptions(
    memory: MemoryLimits(initial: 3, maximum: 5),  // pages
    debug: true,  // log every call and result
    logger: SpiritLogger { line in print("logger:", line) },
    output: OutputSink { text in print("output:", text) }  // where vudo_print and vudo_println go
)
let spirit = try await loadSpirit(path: "Fixtures/spirits/imported_memory.wasm", options: options)
let pages: Int32 = try await spirit.call("size")
print("pages:", pages)
