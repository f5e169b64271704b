import Synchronization
import Testing
import Vudo
import WasmCore

/// Async Loa functions: the guest suspends at the call, no thread blocks, the guest continues.
@Suite struct AsyncLoaTests {
    final class CallLog: Sendable {
        private let entries = Mutex<[String]>([])
        func append(_ entry: String) { entries.withLock { $0.append(entry) } }
        var all: [String] { entries.withLock { $0 } }
    }

    /// An `http` Loa whose `fetch` is async: it waits `delay`, then answers `2x + 1`.
    static func http(delay: Duration = .zero, log: CallLog? = nil) -> Loa {
        let fetch = LoaFunction(
            name: "fetch", type: FunctionType(parameters: [.i32], results: [.i32]), capability: "fetch"
        ) { _, arguments in
            guard case .i32(let x) = arguments.first else { return [.i32(0)] }
            log?.append("start \(x)")
            if delay > .zero { try await Task.sleep(for: delay) } else { await Task.yield() }
            log?.append("fetch \(x)")
            return [.i32(x &* 2 &+ 1)]
        }
        return Loa(name: "http", version: "1.0.0", capabilities: ["fetch"], functions: [fetch])
    }

    static func load(_ loa: Loa) async throws -> Spirit {
        var options = SpiritOptions()
        try options.loas.register(loa)
        options.grant(LoaGrant("http", capabilities: .all))
        return try await Fixtures.load("async_http.wasm", options: options)
    }

    @Test func tenThousandAsyncCallsReturnEveryResultInOrder() async throws {
        let spirit = try await Self.load(Self.http())
        var expected: UInt32 = 0
        for i in UInt32(0)..<10_000 { expected = expected &* 31 &+ (i &* 2 &+ 1) }
        #expect(try await spirit.call("chain", [.i32(10_000)]) == [.i32(expected)])
    }

    /// Lets callers through only once `parties` of them are waiting: if the Spirits' host calls
    /// were not suspended together, it would never open (the wait gives up after a minute).
    actor Barrier {
        let parties: Int
        private var waiting: [CheckedContinuation<Bool, Never>] = []
        private var opened = false
        init(parties: Int) { self.parties = parties }

        func arrive() async -> Bool {
            if opened { return true }
            return await withCheckedContinuation { continuation in
                waiting.append(continuation)
                if waiting.count == parties {
                    opened = true
                    for waiter in waiting { waiter.resume(returning: true) }
                    waiting = []
                }
            }
        }

        func giveUp() {
            for waiter in waiting { waiter.resume(returning: false) }
            waiting = []
        }
    }

    @Test func aHundredSpiritsAreSuspendedInTheirHostCallsAtTheSameTime() async throws {
        let barrier = Barrier(parties: 100)
        let fetch = LoaFunction(
            name: "fetch", type: FunctionType(parameters: [.i32], results: [.i32]), capability: "fetch"
        ) { _, arguments in
            let together = await barrier.arrive()
            guard together, case .i32(let x) = arguments.first else { return [.i32(UInt32.max)] }
            return [.i32(x &* 2 &+ 1)]
        }
        let loa = Loa(name: "http", version: "1.0.0", capabilities: ["fetch"], functions: [fetch])
        var spirits: [Spirit] = []
        for _ in 0..<100 { spirits.append(try await Self.load(loa)) }
        let watchdog = Task {
            try await Task.sleep(for: .seconds(60))
            await barrier.giveUp()
        }
        defer { watchdog.cancel() }
        let results = try await withThrowingTaskGroup(of: [Value].self) { group in
            for (k, spirit) in spirits.enumerated() {
                group.addTask { try await spirit.call("once", [.i32(UInt32(k))]) }
            }
            var all: [[Value]] = []
            for try await result in group { all.append(result) }
            return all
        }
        #expect(Set(results) == Set((0..<100).map { [Value.i32(UInt32($0) * 2 + 1)] }))
    }

    @Test func aSecondCallWaitsForTheSuspendedOne() async throws {
        let log = CallLog()
        let spirit = try await Self.load(Self.http(delay: .milliseconds(200), log: log))
        async let slow = spirit.call("once", [.i32(1)])
        // Wait until the first call is suspended inside the host function.
        let deadline = ContinuousClock.now + .seconds(60)
        while !log.all.contains("start 1"), ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        let plain = try await spirit.call("plain", [])
        log.append("plain")
        #expect(try await slow == [.i32(3)])
        #expect(plain == [.i32(7)])
        #expect(log.all == ["start 1", "fetch 1", "plain"])
    }

    @Test(.timeLimit(.minutes(1))) func cancellingTheCallCancelsTheAwaitedHostFunction() async throws {
        let log = CallLog()
        let spirit = try await Self.load(Self.http(delay: .seconds(30), log: log))
        let call = Task { () -> Bool in
            do {
                _ = try await spirit.call("once", [.i32(1)])
                return false
            } catch {
                return true
            }
        }
        // Cancel once the guest is suspended in the host function's 30-second wait.
        while log.all.isEmpty { try await Task.sleep(for: .milliseconds(5)) }
        let cancelled = ContinuousClock.now
        call.cancel()
        #expect(await call.value)
        // The wait ended by cancellation (a completed wait logs "fetch 1"), well before the 30 s it
        // would have taken. The bound is loose: the cancelled wait resumes only when a thread is
        // free, and with the suites running in parallel on two cores that once took 5.9 s.
        #expect(log.all == ["start 1"])
        #expect(ContinuousClock.now - cancelled < .seconds(20))
        // The Spirit is usable afterwards.
        #expect(try await spirit.call("plain", []) == [.i32(7)])
    }
}

/// The `http` sample of docs/guide.md, as written there.
@Suite struct GuideHTTPSampleTests {
    /// The network, as far as the tests are concerned.
    actor LocalWeb {
        private var pages: [UInt32: UInt32] = [:]
        func get(_ url: UInt32) async throws -> UInt32 {
            try await Task.sleep(for: .milliseconds(5))  // a real request would await here
            return pages[url] ?? url &* 2 &+ 1
        }
        func post(_ url: UInt32, _ body: UInt32) { pages[url] = body }
    }

    @Test func theSampleRuns() async throws {
        let web = LocalWeb()
        let i32ToI32 = FunctionType(parameters: [.i32], results: [.i32])
        let http = Loa(
            name: "http", version: "1.0.0", capabilities: ["fetch", "post"],
            functions: [
                LoaFunction(name: "fetch", type: i32ToI32, capability: "fetch") { _, arguments in
                    guard case .i32(let url) = arguments.first else { return [.i32(0)] }
                    return [.i32(try await web.get(url))]
                },
                LoaFunction(
                    name: "post", type: FunctionType(parameters: [.i32, .i32], results: []), capability: "post"
                ) { _, arguments in
                    guard case .i32(let url) = arguments.first, case .i32(let body) = arguments.last else { return [] }
                    await web.post(url, body)
                    return []
                },
            ])

        var options = SpiritOptions()
        try options.loas.register(http)
        options.grant(LoaGrant("http", capabilities: ["fetch"]))
        let spirit = try await loadSpirit(path: Fixtures.path("async_http.wasm"), options: options)
        await web.post(3, 100)
        var expected: UInt32 = 0
        for url in UInt32(0)..<20 { expected = expected &* 31 &+ (url == 3 ? 100 : url &* 2 &+ 1) }
        #expect(try await spirit.call("chain", [.i32(20)]) == [.i32(expected)])
    }
}
