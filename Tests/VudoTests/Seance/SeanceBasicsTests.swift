import Testing
import Vudo

@Suite struct SeanceBasicsTests {
    /// The design's example: calc and log, multiply(6, 7) passed to log, dismiss.
    @Test func designExample() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        try await seance.summon("log", SeanceFixtures.source("log"))
        let product: Int32 = try await seance.invoke("calc", "multiply", Int32(6), Int32(7))
        #expect(product == 42)
        try await seance.invoke("log", "log", product)
        let total: Int32 = try await seance.invoke("log", "total")
        #expect(total == 42)
        #expect(try await seance.invoke("calc", "add", [.i32(40), .i32(2)]) == [.i32(42)])
        await seance.dismiss()
        #expect(await seance.count == 0)
    }

    @Test func namesCountAndLookup() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        try await seance.summon("log", SeanceFixtures.source("log"))
        #expect(await seance.spirits == ["calc", "log"])
        #expect(await seance.count == 2)
        #expect(await seance.hasSpirit("calc"))
        #expect(!(await seance.hasSpirit("nobody")))
        let calc = try await seance.spirit(named: "calc")
        #expect(calc.hasFunction("multiply"))
    }

    @Test func duplicateAndReservedNamesAreRefused() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        await #expect { try await seance.summon("calc", SeanceFixtures.source("log")) } throws: { error in
            guard case SeanceError.duplicateName("calc") = error else { return false }
            return true
        }
        for reserved in ["host", "state", "messaging", "env"] {
            await #expect { try await seance.summon(reserved, SeanceFixtures.source("calc")) } throws: { error in
                guard case SeanceError.reservedName(reserved) = error else { return false }
                return true
            }
        }
        #expect(await seance.spirits == ["calc"])
    }

    @Test func unknownNamesAreErrors() async throws {
        let seance = Seance()
        for operation in [
            { _ = try await seance.spirit(named: "ghost") },
            { _ = try await seance.invoke("ghost", "f", []) },
            { try await seance.release("ghost") },
        ] as [@Sendable () async throws -> Void] {
            await #expect { try await operation() } throws: { error in
                guard case SeanceError.unknownSpirit("ghost") = error else { return false }
                return true
            }
        }
    }

    @Test func failedSummonAndCallErrorsNameTheSpirit() async throws {
        let seance = Seance()
        await #expect { try await seance.summon("bad", .bytes([0, 1, 2])) } throws: { error in
            guard case SeanceError.summon(spirit: "bad", .decoding) = error else { return false }
            return true
        }
        #expect(await seance.count == 0)
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        await #expect { try await seance.invoke("calc", "divide", [.i32(1)]) } throws: { error in
            guard case SeanceError.call(spirit: "calc", .unknownFunction("divide")) = error else { return false }
            return true
        }
        await #expect { let _: Int64 = try await seance.invoke("calc", "multiply", Int32(1), Int32(2)) } throws: {
            error in
            guard case SeanceError.call(spirit: "calc", .resultMismatch) = error else { return false }
            return true
        }
    }

    @Test func summonOptionsOverrideTheDefaults() async throws {
        let seance = Seance()
        // The defaults grant messaging; these options do not.
        var options = quietSeanceOptions()
        options.grants = [.core]
        await #expect { try await seance.summon("m", SeanceFixtures.source("messenger"), options: options) } throws: {
            error in
            guard
                case SeanceError.summon(
                    spirit: "m", .unresolvedImport(module: "messaging", name: _, reason: .loaNotGranted)) = error
            else { return false }
            return true
        }
        try await seance.summon("m", SeanceFixtures.source("messenger"))
        // A Séance whose defaults withhold state.
        let strict = Seance(defaults: SpiritOptions(grants: [.core]))
        await #expect(throws: SeanceError.self) { try await strict.summon("s", SeanceFixtures.source("state")) }
    }
}
