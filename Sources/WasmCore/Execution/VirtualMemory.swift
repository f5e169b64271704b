#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Address space mapped straight from the kernel. Anonymous pages read as zero and take no memory
/// until something writes them, so a large mapping costs only the pages that are used: linear
/// memories reserve their maximum this way, and a store's stacks are sized for the worst case.
enum VirtualMemory {
    /// The host's page size: what mappings and protections are rounded to (4 KiB on x86-64, 16 KiB
    /// on Apple silicon; a wasm page of 64 KiB is a whole number of them everywhere).
    static let pageSize: Int = {
        let size = sysconf(Int32(_SC_PAGESIZE))
        return size > 0 ? Int(size) : 4096
    }()

    /// `byteCount` rounded up to whole host pages (at least one).
    static func roundedToPages(_ byteCount: Int) -> Int {
        let (sum, overflow) = max(byteCount, 1).addingReportingOverflow(pageSize - 1)
        return (overflow ? Int.max : sum) & ~(pageSize - 1)
    }

    /// Reserves address space that nothing may touch yet (`PROT_NONE`): it costs neither memory nor
    /// commit charge until parts of it are committed. nil when the kernel refuses (address space
    /// exhausted, `RLIMIT_AS`).
    static func reserve(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        map(roundedToPages(byteCount), protection: PROT_NONE, flags: 0)
    }

    /// Makes `[start, start + byteCount)`, inside a reservation, readable and writable. Pages that
    /// were never committed before read as zero. false when the kernel refuses (no commit charge
    /// left under strict overcommit, too many mappings).
    static func commit(_ start: UnsafeMutableRawPointer, _ byteCount: Int) -> Bool {
        byteCount == 0 || mprotect(start, byteCount, PROT_READ | PROT_WRITE) == 0
    }

    /// Maps readable, writable, zeroed memory whose pages become resident only once touched, and
    /// that is not charged against the commit limit up front (`MAP_NORESERVE`): for stacks sized
    /// for the deepest program but mostly never reached.
    static func allocate(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        map(roundedToPages(byteCount), protection: PROT_READ | PROT_WRITE, flags: MAP_NORESERVE)
    }

    /// Maps readable, writable, zeroed memory that is charged against the commit limit like any
    /// allocation: a reservation committed whole from the start.
    static func allocateCommitted(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        map(roundedToPages(byteCount), protection: PROT_READ | PROT_WRITE, flags: 0)
    }

    /// Returns a mapping from ``reserve(_:)``, ``allocate(_:)`` or ``allocateCommitted(_:)``, with
    /// the size it was asked for.
    static func release(_ start: UnsafeMutableRawPointer, _ byteCount: Int) {
        munmap(start, roundedToPages(byteCount))
    }

    private static func map(_ byteCount: Int, protection: Int32, flags: Int32) -> UnsafeMutableRawPointer? {
        #if canImport(Darwin)
        let anonymous = MAP_ANON
        #else
        let anonymous = MAP_ANONYMOUS
        #endif
        let address = mmap(nil, byteCount, protection, MAP_PRIVATE | anonymous | flags, -1, 0)
        // MAP_FAILED is `(void *)-1`, a macro Swift does not import.
        guard let address, UInt(bitPattern: address) != UInt.max else { return nil }
        return address
    }
}
