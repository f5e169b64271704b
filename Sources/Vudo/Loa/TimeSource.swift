#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `vudo_now` and `vudo_monotonic_now` read the time. Replace it for reproducible runs.
public struct TimeSource: Sendable {
    private let epochMilliseconds: @Sendable () -> Int64
    private let monotonicNanoseconds: @Sendable () -> Int64

    /// - Parameters:
    ///   - now: milliseconds since the Unix epoch.
    ///   - monotonic: nanoseconds since an arbitrary start; must never decrease.
    public init(now: @escaping @Sendable () -> Int64, monotonic: @escaping @Sendable () -> Int64) {
        epochMilliseconds = now
        monotonicNanoseconds = monotonic
    }

    /// Milliseconds since the Unix epoch.
    public func now() -> Int64 { epochMilliseconds() }
    /// Nanoseconds since an arbitrary start, never decreasing.
    public func monotonicNow() -> Int64 { monotonicNanoseconds() }

    /// The system clock, and a monotonic clock counted from the first reading in this process.
    public static let system = TimeSource(
        now: {
            var time = timespec()
            clock_gettime(CLOCK_REALTIME, &time)
            return Int64(time.tv_sec) * 1000 + Int64(time.tv_nsec) / 1_000_000
        },
        monotonic: {
            let start = processStart  // initialized on first use: read it before the clock
            let elapsed = ContinuousClock.now - start
            return elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
        }
    )

    /// A clock that always reads the same instants: deterministic runs.
    public static func fixed(epochMilliseconds: Int64, monotonicNanoseconds: Int64 = 0) -> TimeSource {
        TimeSource(now: { epochMilliseconds }, monotonic: { monotonicNanoseconds })
    }
}

private let processStart = ContinuousClock.now
