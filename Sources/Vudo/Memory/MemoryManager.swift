/// A Spirit's linear memory as the host sees it: bounds-checked byte and number access, an
/// allocator that never overwrites guest data, strings (see `MemoryManager+Strings.swift`) and
/// genes (see `MemoryManager+Genes.swift`).
///
/// Every operation checks its whole range before touching anything, so a failure throws a
/// ``MemoryError`` and leaves memory unchanged. A manager belongs to one Spirit and is used on its
/// actor: reach it through ``Spirit/memory`` or ``Spirit/withMemory(_:)``, or from a host function's
/// ``HostContext``.

import WasmCore

public final class MemoryManager {
    // Unowned: the store holds the host functions that hold this manager.
    private unowned let store: Store
    private var address: MemoryAddress?
    private var instance: Instance?
    private var bump = BumpAllocator()
    private var guestAllocator: GuestAllocator?
    /// Set while the guest's allocator runs: if it calls back into the host for memory (an exported
    /// `alloc` built on the imported `vudo_alloc`), the host serves that from its bump allocator
    /// instead of recursing into the guest's.
    private var insideGuestAllocator = false

    init(store: Store) { self.store = store }

    /// A manager of one given memory, without a guest allocator (a guest's allocator serves its
    /// default memory only).
    init(store: Store, memory: MemoryAddress) {
        self.store = store
        address = memory
    }

    /// Adopts the memory at `address` unless one is known already (imported memory, host calls).
    func use(_ address: MemoryAddress) {
        if self.address == nil { self.address = address }
    }

    /// Completes the manager once instantiation succeeded: finds an exported memory and allocator.
    func attach(_ instance: Instance) {
        self.instance = instance
        if address == nil {
            for (_, value) in instance.exportList {
                if case .memory(let exported) = value {
                    address = exported
                    break
                }
            }
        }
        guestAllocator = GuestAllocator.find(in: instance, store: store)
    }

    package func memoryInstance() throws(MemoryError) -> MemoryInstance {
        guard let address else { throw .noMemory }
        return store.memory(address)
    }

    // MARK: Size

    /// Current size in 64 KiB pages (0 without a memory).
    public var pageCount: UInt64 { address.map { store.memory($0).pageCount } ?? 0 }
    /// Current size in bytes (0 without a memory).
    public var byteCount: Int { address.map { store.memory($0).byteCount } ?? 0 }
    /// The most pages the memory may grow to (its own maximum, capped by the options).
    public var maximumPages: UInt64 { address.map { store.memory($0).maxPages } ?? 0 }

    /// Grows the memory by `pages`, as the guest's `memory.grow` would; returns the old page count.
    @discardableResult
    public func grow(pages: UInt64) throws(MemoryError) -> UInt64 {
        let memory = try memoryInstance()
        guard let old = memory.grow(pages: pages) else {
            throw .growthExceedsMaximum(requested: pages, current: memory.pageCount, maximum: memory.maxPages)
        }
        return old
    }

    // MARK: Allocation

    /// The name of the guest export host allocations go through, or nil when the host's own
    /// ``BumpAllocator`` serves them.
    public var guestAllocatorName: String? { guestAllocator?.allocName }

    /// Regions the bump allocator reserved (empty when the guest's allocator is used).
    public var hostRegions: [Range<UInt64>] { bump.regions }

    /// Reserves `size` bytes aligned to `alignment` and returns their address.
    ///
    /// Uses the Spirit's exported allocator (`vudo_alloc`, `alloc` or `malloc`) when there is one;
    /// otherwise a ``BumpAllocator`` over pages grown for the host, past everything the guest has.
    /// A zero-byte allocation returns a valid, aligned address that takes no space.
    public func alloc(_ size: Int, alignment: Int = 8) throws(MemoryError) -> UInt32 {
        guard size >= 0 else { throw .invalidSize(size) }
        guard alignment > 0, alignment <= 65536, alignment & (alignment - 1) == 0 else {
            throw .invalidAlignment(alignment)
        }
        guard UInt64(size) <= UInt64(UInt32.max) else { throw .outOfMemory(requested: UInt64(size)) }
        let memory = try memoryInstance()
        if var guest = guestAllocator, !insideGuestAllocator {
            insideGuestAllocator = true
            defer {
                guestAllocator = guest
                insideGuestAllocator = false
            }
            let pointer = try guest.allocate(size: UInt32(size), alignment: UInt32(alignment), store: store)
            guard UInt64(pointer) + UInt64(size) <= UInt64(memory.byteCount) else {
                try? guest.free(pointer, store: store)
                throw .allocatorFailed("\(guest.allocName) returned \(pointer), outside the memory")
            }
            return pointer
        }
        let start = try bump.allocate(
            size: UInt64(size), alignment: UInt64(alignment), memoryEnd: UInt64(memory.byteCount)
        ) { (pages: UInt64) throws(MemoryError) in
            guard memory.grow(pages: pages) != nil else { throw .outOfMemory(requested: UInt64(size)) }
        }
        guard start <= UInt64(UInt32.max) else { throw .outOfMemory(requested: UInt64(size)) }
        return UInt32(start)
    }

