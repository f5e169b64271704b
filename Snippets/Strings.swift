import Vudo

let logger = try await loadSpirit(
    path: "Fixtures/spirits/logger.wasm",
    options: SpiritOptions(output: OutputSink { text in print("printed:", text) }))

// `memory` here is the synchronous MemoryManager that `withMemory` hands over (a host function
// gets the same as `context.memory`); `logger.memory` offers the same calls, each with `await`.
let text = try await logger.withMemory { (memory) throws(MemoryError) in
    let pointer = try memory.encodeString("Grüße, 世界 🌍")  // u32 byte count + UTF-8, 4-aligned
    return try memory.decodeString(at: pointer)  // address 0 reads as ""
}
print(text)

// Raw UTF-8 for host ABI calls: the logger Spirit prints it through vudo_print.
let (pointer, length) = try await logger.memory.writeRawString("from the host ✓")
try await logger.call("log", pointer, length)
