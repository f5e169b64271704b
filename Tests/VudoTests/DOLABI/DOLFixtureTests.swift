import Testing
import Vudo

/// dol_abi.wasm's `_start`, which exercises the 22 functions of the DOL ABI and prints what it
/// saw: the run `vudo run Fixtures/spirits/dol_abi.wasm` makes (docs/guide.md shows its output),
/// and the same run inside a Séance, where the messages have somewhere to go.
@Suite struct DOLFixtureTests {
    static let alone = """
        dol_abi: the 22 functions of the vudo module
        print, then println: one line
        vudo_error returned -1
        alloc, realloc, free: ok
        now > 0, monotonic time never decreases: ok
        slept 100 ms: ok
        random in [0, 1), 16 random bytes: ok
        send to host: -4
        pending: 0
        recv (10 ms): 0 bytes
        broadcast reached 0
        effect id 1, subscription id 1
        breakpoint, assert: ok
        done

        """

    /// What `vudo run` does: default options (the core and messaging Loas granted), the system's
    /// clock and randomness, no Séance.
    @Test(.timeLimit(.minutes(1))) func startRunsAloneAsUnderVudoRun() async throws {
        let output = TextRecorder()
        let log = LineRecorder()
        let spirit = try await Fixtures.load(
            "dol_abi.wasm", options: SpiritOptions(logger: log.logger, output: output.sink))
        try await spirit.call("_start")
        #expect(output.text == Self.alone)
        #expect(log.lines == ["[dol_abi] info: a log line at level 2 (info)", "[dol_abi] error: an error line"])
    }

    @Test(.timeLimit(.minutes(1))) func inASeanceTheMessagesGoThrough() async throws {
        let output = TextRecorder()
        var defaults = SpiritOptions.seanceDefaults
        defaults.output = output.sink
        defaults.logger = .silent
        let seance = Seance(defaults: defaults)
        try await seance.summon("dol", .path(Fixtures.path("dol_abi.wasm")))
        try await seance.summon("peer", SeanceFixtures.source("calc"))
        try await seance.send(to: "dol", channel: 5, Array("hi".utf8))
        try await seance.invoke("dol", "_start")
        let lines = output.text.split(separator: "\n").map(String.init)
        #expect(lines.contains("send to host: 0"))
        #expect(lines.contains("pending: 1"))
        #expect(lines.contains("recv (10 ms): 2 bytes"))
        #expect(lines.contains("broadcast reached 1"))
        #expect(lines.last == "done")
        #expect(try await seance.receive()?.payload == Array("hello from dol_abi".utf8))
        #expect(try await seance.receive(for: "peer")?.payload == Array("hello, everyone".utf8))
        let effect = try #require(seance.effects.queue.first)
        #expect(effect.type == "greeting" && effect.payload == #"{"text":"hi"}"# && effect.spirit == "dol")
        #expect(seance.effects.subscriptions == [EffectSubscription(id: 1, pattern: "greeting", subscriber: "dol")])
    }

    @Test func panicIsExportedForTheCommandLine() async throws {
        let spirit = try await Fixtures.load("dol_abi.wasm", options: SpiritOptions(logger: .silent))
        try await spirit.memory.writeBytes(Array("on purpose".utf8), at: 16384)
        await #expect {
            try await spirit.call("panic", UInt32(16384), UInt32(10))
        } throws: { error in
            guard case SpiritError.aborted("panic", let abort) = error else { return false }
            return abort.kind == .panic && abort.message == "on purpose"
        }
    }
}
