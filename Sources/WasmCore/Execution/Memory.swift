/// A linear memory: raw bytes the interpreter addresses with one bounds check per access.
///
/// The bytes live in a reservation of address space as large as the memory may grow: pages are
/// committed as the memory grows, read as zero until written, and only the ones written become
/// resident. Growing never copies and keeps the base address, except for a memory that could not
/// reserve its maximum (past 64 TiB of reservations in one process), which moves when it grows.
public final class MemoryInstance {
    static let pageSize = 65536

    /// Base pointer and size in bytes, read by the interpreter without going through the class.
    let state: UnsafeMutablePointer<MemoryState>
    public let type: MemoryType
    /// The most pages this memory may ever have (its own maximum capped by the engine's).
    public let maxPages: UInt64

    let budget: MemoryBudget?
    private var reservation: MemoryReservation
    /// What the reservation should cover: as far as the memory may grow.
    private let wantedBytes: Int

    init(type: MemoryType, engineLimit: UInt64, budget: MemoryBudget? = nil) throws(InstantiationError) {
        self.type = type
        // 32-bit addresses reach 65,536 pages; 64-bit ones as far as the engine allows.
        maxPages = min(type.limits.max ?? UInt64.max, engineLimit, type.is64 ? UInt64(Int.max / Self.pageSize) : 65536)
        guard type.limits.min <= maxPages else {
            throw InstantiationError(
                .limit, "memory of \(type.limits.min) pages exceeds the limit of \(maxPages) pages")
        }
        if let budget, !budget.reserve(type.limits.min) {
            throw InstantiationError(
                .limit,
                "memory of \(type.limits.min) pages exceeds the shared memory budget of \(budget.maxPages) pages")
        }
        // A shared budget smaller than the maximum is as far as this memory can ever grow.
        wantedBytes = Int(min(maxPages, budget?.maxPages ?? maxPages)) * Self.pageSize
        let bytes = Int(type.limits.min) * Self.pageSize
        guard let reservation = MemoryReservation(wanted: wantedBytes, needed: bytes) else {
            budget?.release(type.limits.min)
            throw InstantiationError(.limit, "cannot allocate \(bytes) bytes of memory")
        }
        self.budget = budget
        self.reservation = reservation
        state = .allocate(capacity: 1)
        state.initialize(to: MemoryState(base: reservation.base, byteCount: UInt64(bytes)))
    }

    deinit {
        budget?.release(pageCount)
        reservation.release()
        state.deallocate()
    }

    public var pageCount: UInt64 { state.pointee.byteCount / UInt64(Self.pageSize) }
    public var byteCount: Int { Int(state.pointee.byteCount) }

    /// Grows by `delta` pages; returns the old page count, or nil when the limit forbids it.
    func grow(by delta: UInt64) -> UInt64? {
        let old = pageCount
        guard delta <= maxPages, old + delta <= maxPages else { return nil }
        if delta == 0 { return old }
        if let budget, !budget.reserve(delta) { return nil }
        let newBytes = Int(old + delta) * Self.pageSize
        guard reservation.commit(upTo: newBytes, wanted: wantedBytes) else {
            budget?.release(delta)
            return nil
        }
        state.pointee = MemoryState(base: reservation.base, byteCount: UInt64(newBytes))
        return old
    }

    /// Address space this memory has reserved, in bytes (at least its size).
    var reservedByteCount: Int { reservation.reservedBytes }

    /// Copies bytes in, bounds-checked; false when the range is out of bounds.
    public func write(_ bytes: some Collection<UInt8>, at offset: Int) -> Bool {
        guard offset >= 0, UInt64(offset) + UInt64(bytes.count) <= state.pointee.byteCount else { return false }
        let destination = state.pointee.base + offset
        // One bulk copy when the bytes are contiguous (arrays, slices, buffers).
        let copied: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            if let source = buffer.baseAddress { destination.copyMemory(from: source, byteCount: buffer.count) }
        }
        if copied == nil {
            var cursor = destination.assumingMemoryBound(to: UInt8.self)
            for byte in bytes {
                cursor.pointee = byte
                cursor += 1
            }
        }
        return true
    }

    /// Copies bytes out, bounds-checked; nil when the range is out of bounds.
    public func read(at offset: Int, count: Int) -> [UInt8]? {
        guard offset >= 0, count >= 0, UInt64(offset) + UInt64(count) <= state.pointee.byteCount else { return nil }
        let start = state.pointee.base.assumingMemoryBound(to: UInt8.self) + offset
        return Array(UnsafeBufferPointer(start: start, count: count))
    }
}

struct MemoryState {
    var base: UnsafeMutableRawPointer
    var byteCount: UInt64
}
