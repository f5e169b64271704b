/// Gives each distinct identifier one small integer, so that symbol tables are keyed by integers and
/// a lookup never copies the identifier's bytes out of the source.
struct NameInterner {
    private(set) var names: [[UInt8]] = []
    private var slots: [Int32]
    private var mask: Int

    init() {
        slots = [Int32](repeating: -1, count: 64)
        mask = 63
    }

    mutating func intern(_ bytes: ArraySlice<UInt8>) -> Int32 {
        var slot = Self.hash(bytes) & mask
        while slots[slot] >= 0 {
            let candidate = names[Int(slots[slot])]
            if candidate.count == bytes.count && candidate.elementsEqual(bytes) { return slots[slot] }
            slot = (slot + 1) & mask
        }
        let id = Int32(names.count)
        names.append(Array(bytes))
        slots[slot] = id
        if names.count * 2 > slots.count { grow() }
        return id
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        slots = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (id, name) in names.enumerated() {
            var slot = Self.hash(name[...]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }
}
