import Testing
import Vudo

@Suite struct GhostTests {
    /// calc <- square (imports "calc".multiply) <- quad (imports "sq".square), exposing fourth.
    private func pipeline() -> Ghost {
        var ghost = Ghost("pipeline")
        ghost.add("quad", SeanceFixtures.source("fourth"))  // declared first, summoned last
        ghost.add("calc", SeanceFixtures.source("calc"))
        ghost.add("square", SeanceFixtures.source("square"))
        ghost.wire(from: "calc", export: "multiply", to: "square", module: "calc", name: "multiply")
        ghost.wire(from: "square", export: "square", to: "quad", module: "sq", name: "square")
        ghost.expose("fourth", from: "quad", export: "fourth")
        ghost.expose("times", from: "calc", export: "multiply")
        return ghost
    }

    @Test func aGhostOfThreeSpirits() async throws {
        let seance = Seance()
        try await seance.summon(pipeline())
        #expect(await seance.hasGhost("pipeline"))
        #expect(try await seance.spirits(ofGhost: "pipeline") == ["pipeline.calc", "pipeline.square", "pipeline.quad"])
        let sixteen: Int32 = try await seance.invoke("pipeline", "fourth", Int32(2))
        #expect(sixteen == 16)
        #expect(try await seance.invoke("pipeline", "times", [.i32(6), .i32(7)]) == [.i32(42)])
        // Only what it exposes is callable on the Ghost.
        await #expect(throws: SeanceError.self) { try await seance.invoke("pipeline", "square", [.i32(2)]) }
        // Its Spirits are in the Séance under their session names.
        let nine: Int32 = try await seance.invoke("pipeline.square", "square", Int32(3))
        #expect(nine == 9)
        // A duplicate Ghost name is refused.
        await #expect(throws: SeanceError.self) { try await seance.summon(pipeline()) }
        // Releasing the Ghost releases its Spirits.
        try await seance.release("pipeline")
        #expect(!(await seance.hasGhost("pipeline")))
        #expect(await seance.count == 0)
        try await seance.summon(pipeline())
        #expect(await seance.count == 3)
    }

    @Test func everyProblemIsReportedAtOnceAndNothingRuns() async throws {
        let seance = Seance()
        var ghost = Ghost("broken")
        ghost.add("calc", SeanceFixtures.source("calc"))
        ghost.add("square", SeanceFixtures.source("square"))  // its calc.multiply is left unwired
        ghost.add("quad", SeanceFixtures.source("fourth"))
        ghost.add("bad", .bytes([1, 2, 3]))
        // Mismatched: quad's sq.square takes (i32) -> i32, calc.add is (i32, i32) -> i32.
        ghost.wire(from: "calc", export: "add", to: "quad", module: "sq", name: "square")
        ghost.wire(from: "nobody", export: "f", to: "calc", module: "x", name: "y")
        ghost.expose("missing", from: "calc", export: "divide")
        await #expect { try await seance.summon(ghost) } throws: { error in
            guard case SeanceError.invalidGhost(name: "broken", let problems) = error else { return false }
            let text = problems.joined(separator: "\n")
            return problems.count >= 5 && text.contains("missing wire: 'square' imports calc.multiply")
                && text.contains("the import expects") && text.contains("no member 'nobody'")
                && text.contains("'bad' cannot be loaded") && text.contains("exports no function 'divide'")
        }
        #expect(await seance.count == 0)
        #expect(!(await seance.hasGhost("broken")))
    }

    @Test func wiresInACycleAreRefused() async throws {
        let seance = Seance()
        var ghost = Ghost("loop")
        ghost.add("a", SeanceFixtures.source("ping"))
        ghost.add("b", SeanceFixtures.source("ping"))
        ghost.wire(from: "a", export: "ping", to: "b", module: "peer", name: "ping")
        ghost.wire(from: "b", export: "ping", to: "a", module: "peer", name: "ping")
        await #expect { try await seance.summon(ghost) } throws: { error in
            guard case SeanceError.invalidGhost(name: "loop", let problems) = error else { return false }
            return problems.contains { $0.contains("cycle") }
        }
        #expect(await seance.count == 0)
    }
}
