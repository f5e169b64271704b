import Synchronization

/// A number of memory pages shared by several memories, possibly in several stores (a Séance's
/// Spirits): creating or growing a memory takes pages from it, and a freed memory gives them back.
/// Growth that would exceed it fails as `memory.grow` fails (-1); creation throws a limit error.
public final class MemoryBudget: Sendable {
    public let maxPages: UInt64
    private let used = Mutex<UInt64>(0)

    public init(maxPages: UInt64) {
        self.maxPages = maxPages
    }

    public var usedPages: UInt64 { used.withLock { $0 } }

    func reserve(_ pages: UInt64) -> Bool {
        used.withLock { used in
            guard pages <= maxPages, used <= maxPages - pages else { return false }
            used += pages
            return true
        }
    }

    func release(_ pages: UInt64) {
        used.withLock { $0 -= min($0, pages) }
    }
}
