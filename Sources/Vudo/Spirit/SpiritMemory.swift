/// A Spirit's ``MemoryManager`` seen from outside its actor: the same operations, each one hop to
/// the actor (so `await`). To do several in one hop, use ``Spirit/withMemory(_:)``.
public struct SpiritMemory: Sendable {
    let spirit: Spirit
    /// The exported memory this value works on; nil for the Spirit's default memory.
    var exportName: String? = nil

    /// One hop to the Spirit's actor with this memory's manager.
    private func withManager<R: Sendable, E: Error>(
        _ body: @Sendable (MemoryManager) throws(E) -> R
    ) async throws(E) -> R {
        if let exportName { return try await spirit.withMemory(named: exportName, body) }
        return try await spirit.withMemory(body)
    }

    public var pageCount: UInt64 { get async { await withManager { $0.pageCount } } }
    public var byteCount: Int { get async { await withManager { $0.byteCount } } }
    public var maximumPages: UInt64 { get async { await withManager { $0.maximumPages } } }
    /// The guest export host allocations use, or nil for the host's bump allocator.
    public var guestAllocatorName: String? { get async { await withManager { $0.guestAllocatorName } } }

    @discardableResult
    public func grow(pages: UInt64) async throws(MemoryError) -> UInt64 {
        try await withManager { (memory) throws(MemoryError) in try memory.grow(pages: pages) }
    }

    public func alloc(_ size: Int, alignment: Int = 8) async throws(MemoryError) -> UInt32 {
        try await withManager { (memory) throws(MemoryError) in try memory.alloc(size, alignment: alignment) }
    }

    public func free(_ pointer: UInt32) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.free(pointer) }
    }

    public func reset() async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.reset() }
    }

    public func readBytes(at address: UInt32, count: Int) async throws(MemoryError) -> [UInt8] {
        try await withManager { (memory) throws(MemoryError) in try memory.readBytes(at: address, count: count) }
    }

    public func writeBytes(_ bytes: [UInt8], at address: UInt32) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.writeBytes(bytes, at: address) }
    }

    public func copy(from source: UInt32, to destination: UInt32, count: Int) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in
            try memory.copy(from: source, to: destination, count: count)
        }
    }

    public func fill(_ byte: UInt8, at address: UInt32, count: Int) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.fill(byte, at: address, count: count) }
    }

    public func load<T: MemoryScalar>(_ type: T.Type = T.self, at address: UInt32) async throws(MemoryError) -> T {
        try await withManager { (memory) throws(MemoryError) in try memory.load(type, at: address) }
    }

    public func store<T: MemoryScalar>(_ value: T, at address: UInt32) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.store(value, at: address) }
    }

    public func encodeString(_ string: String) async throws(MemoryError) -> UInt32 {
        try await withManager { (memory) throws(MemoryError) in try memory.encodeString(string) }
    }

    public func decodeString(at pointer: UInt32) async throws(MemoryError) -> String {
        try await withManager { (memory) throws(MemoryError) in try memory.decodeString(at: pointer) }
    }

    public func writeRawString(_ string: String) async throws(MemoryError) -> (pointer: UInt32, length: UInt32) {
        try await withManager { (memory) throws(MemoryError) in try memory.writeRawString(string) }
    }

    public func readRawString(at pointer: UInt32, length: UInt32) async throws(MemoryError) -> String {
        try await withManager { (memory) throws(MemoryError) in
            try memory.readRawString(at: pointer, length: length)
        }
    }

    public func readGene(_ layout: GeneLayout, at pointer: UInt32) async throws(MemoryError) -> GeneValues {
        try await withManager { (memory) throws(MemoryError) in try memory.readGene(layout, at: pointer) }
    }

    public func writeGene(_ values: GeneValues, as layout: GeneLayout, at pointer: UInt32) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in
            try memory.writeGene(values, as: layout, at: pointer)
        }
    }

    public func allocateGene(_ values: GeneValues, as layout: GeneLayout) async throws(MemoryError) -> UInt32 {
        try await withManager { (memory) throws(MemoryError) in try memory.allocateGene(values, as: layout) }
    }

    public func readGene<G: Gene>(_ type: G.Type, at pointer: UInt32) async throws(MemoryError) -> G {
        try await withManager { (memory) throws(MemoryError) in try memory.readGene(type, at: pointer) }
    }

    public func writeGene<G: Gene>(_ gene: G, at pointer: UInt32) async throws(MemoryError) {
        try await withManager { (memory) throws(MemoryError) in try memory.writeGene(gene, at: pointer) }
    }

    public func allocateGene<G: Gene>(_ gene: G) async throws(MemoryError) -> UInt32 {
        try await withManager { (memory) throws(MemoryError) in try memory.allocateGene(gene) }
    }
}
