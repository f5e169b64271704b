extension DOLABI {
    static func addRandomness(to loa: inout LoaBuilder) {
        loa.function("vudo_random", capability: .random) { (context) -> Double in context.random.nextUnitDouble() }
        loa.function("vudo_random_bytes", capability: .random) { (context, pointer: UInt32, length: UInt32) in
            // Checked before drawing, so a bad range costs no randomness (and no 4 GiB buffer).
            _ = try context.memory.checkRange(UInt64(pointer), count: UInt64(length))
            try context.memory.writeBytes(context.random.bytes(Int(length)), at: pointer)
        }
    }
}
