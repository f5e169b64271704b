import Foundation
import Synchronization
import Testing
import Vudo
import VudoWASI
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `poll_oneoff` in a synchronous call (`Store.invoke`): it waits for the earliest clock, and a
/// descriptor is ready when poll(2) says so.
@Suite(.timeLimit(.minutes(1))) struct WASIPollTests {
    static let millisecond: UInt64 = 1_000_000

    static func monotonicNow() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
    }

    @Test func aFiftyMillisecondClockReallyWaits() throws {
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: .discard))
        let started = ContinuousClock.now
        let (errno, events) = try calls.poll([PollABI.clock(42, nanoseconds: 50 * Self.millisecond)])
        let elapsed = ContinuousClock.now - started
        #expect(errno == 0)
        #expect(events == [PollABI.Event(userdata: 42, errno: 0, type: 0, bytes: 0, hangUp: false)])
        #expect(elapsed >= .milliseconds(50) && elapsed < .seconds(5), "\(elapsed)")
    }

    @Test func anAbsoluteClockWaitsUntilItsInstant() throws {
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: .discard))
        let deadline = Self.monotonicNow() + 50 * Self.millisecond
        let (errno, events) = try calls.poll([PollABI.clock(7, nanoseconds: deadline, absolute: true)])
        #expect(errno == 0 && events.map(\.userdata) == [7])
        #expect(Self.monotonicNow() >= deadline)
    }

    @Test func theEarliestClockEndsTheWait() throws {
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: .discard))
        let started = ContinuousClock.now
        let (_, events) = try calls.poll([
            PollABI.clock(1, nanoseconds: 30_000 * Self.millisecond),
            PollABI.clock(2, nanoseconds: 50 * Self.millisecond),
        ])
        #expect(events.map(\.userdata) == [2])
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func aPipeWithoutDataIsNotReady() throws {
        let pipe = try HostPipe()
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard))
        let started = ContinuousClock.now
        let (errno, events) = try calls.poll([
            PollABI.descriptor(1, fd: 0), PollABI.clock(2, nanoseconds: 50 * Self.millisecond),
        ])
        #expect(errno == 0)
        // poll(2) agrees that the pipe is not readable.
        var host = pollfd(fd: pipe.readEnd, events: Int16(POLLIN), revents: 0)
        #expect(Glibc.poll(&host, 1, 0) == 0)
        #expect(events.map(\.userdata) == [2])
        #expect(ContinuousClock.now - started >= .milliseconds(50))
    }

    @Test func aPipeIsReadyWhenDataArrives() throws {
        let pipe = try HostPipe()
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard))
        let writer = onThread {
            Thread.sleep(forTimeInterval: 0.1)
            pipe.write(Array("hello".utf8))
            return true
        }
        let (errno, events) = try calls.poll([
            PollABI.descriptor(1, fd: 0), PollABI.clock(2, nanoseconds: 30_000 * Self.millisecond),
        ])
        #expect(writer())
        #expect(errno == 0)
        #expect(events == [PollABI.Event(userdata: 1, errno: 0, type: 1, bytes: 5, hangUp: false)])
    }

    @Test func aHangUpMakesAPipeReady() throws {
        let pipe = try HostPipe()
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard))
        pipe.closeWrite()
        let (_, events) = try calls.poll([
            PollABI.descriptor(1, fd: 0), PollABI.clock(2, nanoseconds: 30_000 * Self.millisecond),
        ])
        #expect(events == [PollABI.Event(userdata: 1, errno: 0, type: 1, bytes: 0, hangUp: true)])
    }

    @Test func aRegularFileAndASwiftStreamAreReadyAtOnce() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("twelve bytes", to: "input")
        let file = open(directory.file("input").path, O_RDONLY)
        defer { close(file) }
        let started = ContinuousClock.now
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(file), stdout: WASIBuffer().output))
        let (_, events) = try calls.poll([
            PollABI.descriptor(1, fd: 0), PollABI.descriptor(2, fd: 1, write: true),
            PollABI.clock(3, nanoseconds: 30_000 * Self.millisecond),
        ])
        #expect(events.map(\.userdata) == [1, 2])
        #expect(events.first?.bytes == 12, "what is left of the file")
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func badSubscriptionsAreErrorEventsNotWaits() throws {
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: .discard))
        let (errno, events) = try calls.poll([
            PollABI.descriptor(1, fd: 99), PollABI.clock(2, nanoseconds: 1, id: 77),
            PollABI.clock(3, nanoseconds: 30_000 * Self.millisecond),
        ])
        #expect(errno == 0)
        #expect(events.map(\.userdata) == [1, 2])
        #expect(events.map(\.errno) == [WASIErrno.badFileDescriptor.rawValue, WASIErrno.invalid.rawValue])
        #expect(try calls.poll([]).errno == UInt32(WASIErrno.invalid.rawValue))
    }
}

