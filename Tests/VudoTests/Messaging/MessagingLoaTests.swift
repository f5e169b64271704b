import Testing
import Vudo
import WasmCore

/// The messaging Loa in @vudo/runtime's shapes (messagebus.ts `createMessagingLoa`, dol-abi.md
/// table 2), as a Spirit written for that runtime imports it: from `env` (env_messenger.wat).
/// Memory layout used here: 0 recipient name, 64 payload, 128 sender buffer, 192 payload buffer,
/// 1024 a large payload.
@Suite struct MessagingLoaTests {
    static func seance(_ names: String...) async throws -> Seance {
        let seance = Seance()
        for name in names { try await seance.summon(name, SeanceFixtures.source("env_messenger")) }
        return seance
    }

    static func send(
        _ seance: Seance, from: String, to: String, channel: Int32, _ payload: [UInt8], at address: Int32 = 64
    ) async throws -> Int32 {
        try await seance.write(Array(to.utf8), at: 0, in: from)
        try await seance.write(payload, at: UInt32(address), in: from)
        return try await seance.invoke(
            from, "send", Int32(0), Int32(to.utf8.count), channel, address, Int32(payload.count))
    }

    static func recv(
        _ seance: Seance, _ name: String, channel: Int32, fromMax: Int32 = 32, payloadMax: Int32 = 64
    ) async throws -> Int32 {
        try await seance.invoke(name, "recv", channel, Int32(128), fromMax, Int32(192), payloadMax)
    }

