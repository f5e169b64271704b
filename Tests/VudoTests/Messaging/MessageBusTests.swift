import Synchronization
import Testing
import Vudo

/// The scenarios of @vudo/runtime's tests/messagebus.test.ts, against ``MessageBus``, with the
/// rules of its messagebus.ts (dol-abi.md section 3): a FIFO per recipient, channel 0 as "any" for
/// receive, peek and pending, a timestamp per message, handlers that do not consume.
@Suite struct MessageBusTests {
    /// A bus whose clock reads 1,700,000,000,000 ms, so timestamps are known.
    static func bus(_ names: String...) throws -> MessageBus {
        let bus = MessageBus(time: .fixed(epochMilliseconds: 1_700_000_000_000))
        for name in names { try bus.register(name) }
        return bus
    }

    // MARK: registration

    @Test func registersSpirits() throws {
        let bus = try Self.bus("alice", "bob")
        #expect(bus.isRegistered("alice") && bus.isRegistered("bob"))
        #expect(!bus.isRegistered("unknown"))
    }

    @Test func registeringADuplicateThrows() throws {
        let bus = try Self.bus("alice")
        #expect(throws: MessageBusError.duplicateName("alice")) { try bus.register("alice") }
        #expect(
            MessageBusError.duplicateName("alice").description == "'alice' is already registered on the message bus")
    }

    @Test func unregisters() throws {
        let bus = try Self.bus("alice")
        bus.unregister("alice")
        #expect(!bus.isRegistered("alice"))
        bus.unregister("nobody")  // ignored
    }

    @Test func listsRegisteredSpiritsInOrder() throws {
        let bus = try Self.bus("alice", "bob", "charlie")
        #expect(bus.names == ["alice", "bob", "charlie"])
    }

    /// dol-abi.md section 1: the DOL ABI caps a sender's name at 256 bytes.
    @Test func aNameLongerThanTheABIsCapIsRefused() throws {
        let bus = MessageBus()
        try bus.register(String(repeating: "é", count: 128))  // 256 bytes: allowed
        let long = String(repeating: "x", count: 257)
        #expect(throws: MessageBusError.nameTooLong(long)) { try bus.register(long) }
    }

    // MARK: send and receive

    @Test func sendsAndReceives() throws {
        let bus = try Self.bus("ping", "pong")
        #expect(bus.send([1, 2, 3, 4], to: "pong", channel: 1, from: "ping"))
        let message = try #require(bus.receive(for: "pong"))
        #expect(message.from == "ping" && message.to == "pong" && message.channel == 1)
        #expect(message.payload == [1, 2, 3, 4])
        #expect(message.timestamp == 1_700_000_000_000)
    }

    @Test func nothingWaitingIsNil() throws {
        #expect(try Self.bus("ping").receive(for: "ping") == nil)
        #expect(try Self.bus().receive(for: "unknown") == nil)
    }

    @Test func sendingToAnUnknownSpiritFails() throws {
        let bus = try Self.bus("ping")
        #expect(!bus.send([1], to: "unknown", channel: 1, from: "ping"))
        #expect(bus.pending(for: "unknown") == 0)
    }

    @Test func receiveFiltersByChannel() throws {
        let bus = try Self.bus("ping", "pong")
        bus.send([1], to: "pong", channel: 1, from: "ping")
        bus.send([2], to: "pong", channel: 2, from: "ping")
        bus.send([3], to: "pong", channel: 1, from: "ping")
        // Channel 2 first, though channel 1 was sent first.
        #expect(bus.receive(for: "pong", channel: 2)?.payload == [2])
        #expect(bus.receive(for: "pong", channel: 1)?.payload == [1])
        #expect(bus.receive(for: "pong", channel: 1)?.payload == [3])
        #expect(bus.receive(for: "pong") == nil)
    }

    @Test func channelZeroReceivesAnyChannelInArrivalOrder() throws {
        let bus = try Self.bus("ping", "pong")
        bus.send([1], to: "pong", channel: 1, from: "ping")
        bus.send([2], to: "pong", channel: 2, from: "ping")
        #expect(bus.receive(for: "pong", channel: 0)?.channel == 1)
        #expect(bus.receive(for: "pong", channel: 0)?.channel == 2)
    }

    @Test func theSenderNeedNotBeRegistered() throws {
        let bus = try Self.bus("alice")
        #expect(bus.send([9], to: "alice", channel: 3, from: "outsider"))
        #expect(bus.receive(for: "alice")?.from == "outsider")
    }

    // MARK: pending

    @Test func countsPendingMessages() throws {
        let bus = try Self.bus("alice", "bob")
        #expect(bus.pending(for: "alice") == 0)
        bus.send([1], to: "alice", channel: 1, from: "bob")
        #expect(bus.pending(for: "alice") == 1)
        bus.send([2], to: "alice", channel: 2, from: "bob")
        #expect(bus.pending(for: "alice") == 2)
        _ = bus.receive(for: "alice")
        #expect(bus.pending(for: "alice") == 1)
    }

    @Test func countsPendingByChannelWithZeroForAll() throws {
        let bus = try Self.bus("alice", "bob")
        bus.send([1], to: "alice", channel: 1, from: "bob")
        bus.send([2], to: "alice", channel: 2, from: "bob")
        bus.send([3], to: "alice", channel: 1, from: "bob")
        #expect(bus.pending(for: "alice", channel: 1) == 2)
        #expect(bus.pending(for: "alice", channel: 2) == 1)
        #expect(bus.pending(for: "alice", channel: 3) == 0)
        #expect(bus.pending(for: "alice", channel: 0) == 3)
    }

    @Test func anUnknownSpiritHasNothingPending() throws {
        #expect(try Self.bus().pending(for: "unknown") == 0)
    }

    // MARK: peek

    @Test func peekLeavesTheMessage() throws {
        let bus = try Self.bus("alice")
        bus.send([42], to: "alice", channel: 1, from: "bob")
        #expect(bus.peek(for: "alice")?.payload == [42])
        #expect(bus.pending(for: "alice") == 1)
        #expect(bus.receive(for: "alice")?.payload == [42])
        #expect(bus.pending(for: "alice") == 0)
        #expect(bus.peek(for: "alice") == nil && bus.peek(for: "unknown") == nil)
    }

    @Test func peekFiltersByChannel() throws {
        let bus = try Self.bus("alice")
        bus.send([1], to: "alice", channel: 1, from: "bob")
        bus.send([2], to: "alice", channel: 2, from: "bob")
        #expect(bus.peek(for: "alice", channel: 2)?.payload == [2])
    }

    // MARK: clear

    @Test func clearsOneSpiritsMessages() throws {
        let bus = try Self.bus("alice", "bob")
        bus.send([1], to: "alice", channel: 1, from: "bob")
        bus.send([2], to: "alice", channel: 2, from: "bob")
        bus.send([3], to: "bob", channel: 2, from: "alice")
        bus.clear("alice")
        #expect(bus.pending(for: "alice") == 0 && bus.pending(for: "bob") == 1)
        #expect(bus.isRegistered("alice"))
    }

    @Test func clearsEveryonesMessages() throws {
        let bus = try Self.bus("alice", "bob")
        bus.send([1], to: "bob", channel: 1, from: "alice")
        bus.send([2], to: "alice", channel: 1, from: "bob")
        bus.clearAll()
        #expect(bus.pending(for: "alice") == 0 && bus.pending(for: "bob") == 0)
        #expect(bus.names == ["alice", "bob"])
    }

    // MARK: handlers

    final class Seen: Sendable {
        let entries = Mutex<[String]>([])
        func add(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    @Test func handlersSeeEachMessageAsItArrives() throws {
        let bus = try Self.bus("alice")
        let seen = Seen()
        #expect(bus.onMessage(for: "alice") { seen.add("\($0.from):\($0.channel)") })
        bus.send([1], to: "alice", channel: 1, from: "bob")
        bus.send([2], to: "alice", channel: 2, from: "charlie")
        #expect(seen.all == ["bob:1", "charlie:2"])
        // Handlers do not consume: both messages still wait.
        #expect(bus.pending(for: "alice") == 2)
    }

    @Test func everyHandlerRuns() throws {
        let bus = try Self.bus("alice")
        let seen = Seen()
        bus.onMessage(for: "alice") { _ in seen.add("first") }
        bus.onMessage(for: "alice") { _ in seen.add("second") }
        bus.send([1], to: "alice", channel: 1, from: "bob")
        #expect(seen.all == ["first", "second"])
    }

    @Test func aHandlerForAnUnknownNameIsIgnoredAndUnregisteringDropsHandlers() throws {
        let bus = try Self.bus("alice")
        let seen = Seen()
        #expect(!bus.onMessage(for: "nobody") { _ in seen.add("nobody") })
        bus.onMessage(for: "alice") { _ in seen.add("alice") }
        bus.unregister("alice")
        try bus.register("alice")
        bus.send([1], to: "alice", channel: 1, from: "bob")
        #expect(seen.all.isEmpty)
    }

    @Test func aHandlerMayUseTheBus() throws {
        let bus = try Self.bus("alice", "echo")
        // Handlers run outside the bus's lock: this one answers through the same bus.
        bus.onMessage(for: "echo") { message in
            bus.send(message.payload, to: message.from, channel: message.channel, from: "echo")
        }
        bus.send([7], to: "echo", channel: 4, from: "alice")
        #expect(bus.receive(for: "alice", channel: 4)?.from == "echo")
    }

    // MARK: broadcast

    @Test func broadcastReachesEveryRecipientButTheSenderAndThoseThatOptOut() throws {
        let bus = try Self.bus("a", "b", "c")
        try bus.register("host", receivesBroadcasts: false)
        #expect(bus.broadcast([0xFF], channel: 1, from: "a") == 2)
        #expect(bus.pending(for: "a") == 0 && bus.pending(for: "b") == 1 && bus.pending(for: "c") == 1)
        #expect(bus.pending(for: "host") == 0)
        #expect(bus.receive(for: "b")?.to == "b")
        // The host still gets what is sent to it by name.
        #expect(bus.send([1], to: "host", channel: 1, from: "a"))
    }

    // MARK: waiting

    @Test(.timeLimit(.minutes(1))) func aWaitingReceiveGetsAMessageSentDuringTheWait() async throws {
        let bus = try Self.bus("alice")
        async let received = bus.receive(for: "alice", channel: 2, timeout: .seconds(50))
        while !bus.isWaiting("alice") { await Task.yield() }
        // A message on another channel does not end the wait; one on channel 2 does.
        bus.send([1], to: "alice", channel: 1, from: "bob")
        bus.send([2], to: "alice", channel: 2, from: "bob")
        #expect(await received?.payload == [2])
        #expect(bus.pending(for: "alice") == 1)
        #expect(!bus.isWaiting("alice"))
    }

    @Test(.timeLimit(.minutes(1))) func aWaitingReceiveEndsEmptyAtItsTimeoutOrWhenTheRecipientGoes() async throws {
        let bus = try Self.bus("alice", "bob")
        let start = ContinuousClock.now
        #expect(await bus.receive(for: "alice", timeout: .milliseconds(50)) == nil)
        #expect(ContinuousClock.now - start >= .milliseconds(50))
        async let forBob = bus.receive(for: "bob", timeout: .seconds(50))
        while !bus.isWaiting("bob") { await Task.yield() }
        bus.unregister("bob")
        #expect(await forBob == nil)
    }

    @Test(.timeLimit(.minutes(1))) func cancellingAWaitingReceiveEndsIt() async throws {
        let bus = try Self.bus("alice")
        let waiting = Task { await bus.receive(for: "alice", timeout: .seconds(50)) }
        while !bus.isWaiting("alice") { await Task.yield() }
        waiting.cancel()
        #expect(await waiting.value == nil)
        // Nothing was lost: a later message is there for the next receiver.
        bus.send([5], to: "alice", channel: 1, from: "bob")
        #expect(bus.receive(for: "alice")?.payload == [5])
    }
}
