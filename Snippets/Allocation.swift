import Vudo

// math.wasm exports no allocator: the host's bump allocator serves from pages past the guest's.
let math = try await loadSpirit(path: "Fixtures/spirits/math.wasm")
let pointer = try await math.memory.alloc(100)
print("math:", pointer >= 65_536)
try await math.memory.reset()  // the next alloc starts over
print("again:", try await math.memory.alloc(100) == pointer)

// allocator.wasm exports alloc and free: its own heap serves the host.
let allocatorSpirit = try await loadSpirit(path: "Fixtures/spirits/allocator.wasm")
let a = try await allocatorSpirit.memory.alloc(10)
try await allocatorSpirit.memory.free(a)  // calls the guest's free
print("guest allocator:", await allocatorSpirit.memory.guestAllocatorName ?? "none")
print("frees:", try await allocatorSpirit.call("free_count", returning: Int32.self))
