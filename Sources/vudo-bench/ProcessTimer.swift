import Foundation

/// One whole-process run of a command: wall time from spawn to exit, its output and its peak memory.
struct ProcessRun {
    let seconds: Double
    let output: String
    let exitCode: Int32
    let peakResidentKiB: Int
}

/// Spawns commands with posix_spawn and reaps them with wait4.
///
/// Peak memory comes from GNU time when it is installed: Linux charges a spawned child at least its
/// parent's peak resident set (exec records the old address space's high-water mark), so wait4
/// would report this big benchmark process's peak; GNU time's own children start from a tiny one.
enum ProcessTimer {
    static let gnuTime = "/usr/bin/time"
    private static let peakMarker = "vudo-bench-peak-rss-kib: "

    /// Runs the command through GNU time, when present, only to learn its true peak memory.
    static func measured(_ executable: String, _ arguments: [String]) throws -> ProcessRun {
        guard FileManager.default.isExecutableFile(atPath: gnuTime) else { return try run(executable, arguments) }
        let wrapped = try run(gnuTime, ["-f", peakMarker + "%M", executable] + arguments)
        var lines = wrapped.output.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.lastIndex(where: { $0.hasPrefix(peakMarker) }),
            let kibibytes = Int(lines[index].dropFirst(peakMarker.count))
        else { return wrapped }
        lines.remove(at: index)
        return ProcessRun(
            seconds: wrapped.seconds, output: lines.joined(separator: "\n"),
            exitCode: wrapped.exitCode, peakResidentKiB: kibibytes)
    }

    static func run(_ executable: String, _ arguments: [String]) throws -> ProcessRun {
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else { throw BenchError("pipe failed: errno \(errno)") }
        let (readEnd, writeEnd) = (pipeEnds[0], pipeEnds[1])

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 1)
        posix_spawn_file_actions_adddup2(&actions, writeEnd, 2)
        posix_spawn_file_actions_addclose(&actions, readEnd)
        posix_spawn_file_actions_addclose(&actions, writeEnd)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let environment = ProcessInfo.processInfo.environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + environment).forEach { free($0) } }

        let clock = ContinuousClock()
        let start = clock.now
        var pid = pid_t()
        let spawnStatus = posix_spawn(&pid, executable, &actions, nil, argv, environment)
        close(writeEnd)
        guard spawnStatus == 0 else {
            close(readEnd)
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawnStatus)))")
        }
        let output = readAll(readEnd)
        close(readEnd)

        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let elapsed = seconds(clock.now - start)
        // The C macros WIFEXITED/WEXITSTATUS do not import: low 7 bits are the signal, next 8 the code.
        let exitCode = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        return ProcessRun(seconds: elapsed, output: output, exitCode: exitCode, peakResidentKiB: usage.ru_maxrss)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 { bytes += buffer[0..<count] } else if count == 0 || errno != EINTR { break }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
