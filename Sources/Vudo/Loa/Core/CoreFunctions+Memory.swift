extension CoreFunctions {
    static func addMemory(to loa: inout LoaBuilder) {
        // The ABI reports a failed allocation as 0 rather than trapping; the guest decides.
        loa.function("vudo_alloc", capability: .alloc) { (context, size: UInt32) -> UInt32 in
            (try? context.allocator.zeroed(Int(size))) ?? 0
        }
        loa.function("vudo_free", capability: .alloc) { (context, pointer: UInt32, _: UInt32) in
            if pointer != 0 { try context.allocator.free(pointer) }
        }
        loa.function("vudo_realloc", capability: .alloc) {
            (context, pointer: UInt32, oldSize: UInt32, newSize: UInt32) -> UInt32 in
            do throws(MemoryError) {
                return try context.allocator.realloc(pointer, oldSize: Int(oldSize), newSize: Int(newSize))
            } catch .outOfMemory, .growthExceedsMaximum, .allocatorFailed {
                return 0
            }
        }
    }
}
