/// Renders a report for the terminal (everything except the final summary line).
public enum SpecTestReportPrinter {
    public static let defaultFailureLimit = 20

    public static func text(_ report: SpecTestReport, verbose: Bool) -> String {
        var out = "\nBy command kind:\n"
        for line in report.kindBreakdown { out += line + "\n" }

        if !report.skipReasons.isEmpty {
            out += "\nSkipped, by reason:\n"
            let reasons = report.skipReasons.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            let shown = verbose ? reasons[...] : reasons.prefix(10)
            for (reason, count) in shown { out += "  \(count)  \(reason)\n" }
            if shown.count < reasons.count { out += "  ... \(reasons.count - shown.count) more reasons\n" }
        }

        if !report.failures.isEmpty {
            out += "\nFailures:\n"
            let shown = verbose ? report.failures[...] : report.failures.prefix(defaultFailureLimit)
            for failure in shown { out += failure.description + "\n" }
            if shown.count < report.failures.count {
                out += "... and \(report.failures.count - shown.count) more failures (--verbose lists them all)\n"
            }
        }
        out += "\n"
        return out
    }
}
