import Synchronization
import Testing
import Vudo
import WasmCore

/// The `vudo` module: the DOL compiler's host ABI, checked against its documentation
/// (dol-abi.md table 1, from docs/COMPILER-IMPORTS.md and src/host.rs of univrs/dol) through
/// dol_abi.wasm, which imports all 22 functions with the compiler's signatures and exports a
/// wrapper for each.
@Suite struct DOLABITests {
    /// The 22 functions and signatures of COMPILER-IMPORTS.md (u32 and pointers are i32).
    static let compilerSignatures: [(String, [ValueType], [ValueType])] = [
        ("vudo_print", [.i32, .i32], []), ("vudo_println", [.i32, .i32], []), ("vudo_log", [.i32, .i32, .i32], []),
        ("vudo_error", [.i32, .i32], [.i32]), ("vudo_alloc", [.i32], [.i32]), ("vudo_free", [.i32, .i32], []),
        ("vudo_realloc", [.i32, .i32, .i32], [.i32]), ("vudo_now", [], [.f64]), ("vudo_sleep", [.i32], []),
        ("vudo_monotonic_now", [], [.i64]), ("vudo_send", [.i32, .i32, .i32, .i32], [.i32]),
        ("vudo_recv", [.i32, .i32, .i32], [.i32]), ("vudo_pending", [], [.i32]),
        ("vudo_broadcast", [.i32, .i32], [.i32]),
        ("vudo_free_message", [.i32], []), ("vudo_random", [], [.f64]), ("vudo_random_bytes", [.i32, .i32], []),
        ("vudo_emit_effect", [.i32, .i32], [.i32]), ("vudo_subscribe", [.i32, .i32], [.i32]),
        ("vudo_breakpoint", [], []),
        ("vudo_assert", [.i32, .i32, .i32], []), ("vudo_panic", [.i32, .i32], []),
    ]

    /// dol_abi.wasm with its output (exact characters), log lines, a fixed clock and seeded randomness.
    static func load(
        debug: Bool = false, configure: (inout SpiritOptions) -> Void = { _ in }
    ) async throws -> (Spirit, output: TextRecorder, log: LineRecorder) {
        let output = TextRecorder()
        let log = LineRecorder()
        var options = SpiritOptions(debug: debug, logger: log.logger, output: output.sink)
        options.makeDeterministic(seed: 7, epochMilliseconds: 1_700_000_000_123)
        configure(&options)
        return (try await Fixtures.load("dol_abi.wasm", options: options), output, log)
    }

    static func text(_ spirit: Spirit, _ text: String, at address: UInt32 = 16384) async throws -> (UInt32, UInt32) {
        let bytes = Array(text.utf8)
        try await spirit.memory.writeBytes(bytes, at: address)
        return (address, UInt32(bytes.count))
    }

