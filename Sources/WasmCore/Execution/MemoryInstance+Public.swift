extension MemoryInstance {
    /// Grows the memory by `pages` 64 KiB pages, as `memory.grow` would; returns the old page count,
    /// or nil when that would pass the memory's maximum (nothing changes then).
    public func grow(pages: UInt64) -> UInt64? { grow(by: pages) }
}
