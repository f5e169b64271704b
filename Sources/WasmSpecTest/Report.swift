/// Pass/fail/skip tallies for a file, a command kind or a whole run.
public struct SpecCounts: Sendable, Equatable {
    public var passed = 0
    public var failed = 0
    public var skipped = 0

    public init() {}

    public var total: Int { passed + failed + skipped }

    mutating func add(_ other: SpecCounts) {
        passed += other.passed
        failed += other.failed
        skipped += other.skipped
    }

    public var summary: String { "\(passed) passed, \(failed) failed, \(skipped) skipped" }
}

/// A command that did not do what the script asked.
public struct SpecFailure: Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var kind: SpecCommandKind
    /// What went wrong, e.g. "wrong results" or "module failed to load".
    public var message: String
    public var expected: String?
    public var got: String?

    public var description: String {
        var text = "\(file):\(line): \(kind.rawValue): \(message)"
        if let expected { text += "\n    expected: \(expected)" }
        if let got { text += "\n    got:      \(got)" }
        return text
    }
}

/// The outcome of one script.
public struct SpecFileReport: Sendable {
    /// The script's path as given or found.
    public var path: String
    /// Short name for output: "<folder>/<script>".
    public var name: String
    public var counts = SpecCounts()
    public var countsByKind: [SpecCommandKind: SpecCounts] = [:]
    /// Set when the script itself could not be read or parsed.
    public var scriptError: String?
}

/// The outcome of a run over any number of scripts.
public struct SpecTestReport: Sendable {
    public var files: [SpecFileReport] = []
    public var totals = SpecCounts()
    public var countsByKind: [SpecCommandKind: SpecCounts] = [:]
    public var failures: [SpecFailure] = []
    /// Why commands were skipped (a ``SkipReason``'s text), with how many were skipped for each.
    public var skipReasons: [String: Int] = [:]

    public init() {}

    /// The run's last output line.
    public var summaryLine: String { totals.summary }

    mutating func add(_ file: SpecFileReport) {
        files.append(file)
        totals.add(file.counts)
        for (kind, counts) in file.countsByKind { countsByKind[kind, default: SpecCounts()].add(counts) }
    }

    /// Per-kind breakdown, one line per command kind that occurred.
    public var kindBreakdown: [String] {
        countsByKind.keys.sorted().compactMap { kind in
            guard let counts = countsByKind[kind] else { return nil }
            return "  " + kind.rawValue.padded(to: 22) + counts.summary
        }
    }
}

extension String {
    func padded(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
