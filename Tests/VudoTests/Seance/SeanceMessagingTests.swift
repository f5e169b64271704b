import Testing
import Vudo

/// The DOL messaging ABI, driven through messenger.wat's wrappers. Memory layout used here:
/// 0: recipient name, 64: payload, 128: from buffer, 192: payload buffer.
@Suite struct SeanceMessagingTests {
    private func twoMessengers() async throws -> Seance {
        let seance = Seance()
        try await seance.summon("alice", SeanceFixtures.source("messenger"))
        try await seance.summon("bob", SeanceFixtures.source("messenger"))
        return seance
    }

    /// alice.send(to, channel, payload) through the ABI; returns vudo_send's result.
    private func send(
        _ seance: Seance, from: String, to: String, channel: Int32, _ payload: [UInt8]
    ) async throws -> Int32 {
        try await seance.write(Array(to.utf8), at: 0, in: from)
        try await seance.write(payload, at: 64, in: from)
        return try await seance.invoke(
            from, "send", Int32(0), Int32(to.utf8.count), channel, Int32(64), Int32(payload.count))
    }

    private func recv(
        _ seance: Seance, _ name: String, channel: Int32, fromMax: Int32 = 32, payloadMax: Int32 = 32
    ) async throws -> Int32 {
        try await seance.invoke(name, "recv", channel, Int32(128), fromMax, Int32(192), payloadMax)
    }

    @Test func spiritToSpiritWithEveryReturnCode() async throws {
        let seance = try await twoMessengers()
        // Nothing waiting: -1.
        #expect(try await recv(seance, "bob", channel: 7) == -1)
        // Delivered: 1; unknown recipient: 0.
        #expect(try await send(seance, from: "alice", to: "bob", channel: 7, [10, 20, 30]) == 1)
        #expect(try await send(seance, from: "alice", to: "carol", channel: 7, [1]) == 0)
        let pending: Int32 = try await seance.invoke("bob", "pending", Int32(7))
        #expect(pending == 1)
        let otherChannel: Int32 = try await seance.invoke("bob", "pending", Int32(8))
        #expect(otherChannel == 0)
        // Payload buffer too small: -2, and the message stays queued.
        #expect(try await recv(seance, "bob", channel: 7, payloadMax: 2) == -2)
        // Sender-name buffer too small: -2 as well.
        #expect(try await recv(seance, "bob", channel: 7, fromMax: 3) == -2)
        #expect(try await seance.pending(for: "bob", channel: 7) == 1)
        // Received: the payload's length, the sender's name NUL-terminated, the payload.
        #expect(try await recv(seance, "bob", channel: 7) == 3)
        #expect(try await seance.read(6, at: 128, in: "bob") == Array("alice".utf8) + [0])
        #expect(try await seance.read(3, at: 192, in: "bob") == [10, 20, 30])
        #expect(try await seance.pending(for: "bob", channel: 7) == 0)
        // And back the other way.
        #expect(try await send(seance, from: "bob", to: "alice", channel: 1, [99]) == 1)
        #expect(try await recv(seance, "alice", channel: 1) == 1)
        #expect(try await seance.read(4, at: 128, in: "alice") == Array("bob".utf8) + [0])
    }

    @Test func messagesAreCopiesNotShared() async throws {
        let seance = try await twoMessengers()
        #expect(try await send(seance, from: "alice", to: "bob", channel: 0, [1, 2, 3]) == 1)
        // The sender overwrites its buffer after sending: the queued message is unchanged.
        try await seance.write([7, 7, 7], at: 64, in: "alice")
        #expect(try await recv(seance, "bob", channel: 0) == 3)
        #expect(try await seance.read(3, at: 192, in: "bob") == [1, 2, 3])
        // From Swift too: the array sent is copied in, so changing it afterwards changes nothing.
        var payload: [UInt8] = [5]
        try await seance.send(to: "bob", channel: 0, payload)
        payload[0] = 6
        #expect(payload == [6])
        #expect(try await seance.receive(for: "bob", channel: 0)?.payload == [5])
    }

    @Test func hostAndSpiritsMessageBothWays() async throws {
        let seance = try await twoMessengers()
        // Host to Spirit.
        #expect(try await seance.send(to: "alice", channel: 3, [42]))
        #expect(try await seance.send(to: "nobody", channel: 3, [42]) == false)
        #expect(try await recv(seance, "alice", channel: 3) == 1)
        #expect(try await seance.read(5, at: 128, in: "alice") == Array("host".utf8) + [0])
        // Spirit to host.
        #expect(try await send(seance, from: "alice", to: Seance.hostName, channel: 4, [8, 9]) == 1)
        #expect(try await seance.pending(channel: 4) == 1)
        let message = try #require(try await seance.receive(channel: 4))
        #expect(
            message.from == "alice" && message.to == Seance.hostName && message.channel == 4
                && message.payload == [8, 9])
        #expect(try await seance.receive(channel: 4) == nil)
    }

    @Test func broadcastReachesEveryoneButTheSender() async throws {
        let seance = try await twoMessengers()
        try await seance.summon("carol", SeanceFixtures.source("messenger"))
        try await seance.write([1, 2], at: 64, in: "alice")
        let reached: Int32 = try await seance.invoke("alice", "broadcast", Int32(5), Int32(64), Int32(2))
        #expect(reached == 2)  // bob and carol: Spirits only, as seance.ts's broadcast
        #expect(try await seance.pending(for: "alice", channel: 5) == 0)
        #expect(try await seance.pending(for: "bob", channel: 5) == 1)
        #expect(try await seance.pending(for: "carol", channel: 5) == 1)
        #expect(try await seance.pending(channel: 5) == 0)
        #expect(try await seance.receive(for: "bob", channel: 5)?.from == "alice")
        // From Swift: every Spirit.
        #expect(try await seance.broadcast(channel: 6, [0]) == 3)
        #expect(try await seance.receive(for: "carol", channel: 6)?.from == Seance.hostName)
    }
}
