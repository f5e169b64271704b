import Foundation
import Vudo

/// The Séance test Spirits in Fixtures/seance (built by its build.sh).
enum SeanceFixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/seance")

    static func source(_ name: String) -> SpiritSource {
        .path(directory.appendingPathComponent(name + ".wasm").path)
    }
}

extension Seance {
    /// Writes `bytes` into the memory of the Spirit named `name`.
    func write(_ bytes: [UInt8], at address: UInt32, in name: String) async throws {
        try await spirit(named: name).memory.writeBytes(bytes, at: address)
    }

    func read(_ count: Int, at address: UInt32, in name: String) async throws -> [UInt8] {
        try await spirit(named: name).memory.readBytes(at: address, count: count)
    }
}

/// Options that keep test output quiet.
func quietSeanceOptions() -> SpiritOptions {
    var options = SpiritOptions.seanceDefaults
    options.logger = .silent
    return options
}
