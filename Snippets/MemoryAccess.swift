import Vudo

let math = try await loadSpirit(path: "Fixtures/spirits/math.wasm")  // 1 page, at most 4
let memory = math.memory  // each operation is one hop through the Spirit's actor
let last = UInt32(65_535)

try await memory.store(UInt8(0xAB), at: last)  // the last valid byte
do {
    try await memory.store(UInt8(1), at: last + 1)
} catch {
    print(error)  // nothing was written
}

// Several operations in one hop, on the synchronous MemoryManager:
let (wide, flag) = try await math.withMemory { (memory) throws(MemoryError) in
    try memory.store(Int64(0x0102_0304_0506_0708), at: 104)  // little-endian, as wasm
    try memory.store(true, at: 140)  // a bool is an i32 0 or 1
    try memory.copy(from: 104, to: 106, count: 5)  // overlapping copies are fine
    return (try memory.load(UInt64.self, at: 104), try memory.load(Int32.self, at: 140))
}
print(String(wide, radix: 16), flag)

print(try await memory.grow(pages: 3))  // to exactly the maximum: the old size comes back
do {
    _ = try await memory.grow(pages: 1)
} catch {
    print(error)
}
