import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Address space for stores' stacks, carved from a few large mappings and reused: creating a store
/// makes no system call, all stacks together are a handful of kernel mappings (a process may have
/// about 65,000), and a released stack gives its pages back to the system at once.
///
/// On Linux only, where `MADV_DONTNEED` drops pages immediately (they read as zero afterwards);
/// elsewhere every stack is a mapping of its own.
enum StackArena {
    /// Address space mapped at a time: about 3,900 stacks of the default size. `MAP_NORESERVE`, so
    /// it is neither resident nor charged until used.
    static let chunkSize = 64 << 30
    /// Larger stacks (a configuration far beyond the defaults) are mapped on their own.
    static let largestPooled = chunkSize / 64

    private struct State {
        /// Where the unused rest of the current chunk starts, and its size.
        var next: UInt = 0
        var remaining = 0
        /// Released stacks by size, ready to be handed out again.
        var released: [Int: [UInt]] = [:]
    }
    private static let state = Mutex(State())

    /// `byteCount` bytes of zeroed read/write memory; nil when the system refuses.
    static func take(_ byteCount: Int) -> UnsafeMutableRawPointer? {
        let byteCount = VirtualMemory.roundedToPages(byteCount)
        #if os(Linux)
        guard byteCount <= largestPooled else { return VirtualMemory.allocate(byteCount) }
        let address = state.withLock { state -> UInt in
            if let reused = state.released[byteCount]?.popLast() { return reused }
            if state.remaining < byteCount {
                // Where address space is limited (`ulimit -v`, strict overcommit, valgrind), the
                // stack is a mapping of its own; `give` pools it like any other.
                guard let chunk = VirtualMemory.allocate(chunkSize) else {
                    return VirtualMemory.allocate(byteCount).map { UInt(bitPattern: $0) } ?? 0
                }
                // One stack's first touch must not bring in a 2 MiB page where huge pages are
                // `always` on.
                madvise(chunk, chunkSize, MADV_NOHUGEPAGE)
                state.next = UInt(bitPattern: chunk)
                state.remaining = chunkSize
            }
            defer {
                state.next += UInt(byteCount)
                state.remaining -= byteCount
            }
            return state.next
        }
        return UnsafeMutableRawPointer(bitPattern: address)
        #else
        return VirtualMemory.allocate(byteCount)
        #endif
    }

    /// Takes back a stack from ``take(_:)`` with the size asked for then.
    static func give(_ start: UnsafeMutableRawPointer, _ byteCount: Int) {
        let byteCount = VirtualMemory.roundedToPages(byteCount)
        #if os(Linux)
        guard byteCount <= largestPooled else { return VirtualMemory.release(start, byteCount) }
        // The pages go back to the system now; the address space waits for the next store.
        madvise(start, byteCount, MADV_DONTNEED)
        let address = UInt(bitPattern: start)
        state.withLock { $0.released[byteCount, default: []].append(address) }
        #else
        VirtualMemory.release(start, byteCount)
        #endif
    }
}
