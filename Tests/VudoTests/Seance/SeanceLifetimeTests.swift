import Testing
import Vudo

@Suite struct SeanceLifetimeTests {
    @Test func releaseFreesTheSpiritItsMemoryAndItsMessages() async throws {
        let seance = Seance(maximumMemoryPages: 16)
        try await seance.summon("big", SeanceFixtures.source("big_memory"))
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        #expect(seance.memoryBudget?.usedPages == 5)
        #expect(try await seance.send(to: "big", channel: 1, [1, 2, 3]))
        #expect(try await seance.pendingTotal(for: "big") == 1)
        try await seance.release("big")
        #expect(!(await seance.hasSpirit("big")))
        #expect(await seance.spirits == ["calc"])
        // Its pages went back to the budget and its queue is gone: nothing is delivered to it.
        #expect(seance.memoryBudget?.usedPages == 1)
        #expect(try await seance.pendingTotal(for: "big") == 0)
        #expect(try await seance.send(to: "big", channel: 1, [4]) == false)
        // The name is free again.
        try await seance.summon("big", SeanceFixtures.source("big_memory"))
        #expect(try await seance.pendingTotal(for: "big") == 0)
    }

    @Test func dismissReleasesEverythingAndLaterUseFails() async throws {
        let seance = Seance(maximumMemoryPages: 16)
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        try await seance.summon("big", SeanceFixtures.source("big_memory"))
        try await seance.send(to: "calc", channel: 0, [9])
        seance.state.set("k", [1])
        await seance.dismiss()
        #expect(await seance.dismissed)
        #expect(await seance.spirits.isEmpty)
        #expect(await seance.count == 0)
        #expect(!(await seance.hasSpirit("calc")))
        #expect(seance.memoryBudget?.usedPages == 0)
        #expect(seance.state.keys.isEmpty)
        let operations: [@Sendable () async throws -> Void] = [
            { _ = try await seance.spirit(named: "calc") },
            { _ = try await seance.invoke("calc", "multiply", [.i32(1), .i32(2)]) },
            { try await seance.summon("again", SeanceFixtures.source("calc")) },
            { try await seance.release("calc") },
            { try await seance.send(to: "calc", channel: 0, [1]) },
            { _ = try await seance.pending(channel: 0) },
            { _ = try await seance.receive(channel: 0) },
            { try await seance.broadcast(channel: 0, [1]) },
        ]
        for operation in operations {
            await #expect { try await operation() } throws: { error in
                guard case SeanceError.dismissed = error else { return false }
                return true
            }
        }
        await seance.dismiss()  // again: nothing happens
    }

    @Test func withSeanceDismissesOnReturnAndOnThrow() async throws {
        let kept = try await withSeance { seance in
            try await seance.summon("calc", SeanceFixtures.source("calc"))
            return seance
        }
        #expect(await kept.dismissed)

        struct Boom: Error {}
        let holder = SeanceHolder()
        await #expect(throws: Boom.self) {
            try await withSeance { seance in
                await holder.set(seance)
                try await seance.summon("calc", SeanceFixtures.source("calc"))
                throw Boom()
            }
        }
        let thrown = try #require(await holder.seance)
        #expect(await thrown.dismissed)
        #expect(await thrown.count == 0)
    }

    @Test func theMemoryBudgetIsSharedBySpirits() async throws {
        let seance = Seance(maximumMemoryPages: 6)
        try await seance.summon("a", SeanceFixtures.source("big_memory"))
        // 4 + 4 > 6: the second does not fit.
        await #expect(throws: SeanceError.self) { try await seance.summon("b", SeanceFixtures.source("big_memory")) }
        #expect(seance.memoryBudget?.usedPages == 4)
        let grown: Int32 = try await seance.invoke("a", "grow", Int32(2))
        #expect(grown == 4)
        let refused: Int32 = try await seance.invoke("a", "grow", Int32(1))
        #expect(refused == -1)
        try await seance.release("a")
        try await seance.summon("b", SeanceFixtures.source("big_memory"))
        #expect(seance.memoryBudget?.usedPages == 4)
    }
}

actor SeanceHolder {
    var seance: Seance?
    func set(_ seance: Seance) { self.seance = seance }
}
