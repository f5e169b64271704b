import Foundation
import Synchronization
import Testing
import Vudo
import WasmCore

/// Every core function called from core_abi.wasm, which imports each from `env` with its exact
/// signature (the shapes of `@vudo/runtime`).
@Suite struct CoreLoaTests {
    /// The fixture with output and log lines recorded, and time and randomness made deterministic.
    static func load(
        debug: Bool = false, effects: EffectHandler = .ignore, seed: UInt64 = 42
    ) async throws -> (Spirit, output: LineRecorder, log: LineRecorder) {
        let output = LineRecorder()
        let log = LineRecorder()
        var options = SpiritOptions(debug: debug, logger: log.logger, output: output.sink, effects: effects)
        options.makeDeterministic(seed: seed, epochMilliseconds: 1_700_000_000_000)
        return (try await Fixtures.load("core_abi.wasm", options: options), output, log)
    }

    /// Places `text` in the Spirit's memory and returns its (ptr, len).
    static func text(_ spirit: Spirit, _ text: String) async throws -> (UInt32, UInt32) {
        try await spirit.memory.writeRawString(text)
    }

    @Test func printAndPrintlnReachTheOutputSink() async throws {
        let (spirit, output, _) = try await Self.load()
        let (p1, l1) = try await Self.text(spirit, "one")
        try await spirit.call("print", p1, l1)
        let (p2, l2) = try await Self.text(spirit, "two ✓")
        try await spirit.call("println", p2, l2)
        #expect(output.lines == ["one", "two ✓"])
    }

