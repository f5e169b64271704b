import Foundation

/// The median and spread of repeated measurements (seconds, or any other unit).
struct Summary: Codable {
    let median: Double
    let minimum: Double
    let maximum: Double
    let lowerQuartile: Double
    let upperQuartile: Double
    let samples: [Double]

    init(_ samples: [Double]) {
        precondition(!samples.isEmpty, "a summary needs at least one sample")
        let sorted = samples.sorted()
        self.samples = samples
        median = Self.quantile(sorted, 0.5)
        minimum = sorted[0]
        maximum = sorted[sorted.count - 1]
        lowerQuartile = Self.quantile(sorted, 0.25)
        upperQuartile = Self.quantile(sorted, 0.75)
    }

    /// Linear interpolation between the closest ranks, so that small sample counts still give
    /// quartiles that move smoothly.
    private static func quantile(_ sorted: [Double], _ q: Double) -> Double {
        let position = q * Double(sorted.count - 1)
        let lower = Int(position.rounded(.down))
        let upper = min(lower + 1, sorted.count - 1)
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - Double(lower))
    }
}

/// Ratios are averaged geometrically: a 2x win and a 2x loss cancel out.
func geometricMean(_ values: [Double]) -> Double? {
    guard !values.isEmpty, values.allSatisfy({ $0 > 0 }) else { return nil }
    return exp(values.map { log($0) }.reduce(0, +) / Double(values.count))
}
