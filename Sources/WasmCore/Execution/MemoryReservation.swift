import Synchronization

/// The address space one linear memory holds: a `PROT_NONE` reservation whose first `committed`
/// bytes are readable and writable (the memory's current size).
///
/// A memory reserves as much as it may ever grow to (its maximum, capped by the engine's limit and
/// by a shared budget), so growing only commits pages, and the base never moves. A wasm32 memory
/// without a maximum reserves 4 GiB: 10,000 of them take 40 TiB of the 128 TiB that x86-64 and
/// arm64 Linux give a process, and nothing resident. So that memories cannot take all of it (the
/// rest of the process allocates from the same space), reservations past ``processLimit`` in
/// total, or ones the kernel refuses (`RLIMIT_AS`), shrink to the pages the memory starts with;
/// such a memory moves, by copying, when it grows past them.
struct MemoryReservation {
    private(set) var base: UnsafeMutableRawPointer
    /// Bytes of address space at `base`.
    private(set) var reservedBytes: Int
    /// Bytes from `base` that are readable and writable.
    private(set) var committedBytes = 0

    /// How much address space all memories of the process may reserve together: half the 47-bit
    /// user address space.
    static let processLimit = 64 << 40
    private static let processReserved = Atomic<Int>(0)
    /// Address space all memories of the process reserve now.
    static var totalReserved: Int { processReserved.load(ordering: .relaxed) }

    /// Reserves `wanted` bytes, or only `needed` when the process has reserved too much already,
    /// and commits the first `needed`; nil when even that is refused.
    init?(wanted: Int, needed: Int) {
        let needed = VirtualMemory.roundedToPages(needed)
        let wanted = max(VirtualMemory.roundedToPages(wanted), needed)
        // A pooled reservation is charged already.
        if let pooled = ReservationPool.take(wanted) {
            base = pooled
            reservedBytes = wanted
            if commit(upTo: needed, wanted: wanted) { return }
            release()
            return nil
        }
        if wanted > needed, Self.charge(wanted, limit: Self.processLimit) {
            if let base = VirtualMemory.reserve(wanted) {
                self.base = base
                reservedBytes = wanted
                if commit(upTo: needed, wanted: wanted) { return }
                release()
                return nil
            }
            Self.uncharge(wanted)
        }
        // Needed bytes are charged even past the limit: the memory could not exist without them.
        guard Self.charge(needed, limit: Int.max) else { return nil }
        // Reserved and committed at once: one system call.
        guard let base = VirtualMemory.allocateCommitted(needed) else {
            Self.uncharge(needed)
            return nil
        }
        self.base = base
        reservedBytes = needed
        committedBytes = needed
    }

    /// Makes the first `byteCount` bytes usable, moving to a larger reservation (of `wanted` bytes
    /// if the process can spare them) when this one is too small. The bytes committed before keep
    /// their contents; new ones are zero. false, with nothing changed, when that fails.
    mutating func commit(upTo byteCount: Int, wanted: Int) -> Bool {
        guard byteCount > committedBytes else { return true }
        if byteCount > reservedBytes {
            guard var larger = MemoryReservation(wanted: wanted, needed: byteCount) else { return false }
            larger.base.copyMemory(from: base, byteCount: committedBytes)
            swap(&self, &larger)
            larger.release()
            return true
        }
        guard VirtualMemory.commit(base + committedBytes, byteCount - committedBytes) else { return false }
        committedBytes = byteCount
        return true
    }

    /// Gives the reservation back (to ``ReservationPool``, or unmapped); nothing may use it
    /// afterwards.
    func release() {
        if ReservationPool.give(base, reservedBytes, committed: committedBytes) { return }
        VirtualMemory.release(base, reservedBytes)
        Self.uncharge(reservedBytes)
    }

    private static func charge(_ bytes: Int, limit: Int) -> Bool {
        var current = processReserved.load(ordering: .relaxed)
        while true {
            guard bytes <= limit, current <= limit - bytes else { return false }
            let (exchanged, original) = processReserved.compareExchange(
                expected: current, desired: current + bytes, ordering: .relaxed)
            if exchanged { return true }
            current = original
        }
    }

    private static func uncharge(_ bytes: Int) {
        processReserved.subtract(bytes, ordering: .relaxed)
    }
}
