/// What a Loa's host function sees of the Spirit calling it. Valid only during that call.
public struct HostContext {
    /// The calling Spirit's log name (its file name, or ``SpiritOptions/name``).
    public let spiritName: String?
    /// The calling Spirit's memory: bounds-checked reads and writes, strings, genes.
    public let memory: MemoryManager
    /// Allocation in the calling Spirit's memory, through its own allocator when it exports one.
    public var allocator: SpiritAllocator { SpiritAllocator(memory: memory) }
    /// Receives diagnostics; standard error by default.
    public let logger: SpiritLogger
    /// Whether the Spirit was loaded with ``SpiritOptions/debug`` on.
    public let debug: Bool
    /// Where printed text goes; standard output by default.
    public let output: OutputSink
    /// Wall-clock and monotonic time, replaceable for reproducible runs.
    public let time: TimeSource
    /// The calling Spirit's own random number generator (from ``SpiritOptions/random``).
    public let random: SpiritRandomGenerator
    /// Receives what the Spirit emits through the core Loa's `vudo_emit_effect(id, payload)`.
    public let effects: EffectHandler
    /// Receives the JSON effects and subscriptions of the DOL ABI's `vudo_emit_effect(ptr, len)`
    /// and `vudo_subscribe(ptr, len)`.
    public let effectHub: EffectHub
    /// Called by the DOL ABI's `vudo_breakpoint()`; nil to only log it in debug runs.
    let breakpoint: BreakpointHook?
    /// The Spirit's place on its Séance's message bus; nil for a Spirit loaded alone.
    let messaging: MessageEndpoint?
    /// When the running call must end (``ResourceLimits/timeout``), for host functions that wait.
    let deadline: ContinuousClock.Instant?

    /// Logs `message` prefixed with the Spirit's name, as the Spirit's own debug lines are.
    public func log(_ message: String) {
        logger.log(spiritName.map { "[\($0)] \(message)" } ?? message)
    }
}

/// A Spirit's allocator as a host function uses it: the Spirit's exported `vudo_alloc`, `alloc` or
/// `malloc` when it has one, else the host's ``BumpAllocator``.
public struct SpiritAllocator {
    let memory: MemoryManager

    /// The guest export allocations go through, or nil for the host's bump allocator.
    public var guestAllocatorName: String? { memory.guestAllocatorName }

    /// Reserves `size` bytes and returns their address.
    public func alloc(_ size: Int, alignment: Int = 8) throws(MemoryError) -> UInt32 {
        try memory.alloc(size, alignment: alignment)
    }

    /// Releases an allocation (a no-op for the bump allocator).
    public func free(_ pointer: UInt32) throws(MemoryError) { try memory.free(pointer) }

    /// Moves an allocation of `oldSize` bytes to one of `newSize`, keeping the common prefix and
    /// zeroing the rest. A zero `pointer` is a plain allocation. The old block is freed only once
    /// the new one exists, so a failure leaves it valid.
    public func realloc(_ pointer: UInt32, oldSize: Int, newSize: Int, alignment: Int = 8) throws(MemoryError) -> UInt32
    {
        guard pointer != 0 else { return try zeroed(newSize, alignment: alignment) }
        // Read first: an out-of-range old block fails before anything is allocated.
        let kept = try memory.readBytes(at: pointer, count: min(oldSize, newSize))
        let moved = try zeroed(newSize, alignment: alignment)
        try memory.writeBytes(kept, at: moved)
        try memory.free(pointer)
        return moved
    }

    /// Reserves `size` zeroed bytes (a reused bump region may hold old data).
    public func zeroed(_ size: Int, alignment: Int = 8) throws(MemoryError) -> UInt32 {
        let pointer = try memory.alloc(size, alignment: alignment)
        try memory.fill(0, at: pointer, count: size)
        return pointer
    }
}
