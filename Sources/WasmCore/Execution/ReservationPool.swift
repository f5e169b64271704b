import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Released memory reservations, kept for the next memory of the same size: unmapping a 4 GiB
/// reservation walks its page tables (about 20 µs, four times a small mapping's cost), and a new
/// one is another `mmap`. Spirits that come and go then cost one `mmap` over their committed
/// pages to release and one `mprotect` to reuse.
///
/// A released reservation's committed part is replaced by a fresh inaccessible mapping
/// (`MAP_FIXED`): its pages and their commit charge go back to the system at once, and it reads as
/// zero when committed again. Linux only; elsewhere reservations are unmapped.
enum ReservationPool {
    /// Address space the pool may hold: 2,048 reservations of 4 GiB.
    static let capacity = 8 << 40

    private struct State {
        var free: [Int: [UInt]] = [:]
        var bytes = 0
    }
    private static let state = Mutex(State())

    /// A pooled reservation of exactly `byteCount` bytes, all of it inaccessible; nil when none.
    static func take(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        #if os(Linux)
        let address = state.withLock { state -> UInt in
            guard let address = state.free[byteCount]?.popLast() else { return 0 }
            state.bytes -= byteCount
            return address
        }
        return UnsafeMutableRawPointer(bitPattern: address)
        #else
        return nil
        #endif
    }

    /// Keeps a reservation of `byteCount` bytes whose first `committed` bytes were accessible;
    /// false when the pool is full or the reset failed (the caller unmaps it then).
    static func give(_ base: UnsafeMutableRawPointer, _ byteCount: Int, committed: Int) -> Bool {
        #if os(Linux)
        let admitted = state.withLock { state -> Bool in
            guard state.bytes <= capacity - byteCount else { return false }
            state.bytes += byteCount
            return true
        }
        guard admitted else { return false }
        if committed > 0 {
            let flags = MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED
            let reset = mmap(base, committed, PROT_NONE, flags, -1, 0)
            guard let reset, UInt(bitPattern: reset) != UInt.max else {
                state.withLock { $0.bytes -= byteCount }
                return false
            }
        }
        let address = UInt(bitPattern: base)
        state.withLock { $0.free[byteCount, default: []].append(address) }
        return true
        #else
        return false
        #endif
    }
}