    /// Releases an allocation. With the guest's allocator this calls its `free`; with the bump
    /// allocator it does nothing (``reset()`` reclaims all at once).
    public func free(_ pointer: UInt32) throws(MemoryError) {
        guard var guest = guestAllocator, !insideGuestAllocator else { return }
        insideGuestAllocator = true
        defer {
            guestAllocator = guest
            insideGuestAllocator = false
        }
        try guest.free(pointer, store: store)
    }

    /// Releases every host allocation: the bump region starts over, or each allocation still held
    /// from the guest's allocator is freed. Earlier pointers must not be used afterwards.
    public func reset() throws(MemoryError) {
        if var guest = guestAllocator {
            defer { guestAllocator = guest }
            try guest.reset(store: store)
        } else {
            bump.reset()
        }
    }

    /// Allocates room for `bytes` and copies them in.
    public func allocate(bytes: [UInt8], alignment: Int = 1) throws(MemoryError) -> UInt32 {
        let pointer = try alloc(bytes.count, alignment: alignment)
        try writeBytes(bytes, at: pointer)
        return pointer
    }

    // MARK: Bytes

    /// Checks that `[address, address + count)` lies inside the memory.
    func checkRange(_ address: UInt64, count: UInt64) throws(MemoryError) -> MemoryInstance {
        let memory = try memoryInstance()
        let size = UInt64(memory.byteCount)
        guard address <= size, count <= size - address else {
            throw .outOfBounds(address: address, count: count, memorySize: size)
        }
        return memory
    }

    public func readBytes(at address: UInt32, count: Int) throws(MemoryError) -> [UInt8] {
        guard count >= 0 else { throw .invalidSize(count) }
        let memory = try checkRange(UInt64(address), count: UInt64(count))
        guard let bytes = memory.read(at: Int(address), count: count) else {
            throw .outOfBounds(address: UInt64(address), count: UInt64(count), memorySize: UInt64(memory.byteCount))
        }
        return bytes
    }

    public func writeBytes(_ bytes: [UInt8], at address: UInt32) throws(MemoryError) {
        let memory = try checkRange(UInt64(address), count: UInt64(bytes.count))
        guard memory.write(bytes, at: Int(address)) else {
            throw .outOfBounds(
                address: UInt64(address), count: UInt64(bytes.count), memorySize: UInt64(memory.byteCount))
        }
    }

    /// Copies `count` bytes inside the memory; overlapping ranges copy as `memory.copy` does.
    public func copy(from source: UInt32, to destination: UInt32, count: Int) throws(MemoryError) {
        guard count >= 0 else { throw .invalidSize(count) }
        // Both ranges are checked before either is touched.
        _ = try checkRange(UInt64(destination), count: UInt64(count))
        let bytes = try readBytes(at: source, count: count)
        try writeBytes(bytes, at: destination)
    }

    /// Fills `count` bytes at `address` with `byte`.
    public func fill(_ byte: UInt8, at address: UInt32, count: Int) throws(MemoryError) {
        guard count >= 0 else { throw .invalidSize(count) }
        try writeBytes([UInt8](repeating: byte, count: count), at: address)
    }

    // MARK: Numbers

    /// Loads a little-endian number; unaligned addresses are allowed, as in WebAssembly.
    public func load<T: MemoryScalar>(_ type: T.Type = T.self, at address: UInt32) throws(MemoryError) -> T {
        T(littleEndianBytes: try readBytes(at: address, count: T.byteSize)[...])
    }

    /// Stores a little-endian number.
    public func store<T: MemoryScalar>(_ value: T, at address: UInt32) throws(MemoryError) {
        try writeBytes(value.littleEndianBytes, at: address)
    }
}