    @Test func logAndErrorReachTheLoggerByLevel() async throws {
        let (spirit, output, log) = try await Self.load()
        let (pointer, length) = try await Self.text(spirit, "hi")
        for level: Int32 in [0, 1, 2, 3, 9] { try await spirit.call("log", level, pointer, length) }
        try await spirit.call("error", pointer, length)
        // Level 0 (debug) is dropped without debug on; unknown levels count as errors.
        #expect(
            log.lines == [
                "[core_abi] info: hi", "[core_abi] warn: hi", "[core_abi] error: hi", "[core_abi] error: hi",
                "[core_abi] error: hi",
            ])
        #expect(output.lines.isEmpty)
    }

    @Test func debugPrintsOnlyWhenDebugIsOn() async throws {
        let (quiet, _, quietLog) = try await Self.load()
        let (p, l) = try await Self.text(quiet, "state")
        try await quiet.call("debug", p, l)
        #expect(quietLog.lines.isEmpty)

        let (loud, _, loudLog) = try await Self.load(debug: true)
        let (pointer, length) = try await Self.text(loud, "state")
        try await loud.call("debug", pointer, length)
        try await loud.call("log", Int32(0), pointer, length)
        #expect(loudLog.lines.contains("[core_abi] debug: state"))
        #expect(loudLog.lines.filter { $0 == "[core_abi] debug: state" }.count == 2)
        #expect(loudLog.lines.contains("[core_abi] link env.vudo_debug -> core 1.0.0 [debug]"))
    }

    @Test func allocReturnsZeroedAlignedMemoryAndReallocKeepsTheContents() async throws {
        let (spirit, _, _) = try await Self.load()
        let pointer: UInt32 = try await spirit.call("allocate", UInt32(24))
        #expect(pointer != 0 && pointer % 8 == 0)
        #expect(try await spirit.memory.readBytes(at: pointer, count: 24) == [UInt8](repeating: 0, count: 24))
        try await spirit.memory.writeBytes([1, 2, 3, 4], at: pointer)
        let grown: UInt32 = try await spirit.call("reallocate", pointer, UInt32(4), UInt32(64))
        #expect(grown != 0 && grown != pointer)
        #expect(try await spirit.memory.readBytes(at: grown, count: 8) == [1, 2, 3, 4, 0, 0, 0, 0])
        let fresh: UInt32 = try await spirit.call("reallocate", UInt32(0), UInt32(0), UInt32(8))
        #expect(fresh != 0)
        try await spirit.call("release", grown, UInt32(64))
        try await spirit.call("release", UInt32(0), UInt32(0))
    }

    @Test func anAllocationThatCannotBeMadeReturnsZero() async throws {
        let (spirit, _, _) = try await Self.load()
        #expect(try await spirit.call("allocate", UInt32.max) as UInt32 == 0)
        let pointer: UInt32 = try await spirit.call("allocate", UInt32(8))
        #expect(try await spirit.call("reallocate", pointer, UInt32(8), UInt32.max) as UInt32 == 0)
    }

    @Test func reallocOfAnOutOfRangeBlockEndsTheCall() async throws {
        let (spirit, _, _) = try await Self.load()
        await #expect {
            _ = try await spirit.call("reallocate", UInt32.max - 2, UInt32(16), UInt32(32)) as UInt32
        } throws: { error in
            guard case SpiritError.hostFunction(_, "env", "vudo_realloc", let cause) = error else { return false }
            return cause is MemoryError
        }
    }

    @Test func anExportedAllocatorBuiltOnVudoAllocDoesNotRecurse() async throws {
        let spirit = try await Fixtures.load("reexported_allocator.wasm")
        #expect(await spirit.memory.guestAllocatorName == "alloc")
        let pointer = try await spirit.memory.alloc(16)
        #expect(pointer >= 65536)
        try await spirit.memory.free(pointer)
    }

    @Test func timeComesFromTheConfiguredSource() async throws {
        let (fixed, _, _) = try await Self.load()
        #expect(try await fixed.call("now") as Int64 == 1_700_000_000_000)
        #expect(try await fixed.call("monotonic_now") as Int64 == 0)

        let before = Int64(Date().timeIntervalSince1970 * 1000)
        let system = try await Fixtures.load("core_abi.wasm")
        let now: Int64 = try await system.call("now")
        let after = Int64(Date().timeIntervalSince1970 * 1000)
        #expect(now >= before - 1 && now <= after + 1)
        let first: Int64 = try await system.call("monotonic_now")
        let second: Int64 = try await system.call("monotonic_now")
        #expect(first >= 0 && second >= first)
    }

    @Test func seededRandomnessIsReproducibleAndInRange() async throws {
        let (a, _, _) = try await Self.load(seed: 7)
        let (b, _, _) = try await Self.load(seed: 7)
        var reference = SplitMix64(seed: 7)
        for _ in 0..<5 {
            let x: Double = try await a.call("random")
            #expect(x >= 0 && x < 1)
            #expect(x == Double(reference.next() >> 11) * 0x1p-53)
            #expect(try await b.call("random") as Double == x)
        }
        let pointer = try await a.memory.alloc(12)
        try await a.call("random_bytes", pointer, UInt32(12))
        let word1 = reference.next(), word2 = reference.next()
        let expected =
            (0..<8).map { UInt8(truncatingIfNeeded: word1 >> (8 * UInt64($0))) }
            + (0..<4).map { UInt8(truncatingIfNeeded: word2 >> (8 * UInt64($0))) }
        #expect(try await a.memory.readBytes(at: pointer, count: 12) == expected)
    }

    @Test func systemRandomnessIsInRange() async throws {
        let spirit = try await Fixtures.load("core_abi.wasm")
        for _ in 0..<20 {
            let x: Double = try await spirit.call("random")
            #expect(x >= 0 && x < 1)
        }
    }

    @Test func randomBytesOutOfRangeEndTheCallAndTheSpiritStaysUsable() async throws {
        let (spirit, _, _) = try await Self.load()
        await #expect {
            try await spirit.call("random_bytes", UInt32(65530), UInt32(100))
        } throws: { error in
            guard case SpiritError.hostFunction("random_bytes", "env", "vudo_random_bytes", let cause) = error else {
                return false
            }
            return (cause as? MemoryError) == .outOfBounds(address: 65530, count: 100, memorySize: 65536)
        }
        #expect(try await spirit.call("random") as Double >= 0)
    }

    @Test func effectsReachTheEmbeddersHandler() async throws {
        let seen = Mutex<[(Effect, String)]>([])
        let handler = EffectHandler { effect, context in
            let payload = try context.memory.readRawString(at: effect.payload, length: 5)
            seen.withLock { $0.append((effect, payload)) }
            return effect.id == 1 ? 0 : -5
        }
        let (spirit, _, _) = try await Self.load(effects: handler)
        let (pointer, _) = try await Self.text(spirit, "moved")
        #expect(try await spirit.call("emit_effect", Int32(1), pointer) as Int32 == 0)
        #expect(try await spirit.call("emit_effect", Int32(2), pointer) as Int32 == -5)
        #expect(seen.withLock { $0.map(\.0.id) } == [1, 2])
        #expect(seen.withLock { $0.map(\.1) } == ["moved", "moved"])

        let (ignored, _, _) = try await Self.load()
        #expect(try await ignored.call("emit_effect", Int32(9), UInt32(0)) as Int32 == 0)
    }

    @Test func abortSurfacesWithMessageFileAndLine() async throws {
        let (spirit, _, _) = try await Self.load()
        #expect(try await spirit.call("check_index", Int32(2), Int32(5)) as Int32 == 2)
        await #expect {
            _ = try await spirit.call("check_index", Int32(5), Int32(5)) as Int32
        } throws: { error in
            guard case SpiritError.aborted(let function, let abort) = error else { return false }
            return function == "check_index"
                && abort == SpiritAbort(.abort, message: "index out of range", file: "lib.dol", line: 42)
                && "\(error)" == "check_index aborted: index out of range at lib.dol:42"
        }
        // The Spirit stays usable.
        #expect(try await spirit.call("check_index", Int32(1), Int32(5)) as Int32 == 1)
    }

    @Test func abortWithAnUnreadableMessageStillAborts() async throws {
        let (spirit, _, _) = try await Self.load()
        await #expect {
            try await spirit.call("abort", UInt32(70000), UInt32(4), UInt32(0), UInt32(0), UInt32(3))
        } throws: { error in
            guard case SpiritError.aborted(_, let abort) = error else { return false }
            return abort.message.hasPrefix("<unreadable: out of bounds") && abort.file == nil && abort.line == 3
        }
    }

    @Test func assertAndPanicEndTheCall() async throws {
        let (spirit, _, _) = try await Self.load()
        let (pointer, length) = try await Self.text(spirit, "balance >= 0")
        try await spirit.call("assert", Int32(1), pointer, length)
        await #expect {
            try await spirit.call("assert", Int32(0), pointer, length)
        } throws: { error in
            guard case SpiritError.aborted("assert", let abort) = error else { return false }
            return abort == SpiritAbort(.assertion, message: "balance >= 0")
        }
        await #expect {
            try await spirit.call("panic", pointer, length)
        } throws: { error in
            guard case SpiritError.aborted("panic", let abort) = error else { return false }
            return abort == SpiritAbort(.panic, message: "balance >= 0")
                && abort.description == "panicked: balance >= 0"
        }
    }

    @Test func anAbortInTheStartFunctionFailsTheLoadWithIt() async {
        await #expect {
            _ = try await Fixtures.load("abort_at_start.wasm")
        } throws: { error in
            guard case SpiritError.aborted("start", let abort) = error else { return false }
            return abort == SpiritAbort(.abort, message: "not configured", file: "boot.dol", line: 7)
        }
    }
}

