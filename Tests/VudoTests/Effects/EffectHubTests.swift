import Synchronization
import Testing
import Vudo

/// The scenarios of @vudo/runtime's tests/host-effects.test.ts, against ``EffectHub`` and the
/// rules of its effects.ts (dol-abi.md section 4), with the DOL compiler's return values: an
/// accepted effect gets its id (from 1), anything else 0.
@Suite struct EffectHubTests {
    final class Seen: Sendable {
        private let storage = Mutex<[String]>([])
        func add(_ entry: String) { storage.withLock { $0.append(entry) } }
        var all: [String] { storage.withLock { $0 } }
    }

    static let clock = TimeSource.fixed(epochMilliseconds: 1_700_000_000_000)

    @Test func aValidEffectGetsAnIDAndIsQueued() {
        let hub = EffectHub(time: Self.clock)
        #expect(hub.emit(json: #"{"effect_type":"test","payload":{"data":"value"},"timestamp":1234567890}"#) == 1)
        #expect(hub.emit(json: #"{"effect_type":"test2","payload":null}"#) == 2)
        #expect(hub.queue.map(\.type) == ["test", "test2"])
        let first = hub.queue[0]
        #expect(
            first.id == 1 && first.payload == #"{"data":"value"}"# && first.timestamp == 1234567890
                && first.spirit == nil)
        #expect(first.json == #"{"effect_type":"test","payload":{"data":"value"},"timestamp":1234567890}"#)
    }

    @Test(arguments: [
        "not json", "{", #"{"effect_type":"a",}"#, #"{"payload":{}}"#, #"{"effect_type":""}"#, #"{"effect_type":42}"#,
        #""effect_type""#, "[]", #"{"effect_type":"a"} trailing"#, #"{"effect_type":"\ud800"}"#, "",
    ])
    func whatIsNotAnEffectObjectIsZeroAndNotQueued(_ text: String) {
        let hub = EffectHub()
        #expect(hub.emit(json: text) == 0)
        #expect(hub.queue.isEmpty)
    }

    @Test func aMissingOrZeroTimestampIsTheTimeOfEmission() {
        let hub = EffectHub(time: Self.clock)
        hub.emit(json: #"{"effect_type":"a"}"#)
        hub.emit(json: #"{"effect_type":"b","timestamp":0}"#)
        hub.emit(json: #"{"effect_type":"c","timestamp":"yesterday"}"#)
        #expect(hub.queue.map(\.timestamp) == [1_700_000_000_000, 1_700_000_000_000, 1_700_000_000_000])
        // And a missing payload reads as null.
        #expect(hub.queue[0].payload == "null")
    }

    @Test func exactAndWildcardSubscriptionsAreNotified() {
        let hub = EffectHub()
        let seen = Seen()
        hub.subscribe("state_change") { seen.add("exact \($0.type)") }
        hub.subscribe("*") { seen.add("any \($0.type)") }
        hub.emit(json: #"{"effect_type":"state_change"}"#)
        hub.emit(json: #"{"effect_type":"other"}"#)
        #expect(seen.all == ["exact state_change", "any state_change", "any other"])
    }

    @Test func onlyMatchingSubscribersAreNotifiedAndThereAreNoGlobs() {
        let hub = EffectHub()
        let seen = Seen()
        hub.subscribe("state_change.*") { seen.add($0.type) }
        hub.emit(json: #"{"effect_type":"state_change.value"}"#)
        #expect(seen.all.isEmpty)
        hub.emit(json: #"{"effect_type":"state_change.*"}"#)
        #expect(seen.all == ["state_change.*"])
    }

    @Test func severalSubscribersOfOneTypeAllHearIt() {
        let hub = EffectHub()
        let seen = Seen()
        for k in 1...3 { hub.subscribe("tick") { _ in seen.add("\(k)") } }
        hub.emit(json: #"{"effect_type":"tick"}"#)
        #expect(seen.all == ["1", "2", "3"])
    }

    @Test func aSubscriberMayUseTheHub() {
        let hub = EffectHub()
        // Callbacks run outside the hub's lock: this one emits a follow-up effect.
        hub.subscribe("first") { _ in hub.emit(json: #"{"effect_type":"second"}"#) }
        hub.emit(json: #"{"effect_type":"first"}"#)
        #expect(hub.queue.map(\.type) == ["first", "second"])
    }

    @Test func unsubscribeStopsTheCallbacks() {
        let hub = EffectHub()
        let seen = Seen()
        let id = hub.subscribe("*") { seen.add($0.type) }
        hub.emit(json: #"{"effect_type":"a"}"#)
        #expect(hub.unsubscribe(id))
        #expect(!hub.unsubscribe(id))
        hub.emit(json: #"{"effect_type":"b"}"#)
        #expect(seen.all == ["a"])
    }

    @Test func theQueueIsACopyAndCanBeCleared() {
        let hub = EffectHub()
        hub.emit(json: #"{"effect_type":"a"}"#)
        var copy = hub.queue
        copy.removeAll()
        #expect(hub.queue.count == 1)
        hub.clearQueue()
        #expect(hub.queue.isEmpty)
        // Ids keep counting after a clear.
        #expect(hub.emit(json: #"{"effect_type":"b"}"#) == 2)
    }

    @Test func theQueueKeepsOnlyTheNewestEffects() {
        let hub = EffectHub(queueLimit: 2)
        for type in ["a", "b", "c"] { hub.emit(json: "{\"effect_type\":\"\(type)\"}") }
        #expect(hub.queue.map(\.type) == ["b", "c"])
    }

    @Test func subscriptionsAreListedWithWhoMadeThem() {
        let hub = EffectHub()
        let first = hub.subscribe("a") { _ in }
        let second = hub.subscribe("*") { _ in }
        #expect(
            hub.subscriptions == [
                EffectSubscription(id: first, pattern: "a", subscriber: nil),
                EffectSubscription(id: second, pattern: "*", subscriber: nil),
            ])
        #expect(hub.subscriptions(matching: "a").map(\.id) == [first, second])
        #expect(hub.subscriptions(matching: "b").map(\.id) == [second])
    }

    @Test func aCustomAcceptAndOnSubscribeSeeEverything() {
        let seen = Seen()
        let hub = EffectHub(
            accept: { effect in effect.type != "forbidden" },
            onSubscribe: { subscription in seen.add("\(subscription.pattern) \(subscription.id)") })
        hub.subscribe("*") { seen.add("effect \($0.type)") }
        #expect(hub.emit(json: #"{"effect_type":"forbidden"}"#) == 0)
        #expect(hub.emit(json: #"{"effect_type":"allowed"}"#) != 0)
        #expect(seen.all == ["* 1", "effect allowed"])
        #expect(hub.queue.map(\.type) == ["allowed"])
    }

    @Test func nestedJSONIsCheckedWholeAndTooDeepIsRefused() {
        let hub = EffectHub()
        let nested = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        #expect(hub.emit(json: #"{"effect_type":"deep","payload":\#(nested)}"#) != 0)
        let tooDeep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(hub.emit(json: #"{"effect_type":"deep","payload":\#(tooDeep)}"#) == 0)
        let escaped =
            #"{"effect_type":"caf\u00e9 \ud83c\udf0d","payload":[1.5e3,-0,true,false,null,"\"\\\/\b\f\n\r\t"]}"#
        #expect(hub.emit(json: escaped) != 0)
        #expect(hub.queue.last?.type == "café 🌍")
    }

    @Test func theSpiritsOfASeanceShareItsHub() async throws {
        let seance = Seance()
        let seen = Seen()
        seance.effects.subscribe("*") { seen.add("\($0.spirit ?? "?"): \($0.type)") }
        for name in ["a", "b"] { try await seance.summon(name, .path(Fixtures.path("dol_abi.wasm"))) }
        for name in ["a", "b"] {
            try await seance.write(Array(#"{"effect_type":"hello"}"#.utf8), at: 16384, in: name)
            let id: UInt32 = try await seance.invoke(name, "emit_effect", UInt32(16384), UInt32(23))
            #expect(id != 0)
        }
        #expect(seen.all == ["a: hello", "b: hello"])
        #expect(seance.effects.queue.map(\.id) == [1, 2])
    }
}
