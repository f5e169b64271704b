import Testing
import Vudo
import WasmCore

/// `vudo_sleep` and `vudo_recv(timeout_ms, ...)` suspend the calling Spirit, never a thread: the
/// other Spirits of its Séance run meanwhile. No test here bounds a duration from above: on a
/// loaded 2-core machine a task may wait long for a thread, which says nothing about suspension.
@Suite struct SuspendingHostCallTests {
    static func dolSeance(_ names: [String]) async throws -> Seance {
        var defaults = SpiritOptions.seanceDefaults
        defaults.logger = .silent
        defaults.output = OutputSink { _ in }
        let seance = Seance(defaults: defaults)
        for name in names { try await seance.summon(name, .path(Fixtures.path("dol_abi.wasm"))) }
        return seance
    }

    /// Sixteen Spirits nap in vudo_sleep(100) until a message arrives; one more Spirit sends it to
    /// all of them. A sleep that held its thread would leave that Spirit no thread to run on (the
    /// pool has one per core), and every sleeper would give up after its 600 naps: each seeing the
    /// broadcast is the proof that the sender ran while they were suspended.
    @Test(.timeLimit(.minutes(1))) func aSleepingSpiritLetsAnotherOfItsSeanceRun() async throws {
        let sleepers = (1...16).map { "sleeper\($0)" }
        let seance = try await Self.dolSeance(sleepers + ["waker"])
        let naps = Task {
            try await withThrowingTaskGroup(of: Int32.self) { group in
                for name in sleepers { group.addTask { try await seance.invoke(name, "wait_for_message", Int32(600)) } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
        }
        // Once the sleepers are in their calls (each naps at least once before any message exists),
        // the waker broadcasts through the DOL ABI.
        try await Task.sleep(for: .milliseconds(50))
        try await seance.write(Array("wake up".utf8), at: 16384, in: "waker")
        let reached: Int32 = try await seance.invoke("waker", "broadcast", Int32(16384), Int32(7))
        #expect(reached == 16)
        let results = try await naps.value
        #expect(results.count == 16)
        #expect(results.allSatisfy { $0 >= 0 })
    }

    /// The case exactly: one Spirit in vudo_sleep(100); another of the same Séance is
    /// called and finishes while the first is still inside its call.
    @Test(.timeLimit(.minutes(1))) func vudoSleepSuspendsWhileAnotherSpiritIsCalled() async throws {
        let seance = try await Self.dolSeance(["sleeper", "other"])
        let sleeping = Task { try await seance.invoke("sleeper", "wait_for_message", Int32(600)) as Int32 }
        try await Task.sleep(for: .milliseconds(20))
        // The other Spirit runs a whole call, then tells the sleeper, which only then may return.
        let now: Double = try await seance.invoke("other", "now")
        #expect(now > 0)
        #expect(try await seance.send(to: "sleeper", channel: 0, [1], from: "other"))
        #expect(try await sleeping.value >= 0)
    }

    @Test(.timeLimit(.minutes(1))) func recvWithATimeoutReturnsAMessageSentDuringItsWait() async throws {
        let seance = try await Self.dolSeance(["receiver", "sender"])
        let receiving = Task { () -> Int32 in
            try await seance.invoke("receiver", "recv", Int32(50_000), Int32(8192), Int32(64))
        }
        // Sent only once the receiver waits inside vudo_recv.
        while !seance.messages.isWaiting("receiver") { try await Task.sleep(for: .milliseconds(1)) }
        try await seance.write(Array("during the wait".utf8), at: 16384, in: "sender")
        try await seance.write(Array("receiver".utf8), at: 16448, in: "sender")
        let sent: Int32 = try await seance.invoke("sender", "send", Int32(16448), Int32(8), Int32(16384), Int32(15))
        #expect(sent == 0)
        #expect(try await receiving.value == 15)
        #expect(try await seance.read(15, at: 8192, in: "receiver") == Array("during the wait".utf8))
    }

    @Test(.timeLimit(.minutes(1))) func recvWithNothingToReceiveReturnsZeroAfterItsTimeout() async throws {
        let seance = try await Self.dolSeance(["receiver"])
        let spirit = try await seance.spirit(named: "receiver")
        let t0: Int64 = try await spirit.call("monotonic_now")
        let got: Int32 = try await seance.invoke("receiver", "recv", Int32(50), Int32(8192), Int32(64))
        let t1: Int64 = try await spirit.call("monotonic_now")
        #expect(got == 0)
        #expect(t1 - t0 >= 50_000_000)
        // A zero timeout does not wait at all: the message already there is taken.
        try await seance.send(to: "receiver", channel: 0, [9])
        #expect(try await seance.invoke("receiver", "recv", Int32(0), Int32(8192), Int32(64)) as Int32 == 1)
    }

    @Test(.timeLimit(.minutes(1))) func theCallsTimeoutCutsASleepShort() async throws {
        var options = SpiritOptions(logger: .silent)
        options.limits = ResourceLimits(timeout: .milliseconds(100))
        let spirit = try await Fixtures.load("dol_abi.wasm", options: options)
        await #expect {
            try await spirit.call("sleep", UInt32(50_000))
        } throws: { error in
            guard case SpiritError.trap("sleep", let trap) = error else { return false }
            return trap.reason == .deadlineExceeded
        }
        // And a receive: the call's deadline comes before the 50 s timeout.
        await #expect {
            _ = try await spirit.call("recv", UInt32(50_000), UInt32(8192), UInt32(64)) as Int32
        } throws: { error in
            guard case SpiritError.trap("recv", let trap) = error else { return false }
            return trap.reason == .deadlineExceeded
        }
        // The Spirit is usable afterwards.
        try await spirit.call("sleep", UInt32(1))
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheCallEndsASleep() async throws {
        let spirit = try await Fixtures.load("dol_abi.wasm", options: SpiritOptions(logger: .silent))
        let call = Task { () -> TrapReason? in
            do {
                try await spirit.call("sleep", UInt32(50_000))
                return nil
            } catch {
                guard case SpiritError.trap(_, let trap) = error else { return nil }
                return trap.reason
            }
        }
        try await Task.sleep(for: .milliseconds(20))
        call.cancel()
        #expect(await call.value == .cancelled)
        try await spirit.call("sleep", UInt32(0))
    }

    @Test(.timeLimit(.minutes(1))) func aSpiritLoadedAloneWaitsOutItsReceiveAndGetsNothing() async throws {
        let spirit = try await Fixtures.load("dol_abi.wasm", options: SpiritOptions(logger: .silent))
        #expect(try await spirit.call("recv", UInt32(10), UInt32(8192), UInt32(64)) as Int32 == 0)
        #expect(try await spirit.call("pending") as Int32 == 0)
        try await spirit.memory.writeBytes(Array("anyone".utf8), at: 16384)
        #expect(try await spirit.call("send", UInt32(16384), UInt32(6), UInt32(16384), UInt32(6)) as Int32 == -4)
        #expect(try await spirit.call("broadcast", UInt32(16384), UInt32(6)) as Int32 == 0)
    }
}