/// Import namespaces and the core Loa's grants.
@Suite struct CoreNamespaceTests {
    @Test func envVudoLoaAndCoreAllReachTheCoreLoa() async throws {
        let output = LineRecorder()
        let spirit = try await Fixtures.load("namespaces.wasm", options: SpiritOptions(output: output.sink))
        try await spirit.call("greet")
        #expect(output.lines == ["env", "vudo", "loa", "core"])
    }

    @Test func theABIModulesRefuseWhatTheyDoNotProvide() async {
        // env.abort (AssemblyScript's) is a function of no granted Loa.
        await expectRefusal("not_a_core_function.wasm", ("env", "abort"), .noGrantedLoaProvides(module: "env"))
        // vudo_spawn is not among the DOL ABI's 22 functions.
        await expectRefusal("missing_core_function.wasm", ("vudo", "vudo_spawn"), .notInDOLABI)
        // loa.vudo_alloc(i64): neither the DOL ABI's nor the core Loa's vudo_alloc takes an i64; the
        // DOL ABI's signature is reported.
        await expectRefusal(
            "wrong_core_signature.wasm", ("loa", "vudo_alloc"),
            .signatureMismatch(
                expected: FunctionType(parameters: [.i64], results: [.i32]),
                provided: FunctionType(parameters: [.i32], results: [.i32])))
    }

