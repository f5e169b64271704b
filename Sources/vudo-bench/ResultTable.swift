import Foundation

func formatSeconds(_ seconds: Double) -> String {
    seconds >= 1 ? String(format: "%.3f s", seconds) : String(format: "%.1f ms", seconds * 1000)
}

func formatMilliseconds(_ seconds: Double) -> String {
    let milliseconds = seconds * 1000
    return String(format: milliseconds >= 10 ? "%.1f" : "%.3f", milliseconds)
}

func formatMiB(_ kibibytes: Int) -> String { String(format: "%.1f", Double(kibibytes) / 1024) }

/// The tables printed at the end of a run.
enum ResultTable {
    static func render(_ report: BenchReport) -> String {
        var lines = ["", "vudo in process (\(report.runs) runs each; times in ms)"]
        lines += table(
            header: [
                "workload", "decode", "instantiate", "first run", "median", "min", "max", "IQR", "peak MiB", "checksum",
            ],
            rows: report.workloads.map { workload in
                let r = workload.inProcess
                return [
                    workload.name, formatMilliseconds(r.decode.median), formatMilliseconds(r.instantiate.median),
                    formatMilliseconds(r.firstRunSeconds), formatMilliseconds(r.run.median),
                    formatMilliseconds(r.run.minimum), formatMilliseconds(r.run.maximum),
                    formatMilliseconds(r.run.upperQuartile - r.run.lowerQuartile), formatMiB(r.peakResidentKiB),
                    "ok \(r.checksum)",
                ]
            })
        let compared = report.workloads.filter { $0.comparison != nil }
        if !compared.isEmpty {
            lines += ["", "whole processes, alternating (medians in ms; ratio < 1 means vudo is faster)"]
            lines += table(
                header: [
                    "workload", "vudo CLI", "WasmKit", "vudo/WasmKit", "in-process/WasmKit", "vudo MiB", "WasmKit MiB",
                ],
                rows: compared.map { workload in
                    let c = workload.comparison!
                    // An in-process call of an empty module costs nothing; only whole processes compare.
                    let isStartup = workload.name == BenchReport.startupWorkload
                    return [
                        isStartup ? workload.name + " (start-up)" : workload.name,
                        c.vudo.map { formatMilliseconds($0.run.median) } ?? "-",
                        formatMilliseconds(c.wasmkit.run.median), c.processRatio.map(formatRatio) ?? "-",
                        isStartup ? "-" : formatRatio(c.inProcessRatio),
                        c.vudo.map { formatMiB($0.peakResidentKiB) } ?? "-",
                        formatMiB(c.wasmkit.peakResidentKiB),
                    ]
                })
            let means =
                "geometric mean (without \(BenchReport.startupWorkload)): vudo CLI/WasmKit "
                + (report.geometricMeanProcessRatio.map(formatRatio) ?? "-")
                + ", vudo in-process/WasmKit " + (report.geometricMeanInProcessRatio.map(formatRatio) ?? "-")
            lines += ["", means]
        }
        lines += report.notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }

    static func formatRatio(_ ratio: Double) -> String { String(format: "%.2f", ratio) }

    /// Left-aligns the first column and right-aligns the numbers.
    static func table(header: [String], rows: [[String]]) -> [String] {
        let widths = header.indices.map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { column, cell in
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                return column == 0 ? cell + padding : padding + cell
            }.joined(separator: "  ")
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return [line(header), rule] + rows.map(line)
    }
}
