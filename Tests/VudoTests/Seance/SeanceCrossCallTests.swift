import Synchronization
import Testing
import WasmCore

@testable import Vudo

@Suite struct SeanceCrossCallTests {
    @Test func aLaterSpiritCallsAnEarlierOnesExport() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        try await seance.summon("square", SeanceFixtures.source("square"))
        let nine: Int32 = try await seance.invoke("square", "square", Int32(3))
        #expect(nine == 9)
    }

    @Test func importsAreCheckedAtSummonTime() async throws {
        let seance = Seance()
        // Before calc is summoned, "calc" is no Spirit and no Loa.
        await #expect { try await seance.summon("square", SeanceFixtures.source("square")) } throws: { error in
            guard
                case SeanceError.summon(
                    spirit: "square", .unresolvedImport(module: "calc", name: "multiply", reason: .unknownLoa)) = error
            else { return false }
            return true
        }
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        await #expect { try await seance.summon("m", SeanceFixtures.source("missing_export")) } throws: { error in
            guard case SeanceError.crossSpiritImport(spirit: "m", module: "calc", name: "divide", _) = error else {
                return false
            }
            return true
        }
        await #expect { try await seance.summon("w", SeanceFixtures.source("wrong_signature")) } throws: { error in
            guard case SeanceError.crossSpiritImport(spirit: "w", module: "calc", name: "multiply", let reason) = error
            else { return false }
            return reason.contains("i64")
        }
        #expect(await seance.spirits == ["calc"])
    }

    @Test func callingAReleasedSpiritFails() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        try await seance.summon("square", SeanceFixtures.source("square"))
        try await seance.release("calc")
        await #expect { try await seance.invoke("square", "square", [.i32(3)]) } throws: { error in
            guard case SeanceError.released("calc") = error else { return false }
            return true
        }
    }

    /// A→B→A: the second entry into A is refused with a typed error, never a hang. Séance imports
    /// reach only earlier Spirits, so such a cycle needs host functions wired by hand.
    @Test func aCallCycleEndsWithATypedError() async throws {
        let seance = Seance()
        let peerOfA = Mutex<SpiritSlot?>(nil)
        let pingType = FunctionType(parameters: [], results: [.i32])
        var options = SpiritOptions.seanceDefaults
        options.hostFunctions = [
            HostFunctionDefinition(module: "peer", name: "ping", type: pingType) { context, arguments in
                guard let slot = peerOfA.withLock({ $0 }) else { return [.i32(0)] }
                return try CrossSpiritImport.proxy(
                    module: "peer", name: "ping", type: pingType, to: slot, export: "ping"
                )
                .body(context, arguments)
            }
        ]
        let a = try await seance.summon("a", SeanceFixtures.source("ping"), options: options)
        options.hostFunctions = [
            CrossSpiritImport.proxy(
                module: "peer", name: "ping", type: pingType, to: SpiritSlot(name: "a", spirit: a), export: "ping")
        ]
        let b = try await seance.summon("b", SeanceFixtures.source("ping"), options: options)
        // Without the cycle: b -> a, whose peer answers 0.
        #expect(try await seance.invoke("b", "ping", []) == [.i32(2)])
        peerOfA.withLock { $0 = SpiritSlot(name: "b", spirit: b) }
        await #expect { try await seance.invoke("a", "ping", []) } throws: { error in
            guard case SeanceError.reentrantCall(let chain) = error else { return false }
            return chain == ["a", "b", "a"]
        }
        // Both Spirits stay usable.
        peerOfA.withLock { $0 = nil }
        #expect(try await seance.invoke("a", "ping", []) == [.i32(1)])
        #expect(try await seance.invoke("b", "ping", []) == [.i32(2)])
    }
}
