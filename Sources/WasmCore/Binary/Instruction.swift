/// One decoded instruction: its opcode and the immediates the opcode table says follow it.
public struct Instruction: Sendable, Hashable {
    public var opcode: Opcode
    public var immediate: Immediate
    /// Byte offset of the opcode in the module binary.
    public var offset: Int

    public init(_ opcode: Opcode, _ immediate: Immediate = .none, offset: Int = 0) {
        self.opcode = opcode
        self.immediate = immediate
        self.offset = offset
    }
}

/// Decoded immediate operands; which case appears is fixed by the opcode's ``ImmediateKind``.
public enum Immediate: Sendable, Hashable {
    case none
    case blockType(BlockType)
    /// A single index: label, function, local, global, table, data or element.
    case index(UInt32)
    /// Two indices: `call_indirect` (type, table), `memory.init` (data, memory),
    /// `table.init` (element, table), `table.copy` / `memory.copy` (destination, source).
    case indexPair(UInt32, UInt32)
    case branchTable(targets: [UInt32], defaultTarget: UInt32)
    case selectTypes([ValueType])
    case memory(align: UInt32, offset: UInt64)
    case memoryLane(align: UInt32, offset: UInt64, lane: UInt8)
    case i32(Int32)
    case i64(Int64)
    /// Raw IEEE bits, so that NaN payloads survive.
    case f32(UInt32)
    case f64(UInt64)
    case referenceType(ValueType)
    case v128(V128)
    case lane(UInt8)
    case shuffle(V128)
}

/// A 128-bit vector value as 16 little-endian bytes.
public struct V128: Sendable, Hashable {
    public var low: UInt64
    public var high: UInt64
    public init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }
    public func byte(_ i: Int) -> UInt8 {
        i < 8 ? UInt8(truncatingIfNeeded: low >> UInt64(8 * i)) : UInt8(truncatingIfNeeded: high >> UInt64(8 * (i - 8)))
    }
}
