import Testing
import Vudo

@Suite struct MemoryBoundsTests {
    @Test func theLastValidByteIsReachableAndOnePastIsNot() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        let last = UInt32(await memory.byteCount - 1)
        try await memory.store(UInt8(0xAB), at: last)
        #expect(try await memory.load(UInt8.self, at: last) == 0xAB)
        await #expect(throws: MemoryError.outOfBounds(address: 65536, count: 1, memorySize: 65536)) {
            try await memory.store(UInt8(1), at: last + 1)
        }
        await #expect(throws: MemoryError.outOfBounds(address: 65536, count: 1, memorySize: 65536)) {
            _ = try await memory.load(UInt8.self, at: last + 1)
        }
    }

    @Test func aWiderAccessEndingPastTheEndFailsWithoutWritingAnything() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        let address: UInt32 = 65536 - 4
        try await memory.store(UInt32(0x1122_3344), at: address)
        // An i64 at the same place would run 4 bytes past the end: refused whole.
        await #expect(throws: MemoryError.outOfBounds(address: 65532, count: 8, memorySize: 65536)) {
            try await memory.store(UInt64.max, at: address)
        }
        #expect(try await memory.load(UInt32.self, at: address) == 0x1122_3344)
        await #expect(throws: MemoryError.self) { try await memory.writeBytes([1, 2, 3, 4, 5], at: address) }
        #expect(try await memory.readBytes(at: address, count: 4) == [0x44, 0x33, 0x22, 0x11])
        // The highest addresses do not wrap around.
        await #expect(throws: MemoryError.self) { _ = try await memory.readBytes(at: UInt32.max, count: 2) }
    }

    @Test func typedLoadsAndStoresAreLittleEndian() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            try memory.store(Int32(-2), at: 100)
            #expect(try memory.readBytes(at: 100, count: 4) == [0xFE, 0xFF, 0xFF, 0xFF])
            try memory.store(Int64(0x0102_0304_0506_0708), at: 104)
            #expect(try memory.readBytes(at: 104, count: 8) == [8, 7, 6, 5, 4, 3, 2, 1])
            #expect(try memory.load(Int64.self, at: 104) == 0x0102_0304_0506_0708)
            try memory.store(Int16(-300), at: 120)
            #expect(try memory.load(Int16.self, at: 120) == -300)
            try memory.store(Float(1.5), at: 124)
            #expect(try memory.load(Float.self, at: 124) == 1.5)
            try memory.store(Double.pi, at: 129)  // unaligned is fine, as in wasm
            #expect(try memory.load(Double.self, at: 129) == .pi)
            try memory.store(true, at: 140)
            #expect(try memory.load(UInt32.self, at: 140) == 1)
            #expect(try memory.load(Bool.self, at: 140))
        }
    }

    @Test func copiesHandleOverlapAndCheckBothRanges() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        try await memory.writeBytes([1, 2, 3, 4, 5], at: 200)
        try await memory.copy(from: 200, to: 202, count: 5)
        #expect(try await memory.readBytes(at: 200, count: 7) == [1, 2, 1, 2, 3, 4, 5])
        await #expect(throws: MemoryError.self) { try await memory.copy(from: 200, to: 65534, count: 5) }
        await #expect(throws: MemoryError.self) { try await memory.copy(from: 65534, to: 200, count: 5) }
        #expect(try await memory.readBytes(at: 200, count: 7) == [1, 2, 1, 2, 3, 4, 5])
    }

    @Test func aSpiritWithoutMemoryReportsIt() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        await #expect(throws: MemoryError.noMemory) { _ = try await calculator.memory.alloc(8) }
        await #expect(throws: MemoryError.noMemory) { _ = try await calculator.memory.load(Int32.self, at: 0) }
    }
}

@Suite struct MemoryGrowthTests {
    @Test func growingToExactlyTheMaximumWorksAndOnePageMoreFails() async throws {
        let math = try await Fixtures.load("math.wasm")  // (memory 1 4)
        let memory = math.memory
        #expect(try await memory.grow(pages: 3) == 1)
        #expect(await memory.pageCount == 4)
        await #expect(throws: MemoryError.growthExceedsMaximum(requested: 1, current: 4, maximum: 4)) {
            try await memory.grow(pages: 1)
        }
        #expect(await memory.pageCount == 4)
        #expect(try await memory.grow(pages: 0) == 4)
    }

    @Test func theGuestSeesPagesTheHostGrew() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.memory.grow(pages: 1)
        let old: Int32 = try await math.call("grow", Int32(0))
        #expect(old == 2)
    }
}

@Suite struct AllocationTests {
    @Test func hostAllocationsNeverOverwriteGuestData() async throws {
        // math.wasm exports no allocator: the host grows its own pages past the guest's.
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        #expect(await memory.guestAllocatorName == nil)
        let guestPage = try await memory.readBytes(at: 0, count: 65536)
        #expect(guestPage[1024..<1034].elementsEqual("guest data".utf8))
        var pointers: [UInt32] = []
        for size in [1, 16, 100, 4096] {
            let pointer = try await memory.alloc(size)
            try await memory.fill(0xFF, at: pointer, count: size)
            pointers.append(pointer)
        }
        #expect(pointers.allSatisfy { $0 >= 65536 })
        #expect(await memory.pageCount == 2)
        #expect(try await memory.readBytes(at: 0, count: 65536) == guestPage)
    }

