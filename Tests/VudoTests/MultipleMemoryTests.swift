import Testing
import Vudo

/// A Spirit with two memories: the host reaches each by its export name.
@Suite struct MultipleMemoryTests {
    static let twoMemories = """
        (module
          (memory (export "main") 1)
          (memory (export "scratch") 2)
          (func (export "scratch_byte") (param i32) (result i32) (i32.load8_u 1 (local.get 0)))
          (func (export "main_byte") (param i32) (result i32) (i32.load8_u 0 (local.get 0))))
        """

    @Test func theHostWritesTheMemoryItNames() async throws {
        let spirit = try await loadSpirit(wat: Self.twoMemories)
        let scratch = try #require(spirit.memory(named: "scratch"))
        #expect(await scratch.pageCount == 2)
        #expect(await spirit.memory.pageCount == 1)
        try await scratch.writeBytes([7, 8, 9], at: 70_000)
        let byte: Int32 = try await spirit.call("scratch_byte", Int32(70_001))
        #expect(byte == 8)
        // The default memory is untouched, and too small for that address.
        #expect(try await spirit.memory.readBytes(at: 0, count: 3) == [0, 0, 0])
        await #expect(throws: MemoryError.self) { try await spirit.memory.writeBytes([1], at: 70_000) }
        try await spirit.memory(named: "main")?.writeBytes([5], at: 3)
        let main: Int32 = try await spirit.call("main_byte", Int32(3))
        #expect(main == 5)
    }

    @Test func anUnknownNameIsNoMemory() async throws {
        let spirit = try await loadSpirit(wat: Self.twoMemories)
        #expect(spirit.memory(named: "nope") == nil)
        #expect(spirit.memory(named: "scratch_byte") == nil)
    }
}
