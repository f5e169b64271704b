import Foundation

/// Everything one `vudo-bench` run measured; `--json` writes it as is.
struct BenchReport: Codable {
    struct WorkloadResult: Codable {
        let name: String
        let file: String
        let inProcess: InProcessResult
        let comparison: ProcessComparison?
    }

    let date: String
    let command: String
    let machine: MachineDescription
    let runs: Int
    let workloads: [WorkloadResult]
    /// Over every workload but the start-up one, which measures loading rather than running.
    let geometricMeanProcessRatio: Double?
    let geometricMeanInProcessRatio: Double?
    let notes: [String]

    /// The empty module measures start-up; it stays out of the run-time means.
    static let startupWorkload = "empty"

    static func geometricMeans(_ workloads: [WorkloadResult]) -> (process: Double?, inProcess: Double?) {
        let timed = workloads.filter { $0.name != startupWorkload }.compactMap(\.comparison)
        return (geometricMean(timed.compactMap(\.processRatio)), geometricMean(timed.map(\.inProcessRatio)))
    }
}

struct MachineDescription: Codable {
    let cpuModel: String
    let logicalCores: Int
    let operatingSystem: String

    static func current() -> MachineDescription {
        let cpuInfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let modelLine = cpuInfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        let model = modelLine?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces)
        return MachineDescription(
            cpuModel: model ?? "unknown",
            logicalCores: ProcessInfo.processInfo.activeProcessorCount,
            operatingSystem: ProcessInfo.processInfo.operatingSystemVersionString)
    }
}
