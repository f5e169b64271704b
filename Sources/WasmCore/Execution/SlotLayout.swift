// How values lie in frame slots: every value takes one 64-bit slot, except a v128, which takes two
// consecutive slots (its low 8 bytes first). Parameters, locals, operands, results and constants
// are laid out one after the other by these widths.

extension ValueType {
    /// Frame slots a value of this type takes.
    var slotWidth: Int { self == .v128 ? 2 : 1 }
}

extension Array where Element == ValueType {
    /// Slots that values of these types take, one after the other.
    var slotCount: Int {
        var count = 0
        for type in self { count += type.slotWidth }
        return count
    }

    /// Each value's first slot, relative to the first value's.
    var slotOffsets: [Int] {
        var offsets: [Int] = []
        offsets.reserveCapacity(count)
        var offset = 0
        for type in self {
            offsets.append(offset)
            offset += type.slotWidth
        }
        return offsets
    }
}

extension FunctionBody {
    /// Slots the declared locals (not the parameters) take.
    var localSlotCount: Int {
        var count = 0
        for (n, type) in zip(localCounts, localTypes) { count += Int(n) * type.slotWidth }
        return count
    }
}