    @Test func allocationsAreAlignedAndDisjoint() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            let a = try memory.alloc(3, alignment: 1)
            let b = try memory.alloc(8, alignment: 8)
            let c = try memory.alloc(2, alignment: 2)
            let d = try memory.alloc(4, alignment: 16)
            #expect(b % 8 == 0 && c % 2 == 0 && d % 16 == 0)
            #expect(a + 3 <= b && b + 8 <= c && c + 2 <= d)
            #expect(throws: MemoryError.invalidAlignment(3)) { _ = try memory.alloc(4, alignment: 3) }
            #expect(throws: MemoryError.invalidAlignment(0)) { _ = try memory.alloc(4, alignment: 0) }
            #expect(throws: MemoryError.invalidSize(-1)) { _ = try memory.alloc(-1) }
        }
    }

    @Test func zeroSizeAllocationsGiveValidAddressesThatTakeNoSpace() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            let empty = try memory.alloc(0)
            #expect(empty != 0)
            #expect(empty % 8 == 0)
            let next = try memory.alloc(1, alignment: 1)
            #expect(next == empty)
            #expect(try memory.readBytes(at: empty, count: 0) == [])
        }
    }

    @Test func hugeAllocationsFailCleanly() async throws {
        let math = try await Fixtures.load("math.wasm")  // at most 4 pages
        let memory = math.memory
        await #expect(throws: MemoryError.outOfMemory(requested: 4 * 65536)) { _ = try await memory.alloc(4 * 65536) }
        await #expect(throws: MemoryError.outOfMemory(requested: 1 << 40)) { _ = try await memory.alloc(1 << 40) }
        #expect(await memory.pageCount == 1)
        // Exactly what is left still fits: 3 pages of host region.
        let pointer = try await memory.alloc(3 * 65536)
        #expect(pointer == 65536)
        #expect(await memory.pageCount == 4)
        await #expect(throws: MemoryError.outOfMemory(requested: 1)) { _ = try await memory.alloc(1) }
    }

    @Test func resetReclaimsTheBumpRegion() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            let first = try memory.alloc(1000)
            let second = try memory.alloc(1000)
            #expect(second > first)
            try memory.free(second)  // a no-op for the bump allocator
            try memory.reset()
            #expect(try memory.alloc(1000) == first)
            #expect(memory.pageCount == 2)
        }
    }

    @Test func theRegionGrowsAndIsReusedAfterReset() async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            let a = try memory.alloc(60_000)
            let b = try memory.alloc(60_000)  // extends the region by a page
            #expect(memory.pageCount == 3)
            #expect(memory.hostRegions == [65536..<196_608])
            try memory.reset()
            #expect(try memory.alloc(60_000) == a)
            #expect(try memory.alloc(60_000) == b)
            #expect(memory.pageCount == 3)
        }
    }

    @Test func pagesTheGuestGrewAfterTheRegionStayTheGuests() async throws {
        let math = try await Fixtures.load("math.wasm")
        let first = try await math.memory.alloc(60_000)
        let guestPage: Int32 = try await math.call("grow", Int32(1))  // the guest takes page 2
        #expect(guestPage == 2)
        let second = try await math.memory.alloc(60_000)
        #expect(first == 65536)
        #expect(second == 3 * 65536)
    }

    @Test func theGuestsExportedAllocatorIsUsedWhenPresent() async throws {
        let spirit = try await Fixtures.load("allocator.wasm")
        let memory = spirit.memory
        #expect(await memory.guestAllocatorName == "alloc")
        let a = try await memory.alloc(10)
        let b = try await memory.alloc(10)
        #expect(a == 4096)
        #expect(b == 4112)
        let next: Int32 = try await spirit.call("next")
        #expect(next == 4122)
        #expect(await memory.pageCount == 1)  // nothing grown: the guest's heap serves the host
        try await memory.free(a)
        #expect(try await spirit.call("free_count", returning: Int32.self) == 1)
        await #expect(throws: MemoryError.unknownAllocation(a)) { try await memory.free(a) }
        try await memory.reset()  // frees b
        #expect(try await spirit.call("free_count", returning: Int32.self) == 2)
    }

    @Test func theGuestAllocatorsAlignmentIsMadeGood() async throws {
        let spirit = try await Fixtures.load("allocator.wasm")
        let aligned = try await spirit.memory.alloc(4, alignment: 64)
        #expect(aligned % 64 == 0)
        try await spirit.memory.free(aligned)
    }

    @Test func theGuestAllocatorRunningOutIsOutOfMemory() async throws {
        let spirit = try await Fixtures.load("allocator.wasm")
        await #expect(throws: MemoryError.outOfMemory(requested: 200_000)) {
            _ = try await spirit.memory.alloc(200_000)
        }
    }
}