    @Test func aWithheldCoreCapabilityRefusesTheSpiritNamingTheImport() async {
        for (capability, function) in [
            (Capability.print, "vudo_print"), (.alloc, "vudo_alloc"), (.time, "vudo_now"), (.random, "vudo_random"),
            (.debug, "vudo_debug"), (.effects, "vudo_emit_effect"),
        ] {
            var options = SpiritOptions()
            options.withhold(capability)
            await expectRefusal(
                "core_abi.wasm", ("env", function), .capabilityNotGranted(capability, loa: "core"), options)
        }
    }

    @Test func withoutTheCoreGrantNothingOfItIsLinked() async throws {
        await expectRefusal("logger.wasm", ("env", "vudo_print"), .loaNotGranted("core"), SpiritOptions(grants: []))
        // A Spirit without imports needs no grant.
        _ = try await Fixtures.load("calculator.wasm", options: SpiritOptions(grants: []))
    }

    @Test func theRemainingCoreCapabilitiesStillLink() async throws {
        var options = SpiritOptions()
        options.withhold(.random, .time)
        _ = try await Fixtures.load("logger.wasm", options: options)
        #expect(
            options.grants == [LoaGrant("core", "^1.0", capabilities: [.print, .alloc, .debug, .effects]), .messaging])
    }

    @Test func theEmbeddersOwnHostFunctionTakesPrecedence() async throws {
        let seen = Mutex<[String]>([])
        let stub = HostFunctionDefinition(
            module: "env", name: "vudo_print", type: FunctionType(parameters: [.i32, .i32], results: [])
        ) { _, arguments in
            seen.withLock { $0.append("\(arguments)") }
            return []
        }
        let spirit = try await Fixtures.load("logger.wasm", options: SpiritOptions(hostFunctions: [stub]))
        try await spirit.call("hello")
        #expect(seen.withLock { $0 } == ["[i32:16, i32:20]"])
    }

    private func expectRefusal(
        _ fixture: String, _ expected: (module: String, name: String), _ reason: ImportFailure,
        _ options: SpiritOptions = SpiritOptions()
    ) async {
        await #expect {
            _ = try await Fixtures.load(fixture, options: options)
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, let name, let got) = error else { return false }
            return module == expected.module && name == expected.name && got == reason
        }
    }
}

@Suite struct LoaNeedsTests {
    @Test func needsListLoasCapabilitiesAndProblems() throws {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.directory.appendingPathComponent("core_abi.wasm")))
        let needs = LoaRegistry().needs(of: try Module(bytes: bytes))
        #expect(needs.map(\.loa) == ["core"])
        #expect(needs[0].capabilities == [.alloc, .debug, .effects, .print, .random, .time])
        #expect(needs[0].modules == ["env"] && needs[0].version == "1.0.0" && needs[0].problems.isEmpty)

        let http = try [UInt8](Data(contentsOf: Fixtures.directory.appendingPathComponent("http_client.wasm")))
        let unknown = LoaRegistry().needs(of: try Module(bytes: http))
        #expect(
            unknown.map(\.loa) == ["http"] && unknown[0].version == nil && unknown[0].functions == ["fetch", "post"])

        let wrong = try [UInt8](
            Data(contentsOf: Fixtures.directory.appendingPathComponent("wrong_core_signature.wasm")))
        let problems = LoaRegistry().needs(of: try Module(bytes: wrong))[0].problems
        #expect(problems.map(\.name) == ["vudo_alloc"])
    }
}