    @Test func theLoaHasTheMessagingFunctionsAndCapabilities() {
        let loa = Loa.messaging
        #expect(loa.description == "messaging 1.0.0")
        #expect(loa.capabilities == ["send", "receive", "broadcast"])
        #expect(loa.functions.map(\.name) == ["vudo_send", "vudo_recv", "vudo_pending", "vudo_broadcast"])
        #expect(
            loa.functions.map(\.type) == [
                FunctionType(parameters: [.i32, .i32, .i32, .i32, .i32], results: [.i32]),
                FunctionType(parameters: [.i32, .i32, .i32, .i32, .i32], results: [.i32]),
                FunctionType(parameters: [.i32], results: [.i32]),
                FunctionType(parameters: [.i32, .i32, .i32], results: [.i32]),
            ])
        #expect(loa.functions.map(\.capability) == ["send", "receive", "receive", "broadcast"])
    }

    @Test func sendReturnsOneWhenDeliveredAndZeroForAnUnknownRecipient() async throws {
        let seance = try await Self.seance("ping", "pong")
        #expect(try await Self.send(seance, from: "ping", to: "pong", channel: 1, [1, 2, 3]) == 1)
        #expect(try await Self.send(seance, from: "ping", to: "nobody", channel: 1, [1]) == 0)
        let message = try #require(seance.messages.receive(for: "pong"))
        #expect(message.from == "ping" && message.channel == 1 && message.payload == [1, 2, 3])
    }

    @Test func recvWritesTheSenderWithItsZeroByteAndThePayloadAndReturnsTheLength() async throws {
        let seance = try await Self.seance("pong")
        seance.messages.send([10, 20, 30], to: "pong", channel: 1, from: "ping")
        #expect(try await Self.recv(seance, "pong", channel: 1) == 3)
        #expect(try await seance.read(5, at: 128, in: "pong") == Array("ping".utf8) + [0])
        #expect(try await seance.read(3, at: 192, in: "pong") == [10, 20, 30])
    }

    @Test func recvIsMinusOneWhenNothingWaits() async throws {
        let seance = try await Self.seance("pong")
        #expect(try await Self.recv(seance, "pong", channel: 1) == -1)
        seance.messages.send([1], to: "pong", channel: 2, from: "ping")
        #expect(try await Self.recv(seance, "pong", channel: 1) == -1)
        // Channel 0 takes any channel.
        #expect(try await Self.recv(seance, "pong", channel: 0) == 1)
    }

    @Test func pendingCountsOneChannelOrAllOfThem() async throws {
        let seance = try await Self.seance("pong")
        #expect(try await seance.invoke("pong", "pending", Int32(0)) as Int32 == 0)
        seance.messages.send([1], to: "pong", channel: 1, from: "ping")
        seance.messages.send([2], to: "pong", channel: 2, from: "ping")
        #expect(try await seance.invoke("pong", "pending", Int32(0)) as Int32 == 2)
        #expect(try await seance.invoke("pong", "pending", Int32(1)) as Int32 == 1)
        #expect(try await seance.invoke("pong", "pending", Int32(2)) as Int32 == 1)
    }

    /// messagebus.ts needs `from_max >= len + 1`, checked before the payload; -2 keeps the
    /// message. Here it also stays where it was (messagebus.ts moves it to the front).
    @Test func buffersTooSmallAreMinusTwoAndTheMessageStaysInPlace() async throws {
        let seance = try await Self.seance("pong")
        seance.messages.send([1], to: "pong", channel: 1, from: "ping")
        seance.messages.send([2, 2], to: "pong", channel: 2, from: "ping")
        // "ping" is 4 bytes: 4 leaves no room for the zero byte.
        #expect(try await Self.recv(seance, "pong", channel: 2, fromMax: 4) == -2)
        #expect(try await Self.recv(seance, "pong", channel: 2, payloadMax: 1) == -2)
        #expect(seance.messages.pending(for: "pong") == 2)
        #expect(seance.messages.peek(for: "pong")?.channel == 1)
        #expect(try await Self.recv(seance, "pong", channel: 2, fromMax: 5, payloadMax: 2) == 2)
        #expect(try await seance.read(5, at: 128, in: "pong") == Array("ping".utf8) + [0])
    }

    @Test func anEmptyPayloadIsAMessage() async throws {
        let seance = try await Self.seance("ping", "pong")
        #expect(try await Self.send(seance, from: "ping", to: "pong", channel: 1, []) == 1)
        #expect(try await Self.recv(seance, "pong", channel: 1) == 0)
        #expect(try await Self.recv(seance, "pong", channel: 1) == -1)
    }

    @Test func aThousandBytesGoThroughWhole() async throws {
        let seance = try await Self.seance("ping", "pong")
        let payload = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        #expect(try await Self.send(seance, from: "ping", to: "pong", channel: 1, payload, at: 1024) == 1)
        let length: Int32 = try await seance.invoke(
            "pong", "recv", Int32(1), Int32(128), Int32(32), Int32(4096), Int32(1000))
        #expect(length == 1000)
        #expect(try await seance.read(1000, at: 4096, in: "pong") == payload)
    }

    @Test func pingPongBetweenTwoSpirits() async throws {
        let seance = try await Self.seance("ping", "pong")
        #expect(try await Self.send(seance, from: "ping", to: "pong", channel: 1, [0x01]) == 1)
        #expect(try await Self.recv(seance, "pong", channel: 1) == 1)
        #expect(try await Self.send(seance, from: "pong", to: "ping", channel: 2, [0x02]) == 1)
        #expect(try await Self.recv(seance, "ping", channel: 2) == 1)
        #expect(try await seance.read(1, at: 192, in: "ping") == [0x02])
        #expect(try await seance.read(5, at: 128, in: "ping") == Array("pong".utf8) + [0])
    }

    /// dol-abi.md section 1: a payload is at most 1 MiB. A longer one is refused before the host
    /// reads (or copies) anything.
    @Test func aPayloadOverOneMebibyteIsNotDelivered() async throws {
        let seance = try await Self.seance("ping", "pong")
        try await seance.write(Array("pong".utf8), at: 0, in: "ping")
        let refused: Int32 = try await seance.invoke(
            "ping", "send", Int32(0), Int32(4), Int32(1), Int32(0), Int32(1 << 20 + 1))
        #expect(refused == 0)
        #expect(seance.messages.pending(for: "pong") == 0)
    }

    @Test func aBufferOutsideMemoryEndsTheCallAndKeepsTheMessage() async throws {
        let seance = try await Self.seance("pong")
        seance.messages.send([1], to: "pong", channel: 1, from: "ping")
        await #expect {
            let _: Int32 = try await seance.invoke(
                "pong", "recv", Int32(1), Int32(65_530), Int32(32), Int32(192), Int32(8))
        } throws: { error in
            guard case SeanceError.call("pong", .hostFunction(_, "env", "vudo_recv", let cause)) = error else {
                return false
            }
            return cause is MemoryError
        }
        #expect(seance.messages.pending(for: "pong") == 1)
    }

    @Test func aSpiritLoadedAloneHasNoOneToMessage() async throws {
        let spirit = try await loadSpirit(
            path: SeanceFixtures.directory.appendingPathComponent("env_messenger.wasm").path)
        try await spirit.memory.writeBytes(Array("anyone".utf8), at: 0)
        #expect(try await spirit.call("send", Int32(0), Int32(6), Int32(1), Int32(64), Int32(1)) as Int32 == 0)
        #expect(try await spirit.call("recv", Int32(0), Int32(128), Int32(32), Int32(192), Int32(32)) as Int32 == -1)
        #expect(try await spirit.call("pending", Int32(0)) as Int32 == 0)
    }

    @Test func withoutTheMessagingGrantNothingLinks() async throws {
        var options = SpiritOptions()
        options.grants = [.core]
        await #expect {
            _ = try await loadSpirit(
                path: SeanceFixtures.directory.appendingPathComponent("env_messenger.wasm").path, options: options)
        } throws: { error in
            guard case SpiritError.unresolvedImport("env", "vudo_send", .loaNotGranted("messaging")) = error else {
                return false
            }
            return true
        }
    }
}
