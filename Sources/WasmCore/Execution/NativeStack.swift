#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// How much native stack host functions that call back into the guest may use: each such
/// re-entry nests another interpreter frame on the native stack (about 4 KiB in a release build,
/// 40 KiB in a debug one). Guest-to-guest calls never use the native stack.
enum NativeStack {
    /// Headroom left untouched below the deepest re-entry: one debug interpreter frame plus what
    /// the host function and the embedder keep on the stack, with a wide margin.
    static let reserve: UInt = 256 * 1024

    /// The lowest address the running call chain may let its re-entries reach, given the address
    /// where the chain entered the store. Darwin reports the thread's stack exactly; elsewhere
    /// the chain may use `portableBudget`, counted from where it entered. Asked only when a host
    /// function re-enters the guest, so plain calls pay nothing.
    static func limit(enteredAt entry: UInt) -> UInt {
        #if canImport(Darwin)
        let thread = pthread_self()
        let top = UInt(bitPattern: pthread_get_stackaddr_np(thread))
        return top - UInt(pthread_get_stacksize_np(thread)) + reserve
        #else
        return entry > portableBudget ? entry - portableBudget : 0
        #endif
    }

    #if !canImport(Darwin)
    /// Half the stack size limit (threads get `RLIMIT_STACK`-sized stacks by default, 8 MiB on
    /// Linux), at most 4 MiB; read once per process.
    private static let portableBudget: UInt = {
        let eightMiB: UInt = 8 << 20
        var limits = rlimit()
        guard getrlimit(Int32(RLIMIT_STACK.rawValue), &limits) == 0 else { return eightMiB / 2 }
        // An unlimited limit (all bits set) falls to the 8 MiB cap like any large one.
        return min(UInt(truncatingIfNeeded: limits.rlim_cur), eightMiB) / 2
    }()
    #endif

    /// An address in the caller's stack frame.
    @inline(never)
    static func currentPosition() -> UInt {
        var marker: UInt8 = 0
        return withUnsafeMutablePointer(to: &marker) { UInt(bitPattern: $0) }
    }
}