/// `poll_oneoff` under ``Spirit/call(_:_:)``: the guest is suspended while it waits, no thread is
/// held, and cancelling the task ends the wait.
@Suite(.timeLimit(.minutes(1))) struct WASIAsyncPollTests {
    /// wasi_io.wasm as a Spirit with a WASI of this configuration; its debug log goes to `log`.
    static func load(
        _ configuration: WASIConfiguration, name: String? = nil, log: SpiritLogger? = nil
    ) async throws -> Spirit {
        var options = SpiritOptions()
        try options.grantWASI(WASI(configuration))
        options.name = name
        if let log {
            options.debug = true
            options.logger = log
        }
        return try await Fixtures.load("wasi_io.wasm", options: options)
    }

    /// Calls `poll_oneoff` in the Spirit; its errno and events.
    static func poll(
        _ spirit: Spirit, _ subscriptions: [[UInt8]]
    ) async throws -> (errno: UInt32, events: [PollABI.Event]) {
        try await spirit.memory.writeBytes(subscriptions.flatMap { $0 }, at: 4096)
        let results = try await spirit.call(
            "poll", [.i32(4096), .i32(8192), .i32(UInt32(subscriptions.count)), .i32(64)])
        guard case .i32(let errno) = results.first else { throw FixtureProblem("poll returned \(results)") }
        let count = errno == 0 ? min(Int(try await spirit.memory.load(UInt32.self, at: 64)), subscriptions.count) : 0
        let bytes = try await spirit.memory.readBytes(at: 8192, count: count * PollABI.eventSize)
        return (errno, PollABI.events(bytes, count: count))
    }

    @Test func aFiftyMillisecondClockReallyWaits() async throws {
        let log = TimedLog()
        let spirit = try await Self.load(WASIConfiguration(stdin: .empty, stdout: .discard), log: log.logger)
        let (errno, events) = try await Self.poll(spirit, [PollABI.clock(5, nanoseconds: 50_000_000)])
        #expect(errno == 0 && events.map(\.userdata) == [5])
        // From the host function's start to the guest's return, both on the Spirit's actor. The
        // end of an async wait is seen only once a thread is free to resume it: with the suites
        // running in parallel on two cores that took more than 5 s, hence the looser upper bound.
        let waited = try #require(log.interval(from: "host wasi_snapshot_preview1.poll_oneoff", to: "poll -> "))
        #expect(waited >= .milliseconds(50) && waited < .seconds(30), "\(waited)")
    }

    @Test func aPipeIsNotReadyUntilDataArrives() async throws {
        let pipe = try HostPipe()
        let log = LineRecorder()
        let spirit = try await Self.load(
            WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard), log: log.logger)
        async let polled = Self.poll(spirit, [PollABI.descriptor(1, fd: 0)])
        // Once the guest is waiting in poll_oneoff (and a little longer), the data arrives.
        while !log.lines.contains(where: { $0.contains("] host wasi_snapshot_preview1.poll_oneoff") }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        try await Task.sleep(for: .milliseconds(50))
        pipe.write(Array("hello".utf8))
        let (errno, events) = try await polled
        #expect(errno == 0)
        #expect(events == [PollABI.Event(userdata: 1, errno: 0, type: 1, bytes: 5, hangUp: false)])
    }

    @Test func cancellingTheCallEndsTheWait() async throws {
        let pipe = try HostPipe()
        let log = LineRecorder()
        let spirit = try await Self.load(
            WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard), log: log.logger)
        let call = Task { () -> SpiritError? in
            do {
                _ = try await Self.poll(spirit, [PollABI.descriptor(1, fd: 0)])
                return nil
            } catch let error as SpiritError {
                return error
            } catch {
                return nil
            }
        }
        while !log.lines.contains(where: { $0.contains("] host wasi_snapshot_preview1.poll_oneoff") }) {
            try await Task.sleep(for: .milliseconds(5))
        }
        call.cancel()
        // No data ever arrives: only the cancellation can end the call.
        let outcome = await call.value
        guard case .hostFunction(_, _, let name, let error) = outcome else {
            Issue.record("expected the host function to end with the cancellation, got \(String(describing: outcome))")
            return
        }
        #expect(name == "poll_oneoff")
        #expect(error is CancellationError)
        // The Spirit is usable afterwards.
        pipe.write([1])
        #expect(try await Self.poll(spirit, [PollABI.descriptor(9, fd: 0)]).events.map(\.userdata) == [9])
    }

    /// More Spirits than the pool has threads sleep in poll_oneoff together: every call began
    /// before the first one ended, which waits that held threads would not allow.
    @Test func sleepingSpiritsHoldNoThreads() async throws {
        let count = max(8, 3 * ProcessInfo.processInfo.activeProcessorCount)
        let log = LineRecorder()
        var spirits: [Spirit] = []
        for k in 0..<count {
            spirits.append(
                try await Self.load(WASIConfiguration(stdin: .empty, stdout: .discard), name: "s\(k)", log: log.logger))
        }
        let entered = Instants()
        let left = try await withThrowingTaskGroup(of: ContinuousClock.Instant.self) { group in
            for spirit in spirits {
                group.addTask {
                    entered.append(.now)
                    try await spirit.memory.writeBytes(PollABI.clock(1, nanoseconds: 2_000_000_000), at: 4096)
                    _ = try await spirit.call("poll", [.i32(4096), .i32(8192), .i32(1), .i32(64)])
                    return .now
                }
            }
            var all: [ContinuousClock.Instant] = []
            for try await instant in group { all.append(instant) }
            return all
        }
        let enteredAll = try #require(entered.all.max())
        let firstLeft = try #require(left.min())
        #expect(enteredAll < firstLeft, "every Spirit began its wait before the first one ended")
        #expect(log.lines.filter { $0.contains("poll_oneoff") && $0.hasSuffix("(async)") }.count == count)
    }
}

/// Instants recorded from several tasks.
final class Instants: Sendable {
    private let storage = Mutex<[ContinuousClock.Instant]>([])
    func append(_ instant: ContinuousClock.Instant) { storage.withLock { $0.append(instant) } }
    var all: [ContinuousClock.Instant] { storage.withLock { $0 } }
}
