import Foundation
import Synchronization
import Vudo

/// The fixture Spirits in Fixtures/spirits (built by its build.sh).
enum Fixtures {
    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/spirits")

    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static func load(_ name: String, options: SpiritOptions = SpiritOptions()) async throws -> Spirit {
        try await loadSpirit(path: path(name), options: options)
    }
}

/// Collects lines from an output sink or logger, safely from any thread.
final class LineRecorder: Sendable {
    private let storage = Mutex<[String]>([])

    var lines: [String] { storage.withLock { $0 } }

    var sink: OutputSink { OutputSink { line in self.storage.withLock { $0.append(line) } } }
    var logger: SpiritLogger { SpiritLogger { line in self.storage.withLock { $0.append(line) } } }
}
