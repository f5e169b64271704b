import Testing
import Vudo

/// The DOL ABI's five messaging functions in a Séance (dol_messenger.wat), against
/// COMPILER-IMPORTS.md and src/host.rs: send returns 0 on success and an error code otherwise,
/// recv returns the bytes written (0: none), pending counts every message, broadcast returns how
/// many received it. Memory layout: 0 target name, 64 payload, 256 receive buffer.
@Suite struct DOLMessagingTests {
    static func seance(_ names: String...) async throws -> Seance {
        let seance = Seance()
        for name in names { try await seance.summon(name, SeanceFixtures.source("dol_messenger")) }
        return seance
    }

    static func send(_ seance: Seance, from: String, to: String, _ payload: [UInt8]) async throws -> Int32 {
        try await seance.write(Array(to.utf8), at: 0, in: from)
        try await seance.write(payload, at: 64, in: from)
        return try await seance.invoke(from, "send", Int32(0), Int32(to.utf8.count), Int32(64), Int32(payload.count))
    }

    static func recv(_ seance: Seance, _ name: String, timeout: Int32 = 0, capacity: Int32 = 64) async throws -> Int32 {
        try await seance.invoke(name, "recv", timeout, Int32(256), capacity)
    }

    @Test func sendIsZeroOnSuccessAndNotFoundForAnUnknownTarget() async throws {
        let seance = try await Self.seance("agent-1", "agent-42")
        #expect(try await Self.send(seance, from: "agent-1", to: "agent-42", Array("Hello, agent!".utf8)) == 0)
        // NotFound (-4) of docs/ABI-SPECIFICATION.md's ResultCode: non-zero, as src/host.rs asks.
        #expect(try await Self.send(seance, from: "agent-1", to: "agent-7", [1]) == -4)
        let message = try #require(seance.messages.receive(for: "agent-42"))
        #expect(message.from == "agent-1" && message.channel == 0 && message.payload == Array("Hello, agent!".utf8))
    }

    @Test func recvWritesThePayloadAndReturnsItsLength() async throws {
        let seance = try await Self.seance("a", "b")
        #expect(try await Self.recv(seance, "b") == 0)
        #expect(try await Self.send(seance, from: "a", to: "b", [10, 20, 30]) == 0)
        #expect(try await Self.recv(seance, "b") == 3)
        #expect(try await seance.read(3, at: 256, in: "b") == [10, 20, 30])
        #expect(try await Self.recv(seance, "b") == 0)
    }

    /// The ABI has no channels: a DOL Spirit receives what was sent on any of them.
    @Test func recvTakesEveryChannelInArrivalOrder() async throws {
        let seance = try await Self.seance("b")
        seance.messages.send([1], to: "b", channel: 7, from: "host")
        seance.messages.send([2], to: "b", channel: 3, from: "host")
        #expect(try await Self.recv(seance, "b") == 1)
        #expect(try await seance.read(1, at: 256, in: "b") == [1])
        #expect(try await Self.recv(seance, "b") == 1)
        #expect(try await seance.read(1, at: 256, in: "b") == [2])
    }

    /// src/host.rs: "If a message is larger than out_len, it will be truncated."
    @Test func aLongerMessageIsCutToTheBuffer() async throws {
        let seance = try await Self.seance("b")
        seance.messages.send(Array(1...10), to: "b", channel: 0, from: "host")
        try await seance.write([UInt8](repeating: 0xEE, count: 8), at: 256, in: "b")
        #expect(try await Self.recv(seance, "b", capacity: 4) == 4)
        #expect(try await seance.read(8, at: 256, in: "b") == [1, 2, 3, 4, 0xEE, 0xEE, 0xEE, 0xEE])
        #expect(seance.messages.pending(for: "b") == 0)
    }

    @Test func pendingCountsEveryWaitingMessage() async throws {
        let seance = try await Self.seance("b")
        #expect(try await seance.invoke("b", "pending") as Int32 == 0)
        seance.messages.send([1], to: "b", channel: 1, from: "host")
        seance.messages.send([2], to: "b", channel: 2, from: "host")
        #expect(try await seance.invoke("b", "pending") as Int32 == 2)
    }

    @Test func broadcastReturnsHowManySpiritsReceivedIt() async throws {
        let seance = try await Self.seance("a", "b", "c", "d")
        try await seance.write(Array("shutdown".utf8), at: 64, in: "a")
        let reached: Int32 = try await seance.invoke("a", "broadcast", Int32(64), Int32(8))
        #expect(reached == 3)
        for name in ["b", "c", "d"] { #expect(seance.messages.receive(for: name)?.payload == Array("shutdown".utf8)) }
        #expect(seance.messages.pending(for: "a") == 0 && seance.messages.pending(for: Seance.hostName) == 0)
    }

    @Test func freeMessageIsAccepted() async throws {
        let seance = try await Self.seance("a")
        for id: Int32 in [0, 1, -1] { try await seance.invoke("a", "free_message", id) }
    }

    /// dol-abi.md: the DOL ABI caps a payload at 1 MiB and a name at 256 bytes.
    @Test func overTheABIsCapsNothingIsReadOrSent() async throws {
        let seance = try await Self.seance("a", "b")
        try await seance.write(Array("b".utf8), at: 0, in: "a")
        let tooLong: Int32 = try await seance.invoke("a", "send", Int32(0), Int32(1), Int32(0), Int32(1 << 20 + 1))
        #expect(tooLong == -2)
        let longName: Int32 = try await seance.invoke("a", "send", Int32(0), Int32(257), Int32(64), Int32(1))
        #expect(longName == -4)
        let broadcast: Int32 = try await seance.invoke("a", "broadcast", Int32(0), Int32(1 << 20 + 1))
        #expect(broadcast == 0)
        #expect(seance.messages.pending(for: "b") == 0)
    }

    @Test func aSpiritSpeakingTheDOLABIAndOneSpeakingTheTypeScriptOneShareTheBus() async throws {
        let seance = Seance()
        try await seance.summon("dol", SeanceFixtures.source("dol_messenger"))
        try await seance.summon("ts", SeanceFixtures.source("env_messenger"))
        // ts (env.vudo_send, 5 parameters) to dol, on channel 9.
        try await seance.write(Array("dol".utf8), at: 0, in: "ts")
        try await seance.write([4, 2], at: 64, in: "ts")
        let sent: Int32 = try await seance.invoke("ts", "send", Int32(0), Int32(3), Int32(9), Int32(64), Int32(2))
        #expect(sent == 1)
        #expect(try await Self.recv(seance, "dol") == 2)
        #expect(try await seance.read(2, at: 256, in: "dol") == [4, 2])
        // dol (vudo.vudo_send, 4 parameters) back to ts: it arrives on channel 0.
        #expect(try await Self.send(seance, from: "dol", to: "ts", [7]) == 0)
        let received: Int32 = try await seance.invoke(
            "ts", "recv", Int32(0), Int32(128), Int32(32), Int32(192), Int32(8))
        #expect(received == 1)
        #expect(try await seance.read(4, at: 128, in: "ts") == Array("dol".utf8) + [0])
    }
}
