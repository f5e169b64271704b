import Testing
import Vudo

/// The scenarios of @vudo/runtime's tests/seance-messaging.test.ts: Spirits of one Séance talking
/// over its bus (``Seance/messages``), driven from Swift. calc.wasm stands in for that file's
/// minimal module: the Spirits only need to be summoned.
@Suite struct SeanceBusTests {
    static func seance(_ names: String...) async throws -> Seance {
        let seance = Seance()
        for name in names { try await seance.summon(name, SeanceFixtures.source("calc")) }
        return seance
    }

    @Test func spiritsSendEachOtherMessages() async throws {
        let seance = try await Self.seance("ping", "pong")
        #expect(try await seance.send(to: "pong", channel: 1, [42, 43, 44], from: "ping"))
        #expect(try await seance.pending(for: "pong") == 1)
    }

    @Test func pendingIsPerSpiritAndPerChannel() async throws {
        let seance = try await Self.seance("ping", "pong")
        try await seance.send(to: "pong", channel: 1, [1], from: "ping")
        try await seance.send(to: "pong", channel: 2, [2], from: "ping")
        try await seance.send(to: "ping", channel: 1, [3], from: "pong")
        #expect(try await seance.pending(for: "pong") == 2)
        #expect(try await seance.pending(for: "ping") == 1)
        #expect(try await seance.pending(for: "pong", channel: 1) == 1)
        #expect(try await seance.pending(for: "pong", channel: 2) == 1)
    }

