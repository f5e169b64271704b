import Foundation

/// A horizontal bar chart written as plain SVG text, so that it renders on GitHub with no tooling.
enum SVGChart {
    struct Bar {
        let label: String
        let value: Double
        let valueText: String
    }

    /// vudo/WasmKit ratio per workload (whole processes when the vudo CLI was timed), plus the
    /// geometric mean; nil when nothing was compared.
    static func ratios(_ report: BenchReport) -> String? {
        let compared = report.workloads.filter { $0.comparison != nil }
        guard !compared.isEmpty else { return nil }
        let useProcess = compared.allSatisfy { $0.comparison?.processRatio != nil }
        var bars = compared.map { workload in
            let comparison = workload.comparison!
            let ratio = useProcess ? comparison.processRatio! : comparison.inProcessRatio
            let label = workload.name == BenchReport.startupWorkload ? workload.name + " (start-up)" : workload.name
            return Bar(label: label, value: ratio, valueText: String(format: "%.2f", ratio))
        }
        let mean = useProcess ? report.geometricMeanProcessRatio : report.geometricMeanInProcessRatio
        if let mean { bars.append(Bar(label: "geomean", value: mean, valueText: String(format: "%.2f", mean))) }
        let what =
            useProcess ? "vudo invoke / wasmkit run, whole processes" : "vudo in-process run / wasmkit run process"
        return draw(
            title: "vudo run time relative to WasmKit 0.4.2 (lower is better)",
            subtitle:
                "\(what), medians of \(report.runs) alternating runs; geomean leaves out \(BenchReport.startupWorkload)",
            bars: bars, reference: 1.0)
    }

    /// Median in-process run time per workload, for runs without a peer.
    static func times(_ report: BenchReport) -> String {
        let bars = report.workloads.map { workload in
            let milliseconds = workload.inProcess.run.median * 1000
            return Bar(label: workload.name, value: milliseconds, valueText: String(format: "%.1f ms", milliseconds))
        }
        return draw(
            title: "vudo median run time per workload (ms)",
            subtitle: "in process, \(report.runs) runs each", bars: bars, reference: nil)
    }

    /// Bars above `reference` (vudo slower) are red, the others green; without one, all are blue.
    static func draw(title: String, subtitle: String, bars: [Bar], reference: Double?) -> String {
        // Inside #"..."# literals a colour like "#555" would end the string, so colours are interpolated.
        let gridColour = "#ddd", secondaryText = "#555"
        let labelWidth = 130.0, plotWidth = 520.0, rowHeight = 24.0, top = 62.0
        let width = labelWidth + plotWidth + 70
        let height = top + rowHeight * Double(bars.count) + 34
        let largest = max(bars.map(\.value).max() ?? 1, reference ?? 0)
        let step = niceStep(largest / 5)
        let axisMaximum = (largest / step).rounded(.up) * step
        func x(_ value: Double) -> Double { labelWidth + plotWidth * value / axisMaximum }

        var svg = [
            #"<svg xmlns="http://www.w3.org/2000/svg" width="\#(Int(width))" height="\#(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">"#,
            #"<rect width="100%" height="100%" fill="white"/>"#,
            #"<text x="10" y="22" font-size="15" font-weight="bold">\#(escape(title))</text>"#,
            #"<text x="10" y="42" fill="\#(secondaryText)">\#(escape(subtitle))</text>"#,
        ]
        let plotBottom = top + rowHeight * Double(bars.count)
        for tick in stride(from: 0, through: axisMaximum + step / 2, by: step) {
            svg.append(
                #"<line x1="\#(n(x(tick)))" y1="\#(n(top - 4))" x2="\#(n(x(tick)))" y2="\#(n(plotBottom))" stroke="\#(gridColour)"/>"#
            )
            svg.append(
                #"<text x="\#(n(x(tick)))" y="\#(n(plotBottom + 16))" text-anchor="middle" fill="\#(secondaryText)">\#(format(tick))</text>"#
            )
        }
        for (row, bar) in bars.enumerated() {
            let y = top + rowHeight * Double(row)
            let colour = reference.map { bar.value > $0 ? "#d9534f" : "#4cae4c" } ?? "#4a7ab5"
            svg.append(
                #"<text x="\#(n(labelWidth - 8))" y="\#(n(y + 16))" text-anchor="end">\#(escape(bar.label))</text>"#)
            svg.append(
                #"<rect x="\#(n(labelWidth))" y="\#(n(y + 4))" width="\#(n(max(x(bar.value) - labelWidth, 1)))" height="\#(n(rowHeight - 8))" fill="\#(colour)"/>"#
            )
            svg.append(#"<text x="\#(n(x(bar.value) + 5))" y="\#(n(y + 16))">\#(escape(bar.valueText))</text>"#)
        }
        if let reference {
            svg.append(
                #"<line x1="\#(n(x(reference)))" y1="\#(n(top - 4))" x2="\#(n(x(reference)))" y2="\#(n(plotBottom))" stroke="black" stroke-dasharray="4,3"/>"#
            )
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    /// Coordinates with one decimal keep the file short and readable.
    private static func n(_ value: Double) -> String { String(format: "%.1f", value) }

    /// 1, 2 or 5 times a power of ten, so that tick labels stay round.
    private static func niceStep(_ rough: Double) -> Double {
        guard rough > 0 else { return 1 }
        let power = pow(10, (log10(rough)).rounded(.down))
        let mantissa = rough / power
        return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power
    }

    private static func format(_ tick: Double) -> String {
        tick == tick.rounded() ? String(Int(tick)) : String(format: "%g", tick)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
