/// The Spirit's own allocator, used for host allocations when it exports one, so host and guest
/// share one heap and never overlap.

import WasmCore

struct GuestAllocator {
    /// Export pairs tried in order; the first whose `alloc` is `(i32) -> i32` wins.
    static let exportNames = [("vudo_alloc", "vudo_free"), ("alloc", "free"), ("malloc", "free")]

    let allocName: String
    let allocFunction: FunctionAddress
    let freeFunction: FunctionAddress?
    /// `vudo_free(ptr, size)` takes the size; C's `free(ptr)` does not.
    let freeTakesSize: Bool
    /// Host allocations not yet freed: the aligned pointer handed out, to what the guest returned.
    var live: [UInt32: (base: UInt32, size: UInt32)] = [:]

    /// Finds an allocator among the instance's exports.
    static func find(in instance: Instance, store: Store) -> GuestAllocator? {
        for (allocName, freeName) in exportNames {
            guard let alloc = instance.exportedFunction(allocName),
                store.functionType(alloc) == FunctionType(parameters: [.i32], results: [.i32])
            else { continue }
            var free = instance.exportedFunction(freeName)
            let freeType = free.map(store.functionType)
            let takesSize = freeType == FunctionType(parameters: [.i32, .i32], results: [])
            if !takesSize, freeType != FunctionType(parameters: [.i32], results: []) { free = nil }
            return GuestAllocator(
                allocName: allocName, allocFunction: alloc, freeFunction: free, freeTakesSize: takesSize)
        }
        return nil
    }

    mutating func allocate(size: UInt32, alignment: UInt32, store: Store) throws(MemoryError) -> UInt32 {
        // malloc(0) may return 0, which would read as failure.
        let requested = max(size, 1)
        let pointer = try callAlloc(requested, store: store)
        if pointer % alignment == 0 {
            live[pointer] = (pointer, requested)
            return pointer
        }
        // The guest aligned less than asked: give it back and over-allocate.
        try callFree(pointer, size: requested, store: store)
        let (padded, overflow) = requested.addingReportingOverflow(alignment - 1)
        guard !overflow else { throw .outOfMemory(requested: UInt64(size)) }
        let base = try callAlloc(padded, store: store)
        let aligned = UInt32((UInt64(base) + UInt64(alignment) - 1) & ~(UInt64(alignment) - 1))
        live[aligned] = (base, padded)
        return aligned
    }

    mutating func free(_ pointer: UInt32, store: Store) throws(MemoryError) {
        guard let allocation = live.removeValue(forKey: pointer) else { throw .unknownAllocation(pointer) }
        try callFree(allocation.base, size: allocation.size, store: store)
    }

    /// Frees every live host allocation.
    mutating func reset(store: Store) throws(MemoryError) {
        let allocations = live.values
        live = [:]
        for allocation in allocations { try callFree(allocation.base, size: allocation.size, store: store) }
    }

    private func callAlloc(_ size: UInt32, store: Store) throws(MemoryError) -> UInt32 {
        let results: [Value]
        do {
            results = try store.invoke(allocFunction, [.i32(size)])
        } catch {
            throw .allocatorFailed("\(allocName)(\(size)) trapped: \(error.reason)")
        }
        guard case .i32(let pointer) = results.first else { throw .allocatorFailed("\(allocName) returned no pointer") }
        guard pointer != 0 else { throw .outOfMemory(requested: UInt64(size)) }
        return pointer
    }

    private func callFree(_ pointer: UInt32, size: UInt32, store: Store) throws(MemoryError) {
        guard let freeFunction else { return }
        let arguments: [Value] = freeTakesSize ? [.i32(pointer), .i32(size)] : [.i32(pointer)]
        do {
            _ = try store.invoke(freeFunction, arguments)
        } catch {
            throw .allocatorFailed("free(\(pointer)) trapped: \(error.reason)")
        }
    }
}
