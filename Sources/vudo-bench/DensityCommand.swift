import Foundation

/// `vudo-bench --density`: how long loading many Spirits of a one-page module takes and how much
/// resident memory each keeps. Each way of loading runs in a child process of its own.
enum DensityCommand {
    struct Report: Codable {
        let date: String
        let command: String
        let machine: MachineDescription
        let module: String
        let measurements: [DensityPhase.Measurement]
        let notes: [String]
    }

    /// The child's result line starts with this, followed by the measurement as JSON.
    static let resultMarker = "vudo-bench-density: "

    static func run(_ options: BenchOptions) throws -> Report {
        let machine = MachineDescription.current()
        progress(
            "vudo-bench --density: \(options.spiritCount) instances per phase; \(machine.cpuModel), \(machine.logicalCores) cores"
        )
        var measurements: [DensityPhase.Measurement] = []
        for phase in DensityPhase.allCases {
            let child = try ProcessTimer.run(
                "/proc/self/exe", ["--density-phase", phase.rawValue, String(options.spiritCount)])
            guard child.exitCode == 0,
                let line = child.output.split(separator: "\n").last(where: { $0.hasPrefix(resultMarker) })
            else {
                throw BenchError("density phase \(phase.rawValue) failed (status \(child.exitCode)):\n\(child.output)")
            }
            let measurement = try JSONDecoder().decode(
                DensityPhase.Measurement.self, from: Data(line.dropFirst(resultMarker.count).utf8))
            progress(
                String(
                    format: "  %@: %.1f µs and %.1f KiB each (%.1f KiB after one call each)", phase.rawValue,
                    measurement.secondsPerInstance * 1e6, measurement.loadedKiBPerInstance,
                    measurement.calledKiBPerInstance))
            measurements.append(measurement)
        }
        return Report(
            date: ISO8601DateFormatter().string(from: Date()), command: CommandLine.arguments.joined(separator: " "),
            machine: machine, module: DensityPhase.moduleText, measurements: measurements,
            notes: [
                "Resident memory is /proc/self/statm's, read before and after loading (one instance is loaded first, so that the runtime's one-time state is not counted), then after calling `run` on each.",
                "Each phase runs in its own process.",
            ])
    }

    /// The child side: measures one phase and prints the result line.
    static func runPhase(_ name: String, count: String) throws {
        guard let phase = DensityPhase(rawValue: name), let count = Int(count), count > 0 else {
            throw BenchError("--density-phase takes one of \(DensityPhase.allCases.map(\.rawValue)) and a count")
        }
        let measurement = try phase.measure(count: count)
        print(resultMarker + String(decoding: try JSONEncoder().encode(measurement), as: UTF8.self))
    }

    static func render(_ report: Report) -> String {
        var lines = ["", "Density (\(report.measurements.first?.count ?? 0) instances of a one-page module per phase)"]
        lines += ResultTable.table(
            header: ["phase", "load total", "per instance", "resident KiB each", "after one call", "unload total"],
            rows: report.measurements.map { m in
                [
                    m.phase.rawValue, formatSeconds(m.loadSeconds),
                    String(format: "%.1f µs", m.secondsPerInstance * 1e6),
                    String(format: "%.1f", m.loadedKiBPerInstance), String(format: "%.1f", m.calledKiBPerInstance),
                    formatSeconds(m.unloadSeconds),
                ]
            })
        lines += report.notes.map { "note: " + $0 }
        return lines.joined(separator: "\n")
    }
}
