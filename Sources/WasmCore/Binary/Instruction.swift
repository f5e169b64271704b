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
    case memory(MemoryArgument)
    case memoryLane(MemoryArgument, lane: UInt8)
    case i32(Int32)
    case i64(Int64)
    /// Raw IEEE bits, so that NaN payloads survive.
    case f32(UInt32)
    case f64(UInt64)
    /// `ref.null`'s type, and the target of `ref.test` and `ref.cast` (whose opcode says whether
    /// null is included).
    case heapType(HeapType)
    case tryTable(BlockType, [CatchClause])
    /// `br_on_cast(_fail)`: bit 0 of `flags` makes the source nullable, bit 1 the target.
    case castBranch(flags: UInt8, label: UInt32, source: HeapType, target: HeapType)
    case v128(V128)
    case lane(UInt8)
    case shuffle(V128)
}

/// The memory operand of a load or store: which memory, the static offset added to the address,
/// and the alignment hint (as a power of two).
public struct MemoryArgument: Sendable, Hashable {
    public var align: UInt32
    public var offset: UInt64
    public var memory: UInt32

    public init(align: UInt32, offset: UInt64, memory: UInt32 = 0) {
        self.align = align
        self.offset = offset
        self.memory = memory
    }
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

/// One handler of a `try_table`.
public struct CatchClause: Sendable, Hashable {
    public enum Kind: UInt8, Sendable, Hashable {
        case `catch` = 0
        case catchRef = 1
        case catchAll = 2
        case catchAllRef = 3

        var hasTag: Bool { self == .catch || self == .catchRef }

        /// The clause's keyword in the text format.
        public var name: String {
            switch self {
            case .catch: "catch"
            case .catchRef: "catch_ref"
            case .catchAll: "catch_all"
            case .catchAllRef: "catch_all_ref"
            }
        }
    }
    public var kind: Kind
    public var tag: UInt32?
    public var label: UInt32
}
