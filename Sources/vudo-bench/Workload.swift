import Foundation
import WasmCore

/// One line of `Benchmarks/workloads.txt`: a module, the export to call and the checksum it must return.
struct Workload {
    enum ResultType: String, Codable {
        case i32, i64
    }

    let name: String
    let file: String
    let export: String
    let resultType: ResultType
    /// The result's bits as an unsigned integer (f64 checksums are returned as raw bits).
    let expected: UInt64
    /// Whether the peers can run it (WasmKit 0.4.2 has no garbage collection).
    var peersRunIt = true

    /// Whether an in-process result is the expected checksum, bit for bit.
    func matches(_ value: Value) -> Bool {
        switch (resultType, value) {
        case (.i32, .i32(let bits)): UInt64(bits) == expected
        case (.i64, .i64(let bits)): bits == expected
        default: false
        }
    }

    /// Whether a CLI's output ends with the expected checksum. Engines print it signed (vudo) or
    /// unsigned (WasmKit, as `[i32(N)]`), so the last integer is compared as the result type's bits.
    func matches(output: String) -> Bool {
        let tokens = output.split(whereSeparator: { !($0.isASCII && ($0.isNumber || $0 == "-")) })
        let integers = tokens.compactMap { Int64($0).map { UInt64(bitPattern: $0) } ?? UInt64($0) }
        guard let bits = integers.last else { return false }
        return resultType == .i32 ? bits & 0xffff_ffff == expected : bits == expected
    }
}

enum WorkloadManifest {
    static let fileName = "workloads.txt"

    /// Reads the manifest: whitespace-separated `name file export type expected`, then `vudo-only`
    /// for a workload no peer runs; `#` starts a comment.
    static func load(directory: String) throws -> [Workload] {
        let path = directory + "/" + fileName
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw BenchError("cannot read \(path) (use --dir to point at the Benchmarks folder)")
        }
        var workloads: [Workload] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if fields.isEmpty { continue }
            guard fields.count == 5 || (fields.count == 6 && fields[5] == "vudo-only"),
                let type = Workload.ResultType(rawValue: fields[3]), let expected = UInt64(fields[4])
            else {
                throw BenchError("\(path):\(number + 1): expected `name file export i32|i64 checksum [vudo-only]`")
            }
            var workload = Workload(
                name: fields[0], file: fields[1], export: fields[2], resultType: type, expected: expected)
            workload.peersRunIt = fields.count == 5
            workloads.append(workload)
        }
        return workloads
    }
}