    @Test func theBusDeliversWithSenderRecipientChannelAndPayload() async throws {
        let seance = try await Self.seance("ping", "pong")
        try await seance.send(to: "pong", channel: 1, [10, 20, 30], from: "ping")
        let message = try #require(seance.messages.receive(for: "pong"))
        #expect(
            message.from == "ping" && message.to == "pong" && message.channel == 1 && message.payload == [10, 20, 30])
    }

    @Test func pingPong() async throws {
        let seance = try await Self.seance("ping", "pong")
        let ping: Int32 = 1, pong: Int32 = 2
        try await seance.send(to: "pong", channel: ping, [0x01], from: "ping")
        #expect(seance.messages.receive(for: "pong", channel: ping)?.from == "ping")
        try await seance.send(to: "ping", channel: pong, [0x02], from: "pong")
        let answer = try #require(seance.messages.receive(for: "ping", channel: pong))
        #expect(answer.from == "pong" && answer.payload == [0x02])
    }

    @Test func broadcastReachesEverySpiritButTheSender() async throws {
        let seance = try await Self.seance("coordinator", "worker1", "worker2", "worker3")
        #expect(try await seance.broadcast(channel: 1, [0xFF], from: "coordinator") == 3)
        for worker in ["worker1", "worker2", "worker3"] { #expect(try await seance.pending(for: worker) == 1) }
        #expect(try await seance.pending(for: "coordinator") == 0)
    }

    @Test func releaseTakesTheSpiritOffTheBus() async throws {
        let seance = try await Self.seance("sender", "receiver")
        try await seance.send(to: "receiver", channel: 1, [1], from: "sender")
        try await seance.send(to: "receiver", channel: 1, [2], from: "sender")
        #expect(try await seance.pending(for: "receiver") == 2)
        try await seance.release("receiver")
        #expect(!seance.messages.isRegistered("receiver"))
        #expect(seance.messages.pending(for: "receiver") == 0)
    }

    @Test func dismissEmptiesTheBus() async throws {
        let seance = try await Self.seance("a", "b")
        try await seance.send(to: "b", channel: 1, [1], from: "a")
        try await seance.send(to: "a", channel: 1, [2], from: "b")
        await seance.dismiss()
        #expect(seance.messages.names.isEmpty)
    }

    @Test func theBusIsTheSeancesMessagesView() async throws {
        let seance = try await Self.seance("test")
        #expect(seance.messages.isRegistered("test"))
        #expect(seance.messages.names == [Seance.hostName, "test"])
    }

    @Test func requestAndResponse() async throws {
        try await withSeance { seance in
            try await seance.summon("client", SeanceFixtures.source("calc"))
            try await seance.summon("server", SeanceFixtures.source("calc"))
            let request: Int32 = 1, response: Int32 = 2
            try await seance.send(to: "server", channel: request, [100], from: "client")
            let asked = try #require(seance.messages.receive(for: "server", channel: request))
            try await seance.send(to: "client", channel: response, [asked.payload[0] * 2], from: "server")
            #expect(seance.messages.receive(for: "client", channel: response)?.payload == [200])
        }
    }

    @Test func fanOut() async throws {
        try await withSeance { seance in
            for name in ["producer", "consumer1", "consumer2"] {
                try await seance.summon(name, SeanceFixtures.source("calc"))
            }
            for task: UInt8 in 1...5 {
                try await seance.send(
                    to: task % 2 == 1 ? "consumer1" : "consumer2", channel: 1, [task], from: "producer")
            }
            #expect(try await seance.pending(for: "consumer1") == 3)
            #expect(try await seance.pending(for: "consumer2") == 2)
        }
    }

    @Test func pipeline() async throws {
        try await withSeance { seance in
            for name in ["stage1", "stage2", "stage3"] { try await seance.summon(name, SeanceFixtures.source("calc")) }
            try await seance.send(to: "stage2", channel: 1, [10], from: "stage1")
            let first = try #require(seance.messages.receive(for: "stage2"))
            #expect(first.payload == [10])
            try await seance.send(to: "stage3", channel: 1, [first.payload[0] * 2], from: "stage2")
            #expect(seance.messages.receive(for: "stage3")?.payload == [20])
        }
    }

    @Test func severalChannelsAreReceivedSeparately() async throws {
        try await withSeance { seance in
            try await seance.summon("sender", SeanceFixtures.source("calc"))
            try await seance.summon("receiver", SeanceFixtures.source("calc"))
            let control: Int32 = 1, data: Int32 = 2, status: Int32 = 3
            try await seance.send(to: "receiver", channel: control, [0x01], from: "sender")
            try await seance.send(to: "receiver", channel: data, [0x10, 0x20], from: "sender")
            try await seance.send(to: "receiver", channel: status, [0xFF], from: "sender")
            #expect(try await seance.receive(for: "receiver", channel: control)?.payload == [0x01])
            #expect(try await seance.receive(for: "receiver", channel: data)?.payload == [0x10, 0x20])
            #expect(try await seance.receive(for: "receiver", channel: status)?.payload == [0xFF])
        }
    }

    @Test func receivingFiltersByChannel() async throws {
        try await withSeance { seance in
            try await seance.summon("a", SeanceFixtures.source("calc"))
            try await seance.summon("b", SeanceFixtures.source("calc"))
            try await seance.send(to: "b", channel: 1, [1], from: "a")
            try await seance.send(to: "b", channel: 2, [2], from: "a")
            try await seance.send(to: "b", channel: 1, [3], from: "a")
            #expect(try await seance.receive(for: "b", channel: 2)?.payload == [2])
            #expect(try await seance.receive(for: "b", channel: 1)?.payload == [1])
            #expect(try await seance.peek(for: "b", channel: 1)?.payload == [3])
            #expect(try await seance.receive(for: "b", channel: 1)?.payload == [3])
        }
    }

    @Test func messagesCarryTheTimeOfTheSeancesClock() async throws {
        var defaults = SpiritOptions.seanceDefaults
        defaults.time = .fixed(epochMilliseconds: 1_234_567)
        let seance = Seance(defaults: defaults)
        try await seance.summon("a", SeanceFixtures.source("calc"))
        try await seance.send(to: "a", channel: 1, [1])
        #expect(try await seance.receive(for: "a")?.timestamp == 1_234_567)
    }

    @Test func aNameLongerThanTheABIsCapCannotBeSummoned() async throws {
        let seance = Seance()
        let long = String(repeating: "n", count: 257)
        await #expect { try await seance.summon(long, SeanceFixtures.source("calc")) } throws: { error in
            guard case SeanceError.nameTooLong(long) = error else { return false }
            return true
        }
    }

    @Test func theHostNameCannotBeTakenOnTheBusEither() async throws {
        let seance = Seance()
        // The embedder registered a name on the bus itself: a Spirit cannot be summoned under it.
        try seance.messages.register("taken")
        await #expect { try await seance.summon("taken", SeanceFixtures.source("calc")) } throws: { error in
            guard case SeanceError.duplicateName("taken") = error else { return false }
            return true
        }
        #expect(await seance.count == 0)
    }
}
