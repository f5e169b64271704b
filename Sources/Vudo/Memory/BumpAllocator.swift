/// The host's allocator for Spirits that export none: it hands out consecutive addresses from
/// regions of pages it grew itself, so the guest's data, stack and heap (all below the memory's end
/// when the region was taken) are never touched.
///
/// `free` is a no-op; ``reset()`` reclaims everything at once, keeping the pages for reuse.
public struct BumpAllocator: Sendable {
    static let pageSize: UInt64 = 65536

    /// Page-aligned byte ranges the host reserved by growing memory, oldest first.
    public private(set) var regions: [Range<UInt64>] = []
    private var regionIndex = 0
    private var cursor: UInt64 = 0

    public init() {}

    /// Reserves `size` bytes aligned to `alignment` (a power of two up to a page).
    ///
    /// - Parameters:
    ///   - memoryEnd: the memory's current size in bytes; new regions start there.
    ///   - grow: grows the memory by a number of pages, or throws when it cannot.
    /// - Returns: the address of the reserved bytes.
    mutating func allocate(
        size: UInt64, alignment: UInt64, memoryEnd: UInt64, grow: (UInt64) throws(MemoryError) -> Void
    ) throws(MemoryError) -> UInt64 {
        while regionIndex < regions.count {
            let region = regions[regionIndex]
            let start = Self.alignUp(max(cursor, region.lowerBound), alignment)
            if start + size <= region.upperBound {
                cursor = start + size
                return start
            }
            // The last region still ends at the memory's end: extend it rather than leave a gap.
            if regionIndex == regions.count - 1, region.upperBound == memoryEnd {
                let pages = Self.pages(for: start + size - memoryEnd)
                try grow(pages)
                regions[regionIndex] = region.lowerBound..<memoryEnd + pages * Self.pageSize
                cursor = start + size
                return start
            }
            regionIndex += 1
            cursor = regionIndex < regions.count ? regions[regionIndex].lowerBound : 0
        }
        // A fresh region at the memory's end; that is page-aligned, so any alignment holds there.
        let pages = max(1, Self.pages(for: size))
        try grow(pages)
        regions.append(memoryEnd..<memoryEnd + pages * Self.pageSize)
        regionIndex = regions.count - 1
        cursor = memoryEnd + size
        return memoryEnd
    }

    /// Forgets every allocation; the regions are reused from the first.
    public mutating func reset() {
        regionIndex = 0
        cursor = regions.first?.lowerBound ?? 0
    }

    /// Bytes handed out in the current region (for diagnostics and tests).
    public var bytesInUse: UInt64 {
        guard regionIndex < regions.count else { return 0 }
        return cursor - regions[regionIndex].lowerBound
    }

    static func alignUp(_ value: UInt64, _ alignment: UInt64) -> UInt64 {
        (value + alignment - 1) & ~(alignment - 1)
    }

    static func pages(for bytes: UInt64) -> UInt64 { (bytes + pageSize - 1) / pageSize }
}
