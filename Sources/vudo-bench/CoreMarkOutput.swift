/// What one CoreMark run printed that matters here: its score and its final checksum.
///
/// CoreMark times itself inside the guest (through the WASI clock under an engine), so the score
/// leaves out process start-up and module loading; `crcfinal` depends only on the seeds and the
/// iteration count and must be the same under every engine.
struct CoreMarkOutput: Codable, Equatable {
    /// `Iterations/Sec`.
    let iterationsPerSecond: Double
    /// `crcfinal`, as printed (`0x4983`).
    let crcFinal: String
    /// `Iterations`: what the program says it ran.
    let iterations: Int

    /// Reads CoreMark's report lines (`Iterations/Sec   : 2460.1`, `[0]crcfinal      : 0x4983`);
    /// nil when one of them is missing or malformed.
    init?(parsing output: String) {
        var fields: [String: String] = [:]
        for line in output.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            var key = line[..<colon].trimmingASCIISpaces()
            // Per-context lines carry the context number: `[0]crcfinal`.
            if key.hasPrefix("["), let close = key.firstIndex(of: "]") { key = key[key.index(after: close)...] }
            let value = line[line.index(after: colon)...].trimmingASCIISpaces()
            fields[String(key)] = String(value)
        }
        guard let score = fields["Iterations/Sec"].flatMap(Double.init), score > 0,
            let iterations = fields["Iterations"].flatMap({ Int($0) }),
            let crc = fields["crcfinal"], crc.hasPrefix("0x"), UInt16(crc.dropFirst(2), radix: 16) != nil
        else { return nil }
        iterationsPerSecond = score
        crcFinal = crc
        self.iterations = iterations
    }

    /// The `crcfinal` of a performance run (seeds 0, 0, 0x66) that EEMBC's sources validate, by
    /// iteration count; other counts are checked only for agreement between engines.
    static let knownCRCs: [Int: String] = [2000: "0x4983"]
}

extension Substring {
    fileprivate func trimmingASCIISpaces() -> Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return self[endIndex...]
        }
        return self[first...last]
    }
}
