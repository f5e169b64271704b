import Testing

@testable import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Linear memories and a store's stacks are mapped from the kernel: they cost only the pages that
/// are touched, and memories grow in place.
@Suite struct MemoryReservationTests {
    private func memory(_ store: Store, min: UInt64, max: UInt64?) throws -> MemoryInstance {
        store.memory(try store.addMemory(MemoryType(limits: Limits(min: min, max: max))))
    }

    private func base(_ memory: MemoryInstance) -> UInt { UInt(bitPattern: memory.state.pointee.base) }

    @Test func growingKeepsTheBaseAndTheContents() throws {
        let store = Store()
        let memory = try memory(store, min: 1, max: nil)
        let before = base(memory)
        #expect(memory.write([1, 2, 3], at: 65533))
        #expect(memory.grow(pages: 1000) == 1)
        #expect(base(memory) == before)
        #expect(memory.read(at: 65533, count: 3) == [1, 2, 3])
        #expect(memory.byteCount == 1001 * 65536)
    }

    @Test func aMemoryReservesItsMaximumOnly() throws {
        let store = Store()
        #expect(try memory(store, min: 1, max: 3).reservedByteCount == 3 * 65536)
        #expect(try memory(store, min: 0, max: 0).reservedByteCount >= VirtualMemory.pageSize)
        var configuration = EngineConfiguration()
        configuration.maxMemoryPages = 16
        #expect(try memory(Store(configuration: configuration), min: 1, max: nil).reservedByteCount == 16 * 65536)
        configuration.memoryBudget = MemoryBudget(maxPages: 4)
        // A shared budget is as far as the memory can grow.
        #expect(try memory(Store(configuration: configuration), min: 1, max: nil).reservedByteCount == 4 * 65536)
    }

    @Test func newPagesAreZero() throws {
        let store = Store()
        let memory = try memory(store, min: 1, max: 8)
        #expect(memory.write([UInt8](repeating: 0xAB, count: 65536), at: 0))
        #expect(memory.grow(pages: 7) == 1)
        let grown = try #require(memory.read(at: 65536, count: 7 * 65536))
        #expect(grown.allSatisfy { $0 == 0 })
        #expect(memory.read(at: 65535, count: 1) == [0xAB])
        #expect(memory.grow(pages: 1) == nil)
        #expect(memory.read(at: 8 * 65536 - 1, count: 2) == nil)
    }

    @Test func aMemoryThatCouldNotReserveItsMaximumMovesWhenItGrows() throws {
        // What a memory gets once the process has reserved too much: only the pages it starts with.
        var reservation = try #require(MemoryReservation(wanted: 65536, needed: 65536))
        defer { reservation.release() }
        #expect(reservation.committedBytes == 65536)
        reservation.base.storeBytes(of: 0x1234_5678, toByteOffset: 65532, as: UInt32.self)
        let before = reservation.base
        let grown = reservation.commit(upTo: 3 * 65536, wanted: 4 * 65536)
        #expect(grown)
        #expect(reservation.base != before)
        #expect(reservation.reservedBytes == 4 * 65536)
        #expect(reservation.committedBytes == 3 * 65536)
        #expect(reservation.base.load(fromByteOffset: 65532, as: UInt32.self) == 0x1234_5678)
        #expect(reservation.base.load(fromByteOffset: 3 * 65536 - 8, as: UInt64.self) == 0)
    }

    #if os(Linux)
    @Test func untouchedPagesAreNotResident() throws {
        let store = Store()
        // 64 MiB committed: resident only where written.
        let memory = try memory(store, min: 1024, max: nil)
        #expect(try residentPages(memory.state.pointee.base, memory.byteCount) == 0)
        #expect(memory.write([1], at: 40 << 20))
        #expect(try residentPages(memory.state.pointee.base, memory.byteCount) == 1)
        #expect(memory.grow(pages: 1024) == 1024)
        #expect(try residentPages(memory.state.pointee.base, memory.byteCount) == 1)
    }

    @Test func aStoreStackCostsNothingUntilUsed() throws {
        let store = Store()
        let slots = store.execution.valueStackEnd - store.execution.valueStack
        #expect(slots == EngineConfiguration().valueStackSlots)
        #expect(try residentPages(UnsafeMutableRawPointer(store.execution.valueStack), slots * 8) == 0)
    }

    @Test func aLargeTableOfNullsCostsNothingUntilWritten() throws {
        let store = Store()
        let address = try store.addTable(TableType(elementType: .funcref, limits: Limits(min: 10_000_000)))
        let table = store.table(address)
        #expect(table.count == 10_000_000)
        let elements = UnsafeMutableRawPointer(table.storage.pointee.elements)
        #expect(try residentPages(elements, 10_000_000 * 8) == 0)
        #expect(table[9_999_999] == 0)
    }

    @Test func aReleasedReservationComesBackZeroedAndNotResident() throws {
        // An odd size, so that the pooled reservation is most likely this test's own.
        let wanted = 13 * 65536
        for _ in 0..<3 {
            var reservation = try #require(MemoryReservation(wanted: wanted, needed: 2 * 65536))
            #expect(reservation.reservedBytes == wanted)
            #expect(reservation.committedBytes == 2 * 65536)
            #expect(try residentPages(reservation.base, wanted) == 0)
            #expect(reservation.base.load(fromByteOffset: 65536, as: UInt64.self) == 0)
            reservation.base.storeBytes(of: 0xDEAD_BEEF, toByteOffset: 65536, as: UInt64.self)
            let grown = reservation.commit(upTo: 5 * 65536, wanted: wanted)
            #expect(grown)
            #expect(reservation.base.load(fromByteOffset: 4 * 65536, as: UInt64.self) == 0)
            reservation.base.storeBytes(of: 0xDEAD_BEEF, toByteOffset: 4 * 65536, as: UInt64.self)
            reservation.release()
        }
    }

    @Test func aReleasedStackComesBackZeroedAndNotResident() throws {
        let size = 1 << 20
        var blocks: [UnsafeMutableRawPointer] = []
        for _ in 0..<4 {
            let block = try #require(StackArena.take(size))
            block.storeBytes(of: 0xDEAD_BEEF, toByteOffset: 4096, as: UInt64.self)
            blocks.append(block)
        }
        for block in blocks { StackArena.give(block, size) }
        // Whichever blocks come back (other tests take stacks too), none keeps what was written.
        for _ in 0..<4 {
            let block = try #require(StackArena.take(size))
            #expect(block.load(fromByteOffset: 4096, as: UInt64.self) == 0)
            #expect(try residentPages(block, size) <= 1)
            StackArena.give(block, size)
        }
    }

    /// How many host pages of `[start, start + byteCount)` are resident, from mincore(2).
    private func residentPages(_ start: UnsafeMutableRawPointer, _ byteCount: Int) throws -> Int {
        let pages = (byteCount + VirtualMemory.pageSize - 1) / VirtualMemory.pageSize
        var vector = [UInt8](repeating: 0, count: pages)
        let status = vector.withUnsafeMutableBufferPointer { mincore(start, byteCount, $0.baseAddress) }
        try #require(status == 0, "mincore failed: errno \(errno)")
        return vector.reduce(0) { $0 + Int($1 & 1) }
    }
    #endif
}
