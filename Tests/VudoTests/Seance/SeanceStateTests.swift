import Testing
import Vudo

/// The `state` Loa through state.wat's wrappers. Layout: 0: key, 64: value, 128: read buffer.
@Suite struct SeanceStateTests {
    private func set(_ seance: Seance, in name: String, _ key: String, _ value: [UInt8]) async throws -> Int32 {
        try await seance.write(Array(key.utf8), at: 0, in: name)
        try await seance.write(value, at: 64, in: name)
        return try await seance.invoke(name, "set", Int32(0), Int32(key.utf8.count), Int32(64), Int32(value.count))
    }

    private func get(_ seance: Seance, in name: String, _ key: String, max: Int32 = 32) async throws -> Int32 {
        try await seance.write(Array(key.utf8), at: 0, in: name)
        return try await seance.invoke(name, "get", Int32(0), Int32(key.utf8.count), Int32(128), max)
    }

    private func delete(_ seance: Seance, in name: String, _ key: String) async throws -> Int32 {
        try await seance.write(Array(key.utf8), at: 0, in: name)
        return try await seance.invoke(name, "delete", Int32(0), Int32(key.utf8.count))
    }

    @Test func stateIsSharedBetweenSpiritsAndTheHost() async throws {
        let seance = Seance()
        try await seance.summon("writer", SeanceFixtures.source("state"))
        try await seance.summon("reader", SeanceFixtures.source("state"))
        #expect(try await get(seance, in: "reader", "score") == -1)
        #expect(try await set(seance, in: "writer", "score", [4, 2]) == 0)
        #expect(try await get(seance, in: "reader", "score") == 2)
        #expect(try await seance.read(2, at: 128, in: "reader") == [4, 2])
        // Too small a buffer: -2, nothing written.
        try await seance.write([0, 0], at: 128, in: "reader")
        #expect(try await get(seance, in: "reader", "score", max: 1) == -2)
        #expect(try await seance.read(2, at: 128, in: "reader") == [0, 0])
        // The host sees and changes the same store.
        #expect(seance.state.get("score") == [4, 2])
        seance.state.set("greeting", Array("hi".utf8))
        #expect(try await get(seance, in: "writer", "greeting") == 2)
        #expect(seance.state.keys == ["greeting", "score"])
        // Delete: 1 when present, 0 when not.
        #expect(try await delete(seance, in: "reader", "score") == 1)
        #expect(try await delete(seance, in: "reader", "score") == 0)
        #expect(seance.state.get("score") == nil)
        #expect(seance.state.delete("greeting"))
    }

    @Test func statesOfTwoSeancesAreSeparate() async throws {
        let first = Seance()
        let second = Seance()
        try await first.summon("s", SeanceFixtures.source("state"))
        try await second.summon("s", SeanceFixtures.source("state"))
        #expect(try await set(first, in: "s", "k", [1]) == 0)
        #expect(try await get(second, in: "s", "k") == -1)
    }
}
