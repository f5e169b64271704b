import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The clocks of preview 1 (`clockid`).
public enum WASIClockID: UInt32, Sendable, CaseIterable {
    case realtime = 0
    case monotonic = 1
    case processCPUTime = 2
    case threadCPUTime = 3
}

/// Where a WASI program's time comes from. Replace it for reproducible runs: ``manual(start:)``
/// gives a clock that only moves when the program sleeps.
public struct WASIClock: Sendable {
    /// The time of a clock in nanoseconds, or nil when the host does not have that clock.
    public var now: @Sendable (WASIClockID) -> UInt64?
    /// The resolution of a clock in nanoseconds, or nil when the host does not have that clock.
    public var resolution: @Sendable (WASIClockID) -> UInt64?
    /// Blocks for this many nanoseconds (`poll_oneoff` waiting only for clocks, in a synchronous
    /// call).
    public var sleep: @Sendable (UInt64) -> Void
    /// Waits this many nanoseconds without blocking a thread (`poll_oneoff` waiting only for
    /// clocks while the guest runs under an async call); throws `CancellationError` when the task
    /// is cancelled.
    public var asyncSleep: @Sendable (UInt64) async throws -> Void

    /// A clock from closures. Without `asyncSleep`, async calls use `sleep` too (and block a thread
    /// while it runs).
    public init(
        now: @escaping @Sendable (WASIClockID) -> UInt64?,
        resolution: @escaping @Sendable (WASIClockID) -> UInt64?,
        sleep: @escaping @Sendable (UInt64) -> Void,
        asyncSleep: (@Sendable (UInt64) async throws -> Void)? = nil
    ) {
        self.now = now
        self.resolution = resolution
        self.sleep = sleep
        self.asyncSleep = asyncSleep ?? { nanoseconds in sleep(nanoseconds) }
    }

    /// The host's clocks (`clock_gettime`), and a real sleep.
    public static let system = WASIClock(
        now: { id in
            var time = timespec()
            guard clock_gettime(hostClock(id), &time) == 0 else { return nil }
            return UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec)
        },
        resolution: { id in
            var time = timespec()
            guard clock_getres(hostClock(id), &time) == 0 else { return nil }
            return max(UInt64(time.tv_sec) &* 1_000_000_000 &+ UInt64(time.tv_nsec), 1)
        },
        sleep: { nanoseconds in
            var request = timespec(tv_sec: Int(nanoseconds / 1_000_000_000), tv_nsec: Int(nanoseconds % 1_000_000_000))
            var remaining = timespec()
            while nanosleep(&request, &remaining) != 0, errno == EINTR { request = remaining }
        },
        asyncSleep: { nanoseconds in
            // Task.sleep takes a signed count; 2^63 ns is still 292 years.
            try await Task.sleep(nanoseconds: min(nanoseconds, UInt64(Int64.max)))
        }
    )

    /// A clock that starts at `start` nanoseconds (every clock ID alike) and advances only by what
    /// the program sleeps; resolution 1 ns.
    public static func manual(start: UInt64 = 0) -> WASIClock {
        let time = ManualTime(start)
        return WASIClock(
            now: { _ in time.value }, resolution: { _ in 1 }, sleep: { time.advance(by: $0) },
            asyncSleep: { time.advance(by: $0) })
    }

    private static func hostClock(_ id: WASIClockID) -> clockid_t {
        switch id {
        case .realtime: CLOCK_REALTIME
        case .monotonic: CLOCK_MONOTONIC
        case .processCPUTime: CLOCK_PROCESS_CPUTIME_ID
        case .threadCPUTime: CLOCK_THREAD_CPUTIME_ID
        }
    }
}

/// The time of a ``WASIClock/manual(start:)`` clock.
private final class ManualTime: @unchecked Sendable {
    // Guarded by `lock`.
    private var nanoseconds: UInt64
    private let lock = Lock()

    init(_ start: UInt64) { nanoseconds = start }

    var value: UInt64 { lock.withLock { nanoseconds } }
    func advance(by delta: UInt64) { lock.withLock { nanoseconds &+= delta } }
}

/// Where `random_get` bytes come from.
public struct WASIRandom: Sendable {
    /// Returns exactly `count` bytes.
    public var bytes: @Sendable (Int) -> [UInt8]

    public init(_ bytes: @escaping @Sendable (Int) -> [UInt8]) { self.bytes = bytes }

    /// The host's cryptographic generator (`SystemRandomNumberGenerator`).
    public static let system = WASIRandom { count in
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// A repeatable sequence from `seed` (SplitMix64): the same seed always gives the same bytes.
    /// Not for anything that needs real randomness.
    public static func seeded(_ seed: UInt64) -> WASIRandom {
        let state = SplitMix(seed)
        return WASIRandom { count in state.next(count) }
    }
}

private final class SplitMix: @unchecked Sendable {
    // Guarded by `lock`.
    private var state: UInt64
    private let lock = Lock()

    init(_ seed: UInt64) { state = seed }

    func next(_ count: Int) -> [UInt8] {
        lock.withLock {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(count + 8)
            while bytes.count < count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var z = state
                z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
                z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
                z ^= z >> 31
                withUnsafeBytes(of: z.littleEndian) { bytes += $0 }
            }
            return Array(bytes.prefix(count))
        }
    }
}
