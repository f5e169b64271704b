import Testing
import Vudo

/// Messages count in words a reader would use: one byte, two bytes.
struct MessageWordingTests {
    @Test func oneIsSingularAndOtherCountsPlural() {
        #expect(
            MemoryError.outOfBounds(address: 65_536, count: 1, memorySize: 65_536).description
                == "out of bounds: 1 byte at 65536 in a memory of 65536 bytes")
        #expect(
            MemoryError.growthExceedsMaximum(requested: 1, current: 4, maximum: 4).description
                == "cannot grow by 1 page: 4 pages now, maximum 4")
        #expect(
            MemoryError.growthExceedsMaximum(requested: 2, current: 1, maximum: 2).description
                == "cannot grow by 2 pages: 1 page now, maximum 2")
        #expect(MemoryError.outOfMemory(requested: 1).description == "out of memory allocating 1 byte")
    }
}