    @Test func everyOneOfTheTwentyTwoImportsLinksWithTheCompilersSignature() throws {
        let module = try Module(bytes: try HostFile.read(Fixtures.path("dol_abi.wasm")))
        let imports = module.imports.compactMap { entry -> (String, FunctionType)? in
            guard case .function(let index) = entry.descriptor, entry.module == "vudo",
                let type = module.functionType(at: index)
            else { return nil }
            return (entry.name, type)
        }
        #expect(imports.count == 22)
        #expect(imports.map(\.0) == Self.compilerSignatures.map(\.0))
        for ((name, type), (_, parameters, results)) in zip(imports, Self.compilerSignatures) {
            #expect(type == FunctionType(parameters: parameters, results: results), "\(name)")
        }
        // Resolved against the default registry: no problems, split between the core and messaging Loas.
        let needs = LoaRegistry().needs(of: module)
        #expect(needs.map(\.loa) == ["core", "messaging"])
        #expect(needs.allSatisfy { $0.problems.isEmpty && $0.modules == ["vudo"] })
        #expect(
            needs[1].functions == ["vudo_send", "vudo_recv", "vudo_pending", "vudo_broadcast", "vudo_free_message"])
    }

    // MARK: Output

    @Test func printContinuesTheLineAndPrintlnEndsIt() async throws {
        let (spirit, output, _) = try await Self.load()
        let (p1, l1) = try await Self.text(spirit, "print, then ")
        let (p2, l2) = try await Self.text(spirit, "println ✓", at: 16448)
        try await spirit.call("print", p1, l1)
        try await spirit.call("println", p2, l2)
        try await spirit.call("print", p2, UInt32(0))
        #expect(output.text == "print, then println ✓\n")
    }

    /// src/host.rs: 0 TRACE, 1 DEBUG, 2 INFO, 3 WARN, 4 ERROR (@vudo/runtime counts from DEBUG).
    @Test func logLevelsAreTheCompilersZeroToFour() async throws {
        let (quiet, _, quietLog) = try await Self.load()
        let (pointer, length) = try await Self.text(quiet, "hi")
        for level: UInt32 in [0, 1, 2, 3, 4, 5] { try await quiet.call("log", level, pointer, length) }
        // Trace and debug only in debug runs; past 4 counts as an error.
        #expect(
            quietLog.lines == [
                "[dol_abi] info: hi", "[dol_abi] warn: hi", "[dol_abi] error: hi", "[dol_abi] error: hi",
            ])

        let (loud, _, loudLog) = try await Self.load(debug: true)
        let (p, l) = try await Self.text(loud, "hi")
        for level: UInt32 in [0, 1] { try await loud.call("log", level, p, l) }
        #expect(
            loudLog.lines.filter { !$0.contains("call") && !$0.contains("->") && !$0.contains("host vudo") }
                == ["[dol_abi] trace: hi", "[dol_abi] debug: hi"])
    }

    @Test func errorLogsAndReturnsTheABIsErrorCode() async throws {
        let (spirit, _, log) = try await Self.load()
        let (pointer, length) = try await Self.text(spirit, "it broke")
        // Non-zero, as src/host.rs says; -1 is ResultCode.Error of docs/ABI-SPECIFICATION.md.
        #expect(try await spirit.call("error", pointer, length) as Int32 == -1)
        #expect(log.lines == ["[dol_abi] error: it broke"])
    }

    /// host/io.test.ts logs a bad pointer and goes on; here, as everywhere in Vudo's host ABI, the
    /// call ends with a typed error and the Spirit stays usable.
    @Test func aPointerOutsideMemoryEndsTheCallAndTheSpiritStaysUsable() async throws {
        let (spirit, output, _) = try await Self.load()
        await #expect {
            try await spirit.call("println", UInt32(65_530), UInt32(10))
        } throws: { error in
            guard case SpiritError.hostFunction("println", "vudo", "vudo_println", let cause) = error else {
                return false
            }
            return (cause as? MemoryError) == .outOfBounds(address: 65_530, count: 10, memorySize: 65_536)
        }
        let (pointer, length) = try await Self.text(spirit, "still here")
        try await spirit.call("println", pointer, length)
        #expect(output.text == "still here\n")
    }

    // MARK: Memory

    @Test func allocReallocAndFree() async throws {
        let (spirit, _, _) = try await Self.load()
        let block: UInt32 = try await spirit.call("allocate", UInt32(24))
        #expect(block != 0 && block % 8 == 0)
        try await spirit.memory.writeBytes([1, 2, 3, 4], at: block)
        let grown: UInt32 = try await spirit.call("reallocate", block, UInt32(24), UInt32(64))
        #expect(grown != 0)
        #expect(try await spirit.memory.readBytes(at: grown, count: 6) == [1, 2, 3, 4, 0, 0])
        // Shrinking keeps the prefix that fits.
        let shrunk: UInt32 = try await spirit.call("reallocate", grown, UInt32(64), UInt32(2))
        #expect(shrunk != 0)
        #expect(try await spirit.memory.readBytes(at: shrunk, count: 2) == [1, 2])
        // A new size of 0 frees and returns 0 (ABI-SPECIFICATION.md; registry.ts agrees).
        #expect(try await spirit.call("reallocate", shrunk, UInt32(2), UInt32(0)) as UInt32 == 0)
        // What cannot be allocated is 0, not a trap.
        #expect(try await spirit.call("allocate", UInt32.max) as UInt32 == 0)
        try await spirit.call("release", UInt32(0), UInt32(0))
    }

    // MARK: Time and randomness

    @Test(.timeLimit(.minutes(1))) func nowIsAnF64OfMillisecondsAndMonotonicTimeIsNanoseconds() async throws {
        let (fixed, _, _) = try await Self.load()
        #expect(try await fixed.call("now") as Double == 1_700_000_000_123)

        let system = try await Fixtures.load("dol_abi.wasm", options: SpiritOptions(logger: .silent))
        let before = Double(TimeSource.system.now())
        let now: Double = try await system.call("now")
        #expect(now >= before - 1 && now <= Double(TimeSource.system.now()) + 1)
        let t0: Int64 = try await system.call("monotonic_now")
        try await system.call("sleep", UInt32(20))
        let t1: Int64 = try await system.call("monotonic_now")
        // At least 20 ms passed, counted in nanoseconds (not milliseconds, as src/host.rs says).
        #expect(t1 - t0 >= 20_000_000)
    }

    @Test func randomnessComesFromTheSpiritsSource() async throws {
        let (spirit, _, _) = try await Self.load()
        var reference = SplitMix64(seed: 7)
        let x: Double = try await spirit.call("random")
        #expect(x == Double(reference.next() >> 11) * 0x1p-53 && x >= 0 && x < 1)
        try await spirit.call("random_bytes", UInt32(16384), UInt32(8))
        let word = reference.next()
        #expect(
            try await spirit.memory.readBytes(at: 16384, count: 8)
                == (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) })
        try await spirit.call("random_bytes", UInt32(16384), UInt32(0))
    }

    // MARK: Effects

    @Test func emitEffectHandsJSONToTheHubAndReturnsItsID() async throws {
        let hub = EffectHub()
        let (spirit, _, _) = try await Self.load { $0.effectHub = hub }
        let (pointer, length) = try await Self.text(spirit, #"{"effect_type":"state_change","payload":{"value":42}}"#)
        #expect(try await spirit.call("emit_effect", pointer, length) as UInt32 == 1)
        #expect(try await spirit.call("emit_effect", pointer, length) as UInt32 == 2)
        let effect = try #require(hub.queue.first)
        #expect(effect.type == "state_change" && effect.payload == #"{"value":42}"# && effect.spirit == "dol_abi")
        // No timestamp given: the Spirit's clock.
        #expect(effect.timestamp == 1_700_000_000_123)
    }

    @Test func whatIsNotAnEffectIsZero() async throws {
        let hub = EffectHub()
        let (spirit, _, _) = try await Self.load { $0.effectHub = hub }
        for text in ["not json", #"{"payload":1}"#, #"{"effect_type":""}"#, #"["effect_type"]"#] {
            let (pointer, length) = try await Self.text(spirit, text)
            #expect(try await spirit.call("emit_effect", pointer, length) as UInt32 == 0, "\(text)")
        }
        // Invalid UTF-8 too.
        try await spirit.memory.writeBytes([0x7B, 0xFF, 0x7D], at: 16384)
        #expect(try await spirit.call("emit_effect", UInt32(16384), UInt32(3)) as UInt32 == 0)
        // Longer than 1 MiB: refused before anything is read.
        #expect(try await spirit.call("emit_effect", UInt32(0), UInt32(1 << 20 + 1)) as UInt32 == 0)
        #expect(hub.queue.isEmpty)
    }

    @Test func subscribeRecordsTheSpiritsSubscription() async throws {
        let subscribed = Mutex<[EffectSubscription]>([])
        let hub = EffectHub(onSubscribe: { subscription in subscribed.withLock { $0.append(subscription) } })
        let (spirit, _, _) = try await Self.load { $0.effectHub = hub }
        let (pointer, length) = try await Self.text(spirit, "state_change")
        let id: UInt32 = try await spirit.call("subscribe", pointer, length)
        #expect(id == 1)
        #expect(hub.subscriptions == [EffectSubscription(id: 1, pattern: "state_change", subscriber: "dol_abi")])
        #expect(subscribed.withLock { $0 } == hub.subscriptions)
        #expect(hub.subscriptions(matching: "state_change").count == 1 && hub.subscriptions(matching: "other").isEmpty)
    }

    // MARK: Debugging

    @Test func breakpointCallsTheHostsHookWithTheSpiritsContext() async throws {
        let hits = Mutex<[String]>([])
        let (spirit, _, log) = try await Self.load {
            $0.onBreakpoint = { context in
                let word = (try? context.memory.readBytes(at: 16384, count: 2)) ?? []
                hits.withLock { $0.append("\(context.spiritName ?? "?") \(word)") }
            }
        }
        try await spirit.memory.writeBytes([7, 9], at: 16384)
        try await spirit.call("breakpoint")
        try await spirit.call("breakpoint")
        #expect(hits.withLock { $0 } == ["dol_abi [7, 9]", "dol_abi [7, 9]"])
        #expect(log.lines.isEmpty)

        // Without a hook, a breakpoint is a log line in debug runs and nothing otherwise.
        let (quiet, _, quietLog) = try await Self.load()
        try await quiet.call("breakpoint")
        #expect(quietLog.lines.isEmpty)
        let (loud, _, loudLog) = try await Self.load(debug: true)
        try await loud.call("breakpoint")
        #expect(loudLog.lines.contains("[dol_abi] breakpoint"))
    }

    @Test func assertPassesOnNonZeroAndEndsTheCallOnZero() async throws {
        let (spirit, _, _) = try await Self.load()
        let (pointer, length) = try await Self.text(spirit, "balance >= 0 ✓")
        try await spirit.call("assert", UInt32(2), pointer, length)
        // A passing assert does not read its message (@vudo/runtime's registry reads it first).
        try await spirit.call("assert", UInt32(1), UInt32.max, UInt32(16))
        await #expect {
            try await spirit.call("assert", UInt32(0), pointer, length)
        } throws: { error in
            guard case SpiritError.aborted("assert", let abort) = error else { return false }
            return abort == SpiritAbort(.assertion, message: "balance >= 0 ✓")
        }
    }

    @Test func panicEndsTheCallAndTheSpiritStaysUsable() async throws {
        let (spirit, _, _) = try await Self.load()
        let (pointer, length) = try await Self.text(spirit, "Fatal error!")
        await #expect {
            try await spirit.call("panic", pointer, length)
        } throws: { error in
            guard case SpiritError.aborted("panic", let abort) = error else { return false }
            return abort == SpiritAbort(.panic, message: "Fatal error!") && "\(error)" == "panic panicked: Fatal error!"
        }
        #expect(try await spirit.call("now") as Double == 1_700_000_000_123)
    }

    // MARK: Capabilities

    /// The `vudo` module has no grant of its own: each function is covered by the core or the
    /// messaging Loa's grant, so withholding a capability takes the service away in every ABI.
    @Test func withheldCapabilitiesRefuseTheVudoImportsTheyCover() async {
        for (capability, loa, function) in [
            (Capability.time, "core", "vudo_now"), (.print, "core", "vudo_print"),
            (.effects, "core", "vudo_emit_effect"),
            (.debug, "core", "vudo_breakpoint"), ("send", "messaging", "vudo_send"),
            ("receive", "messaging", "vudo_recv"),
        ] {
            var options = SpiritOptions()
            options.withhold(capability, from: loa)
            await #expect {
                _ = try await Fixtures.load("dol_abi.wasm", options: options)
            } throws: { error in
                guard
                    case SpiritError.unresolvedImport("vudo", let name, .capabilityNotGranted(capability, loa: loa)) =
                        error
                else {
                    return false
                }
                return name == function
            }
        }
    }

    @Test func withoutTheMessagingGrantItsFunctionsDoNotLink() async {
        await #expect {
            _ = try await Fixtures.load("dol_abi.wasm", options: SpiritOptions(grants: [.core]))
        } throws: { error in
            guard case SpiritError.unresolvedImport("vudo", "vudo_send", .loaNotGranted("messaging")) = error else {
                return false
            }
            return true
        }
    }

    @Test func aSignatureOtherThanTheCompilersIsRefused() async {
        // @vudo/runtime's vudo_now is an i64; under `vudo` the compiler's f64 is the ABI.
        await #expect {
            _ = try await Fixtures.load("core_abi_under_vudo.wasm")
        } throws: { error in
            guard
                case SpiritError.unresolvedImport("vudo", "vudo_now", .signatureMismatch(let expected, let provided)) =
                    error
            else {
                return false
            }
            return expected == FunctionType(parameters: [], results: [.i64])
                && provided == FunctionType(parameters: [], results: [.f64])
        }
    }
}

/// Collects everything written to a raw output sink, in order.
final class TextRecorder: Sendable {
    private let storage = Mutex("")
    var text: String { storage.withLock { $0 } }
    var sink: OutputSink { .raw { text in self.storage.withLock { $0 += text } } }
}
