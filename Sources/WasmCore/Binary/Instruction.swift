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
    /// A heap type's code: negative for an abstract type (`func` is -0x10), else a type index.
    case heapType(Int64)
    case tryTable(BlockType, [CatchClause])
    /// `br_on_cast(_fail)`: bit 0 of `flags` makes the source nullable, bit 1 the target.
    case castBranch(flags: UInt8, label: UInt32, source: Int64, target: Int64)
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

/// The abstract heap types' codes (as signed LEB128 values) and the feature each belongs to.
enum HeapTypeCode {
    /// The feature a heap-type code needs beyond WebAssembly 2.0's `func` and `extern`, or nil
    /// for a code that is no heap type at all.
    static func feature(of code: Int64) -> WasmFeature? {
        switch code {
        case 0...: .functionReferences
        case -0x17, -0x0C: .exceptionHandling  // exn, noexn
        case -0x16 ... -0x12, -0x0F ... -0x0D: .gc  // array ... any, none, noextern, nofunc
        default: nil
        }
    }

    /// The text format's name of a heap type code: an abstract type's keyword, or the type index.
    static func name(of code: Int64) -> String {
        switch code {
        case -0x10: "func"
        case -0x11: "extern"
        case -0x12: "any"
        case -0x13: "eq"
        case -0x14: "i31"
        case -0x15: "struct"
        case -0x16: "array"
        case -0x17: "exn"
        case -0x0C: "noexn"
        case -0x0D: "nofunc"
        case -0x0E: "noextern"
        case -0x0F: "none"
        default: String(code)
        }
    }
}
