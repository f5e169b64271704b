import Foundation

/// Runs `body` and returns its value with the wall-clock time it took, in seconds.
func timed<T>(_ body: () throws -> T) rethrows -> (value: T, seconds: Double) {
    let clock = ContinuousClock()
    let start = clock.now
    let value = try body()
    return (value, seconds(clock.now - start))
}

func seconds(_ duration: Duration) -> Double {
    let parts = duration.components
    return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
}

/// This process's resident-set high-water mark. It only ever grows, so per workload it reads as
/// "the most the bench process has needed so far".
func peakResidentKiB() -> Int {
    var usage = rusage()
    getrusage(Int32(RUSAGE_SELF.rawValue), &usage)
    return usage.ru_maxrss
}

/// Progress lines go out at once even when stdout is a pipe.
func progress(_ line: String) {
    print(line)
    fflush(nil)
}

struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
