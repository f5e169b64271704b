/// The description of one internal instruction: the single source from which WasmCore's
/// `InternalOp` enum, its metadata (text, operand layout, translation forms) and the handlers of
/// the regular families are generated (see docs/interpreter.md, "Adding an instruction").
public struct InstructionSpec: Sendable {
    /// The Swift case name (`i32Add`), also the handler's name suffix (`executeI32Add`).
    public var name: String
    /// The name in internal-code listings (`i32.add`).
    public var text: String
    /// The operands, in the order listings show them.
    public var operands: [Operand]
    /// How the handler comes about.
    public var implementation: Implementation
    /// The wasm instruction this one implements one-to-one (an `Opcode` case name), if any.
    public var wasm: String?
    /// Instructions that follow this one as extra operand words (never dispatched).
    public var dataWords = 0
    /// The form of this instruction with an immediate second operand.
    public var immediateForm: String?
    /// The fused compare-and-branch taken when this comparison holds / does not hold.
    public var branchForm: (taken: String, negated: String)?
    /// For a compare-and-branch: the one testing the same with its operands swapped (`x < y` is
    /// `y > x`).
    public var swappedForm: String?
    /// The form of this load or store whose address is `x + K`, wrapping to 32 bits.
    public var addressSumForm: String?
    /// For a superinstruction: the two instructions it replaces.
    public var fusion: Fusion?
    /// A handwritten branch whose target is in its data word (the families that have one say so
    /// themselves).
    public var targetInDataWord = false
    /// The operation whose handler this one uses, for an operation that computes exactly what
    /// another computes on slot bits (`f32.load` is `i32.load`; `z + x * y` is `x * y + z`).
    /// Sharing is not only smaller: the optimizer would merge such twins itself, and the merged
    /// function's callers call it instead of jumping to it, which breaks the tail-call dispatch.
    public var sharesHandlerWith: String?

    public init(
        _ name: String, _ text: String, _ operands: [Operand], _ implementation: Implementation,
        wasm: String? = nil, dataWords: Int = 0
    ) {
        self.name = name
        self.text = text
        self.operands = operands
        self.implementation = implementation
        self.wasm = wasm
        self.dataWords = dataWords
    }

    /// This handwritten row as the superinstruction that replaces `producer` followed by
    /// `consumer`, which reads the producer's result as its first operand (see `fusion`).
    public func fusing(_ producer: String, into consumer: String, targetInDataWord: Bool = false) -> InstructionSpec {
        var row = self
        row.fusion = Fusion(producer: producer, consumer: consumer, producerIsFirst: true)
        row.targetInDataWord = targetInDataWord
        return row
    }

    /// Whether the instruction only computes its result operand from other slots (no branch,
    /// call, store, global or memory write, no data word). The translator may move other
    /// computations across such an instruction when it does not write what they read.
    public var writesOnlyResult: Bool {
        guard dataWords == 0, operands.first?.role == .result else { return false }
        switch implementation {
        case .family(let family): return family.isPure
        case .handwritten(let pure): return pure
        }
    }

    /// Whether the 32-bit field `c32` (bits 32-63) is used, rather than the 16-bit `c` and `d`.
    public var usesWideC: Bool { operands.contains { $0.field == .c32 } }
}

/// Where an operand sits in the instruction's 64 operand bits.
public enum Field: String, Sendable {
    /// Bits 0-15, 16-31, 32-47 and 48-63.
    case a, b, c, d
    /// Bits 32-63 (instead of `c` and `d`).
    case c32
}

/// What an operand means.
public enum Role: Sendable, Equatable {
    /// The slot the instruction writes.
    case result
    /// A slot the instruction reads.
    case slot
    /// An immediate value, as listings show it.
    case immediate
    /// A signed immediate (16 or 32 bits, sign-extended).
    case signedImmediate
    /// A branch target, relative to this instruction, signed.
    case target
    /// An index into an instance's functions, globals, tables, segments, or into the store's types.
    case index(String)
}

public struct Operand: Sendable {
    public var field: Field
    public var role: Role
    /// The name listings and comments use.
    public var name: String

    public init(_ field: Field, _ role: Role, _ name: String) {
        self.field = field
        self.role = role
        self.name = name
    }
}

public enum Implementation: Sendable {
    /// Written by hand as `execute<Name>` in Sources/WasmCore/Execution/Handlers; `pure` when it
    /// only computes its result (see `writesOnlyResult`).
    case handwritten(pure: Bool)
    /// Generated from a family template.
    case family(Family)
}

/// A value type as the handlers read and write it in slots.
public enum ValueKind: String, Sendable {
    case i32, i64, f32, f64

    /// The Swift type a handler computes with.
    public var swiftType: String {
        switch self {
        case .i32: "UInt32"
        case .i64: "UInt64"
        case .f32: "Float"
        case .f64: "Double"
        }
    }
}

/// A v128 as the handlers compute with it: the Swift SIMD type of one lane interpretation. A v128
/// lies in two consecutive slots (low 8 bytes first); handlers load and store it whole.
public enum VectorKind: String, Sendable {
    case i8x16 = "SIMD16<Int8>", u8x16 = "SIMD16<UInt8>"
    case i16x8 = "SIMD8<Int16>", u16x8 = "SIMD8<UInt16>"
    case i32x4 = "SIMD4<Int32>", u32x4 = "SIMD4<UInt32>"
    case i64x2 = "SIMD2<Int64>", u64x2 = "SIMD2<UInt64>"
    case f32x4 = "SIMD4<Float>", f64x2 = "SIMD2<Double>"

    /// The Swift type a handler computes with.
    public var swiftType: String { rawValue }

    /// Lanes, and bytes per lane.
    public var laneCount: Int {
        switch self {
        case .i8x16, .u8x16: 16
        case .i16x8, .u16x8: 8
        case .i32x4, .u32x4, .f32x4: 4
        case .i64x2, .u64x2, .f64x2: 2
        }
    }
    public var laneBytes: Int { 16 / laneCount }

    /// The scalar type of one lane.
    public var laneType: String {
        switch self {
        case .i8x16: "Int8"
        case .u8x16: "UInt8"
        case .i16x8: "Int16"
        case .u16x8: "UInt16"
        case .i32x4: "Int32"
        case .u32x4: "UInt32"
        case .i64x2: "Int64"
        case .u64x2: "UInt64"
        case .f32x4: "Float"
        case .f64x2: "Double"
        }
    }
}

/// The regular shapes of instruction whose handlers are generated. Expressions are Swift, over
/// `x`, `y` and `z` of the operand kinds (and `v` for a loaded value).
public enum Family: Sendable {
    /// `a = expression(x)`, x from slot b.
    case unary(operand: ValueKind, result: ValueKind, expression: String, traps: Bool)
    /// `a = expression(x, y)`, x from slot b, y from slot c (or the immediate `c32`).
    case binary(operand: ValueKind, result: ValueKind, expression: String, traps: Bool, immediate: Bool)
    /// `a = expression(x, y, z)` from slots b, c, d.
    case ternary(kind: ValueKind, expression: String)
    /// Branch to `target` when `condition(x, y)` holds: x from slot a, y from slot b (or the
    /// immediate in b, sign-extended), target in c32.
    case compareBranch(kind: ValueKind, condition: String, immediate: Bool)
    /// Branch when `condition(x)` holds, x from slot a.
    case testBranch(kind: ValueKind, condition: String)
    /// `a = load(address)`: the address is slot b plus the offset c32 (no wrap), or with
    /// `wrappingSum`, slot b plus c32 wrapping to 32 bits.
    case load(result: ValueKind, memoryType: String, conversion: String, wrappingSum: Bool)
    /// `store(address, value)`: address from slot a, value from slot b, offset (or wrapping addend) c32.
    case store(value: ValueKind, memoryType: String, conversion: String, wrappingSum: Bool)
    /// `a = expression(v, x)`: v loaded (f64) from slot c plus the offset d (no wrap, or a
    /// wrapping 16-bit addend with `wrappingSum`), x from slot b.
    case loadOperation(expression: String, wrappingSum: Bool)
    /// `a = expression(inputs)`, each input read from its field: an irregular pure computation
    /// (a fused bit-field extraction, a scaled address).
    case compute(result: ValueKind, inputs: [Input], expression: String)
    /// A loop counter step and its test: x (slot a) += step (b, signed 16 bits, or slot b with
    /// `stepInSlot`), then branch to the 16-bit target d when `condition(x, y)` holds, y from slot c
    /// (or the immediate c, sign-extended).
    case counterBranch(condition: String, stepInSlot: Bool, immediate: Bool, testsOnlyX: Bool)
    /// A sum and its comparison: branch when `condition(x, y)` holds, x the f64 sum of slots a and
    /// b, y from slot c; the target is in the data word, relative to the data word (so that a
    /// forward branch is patched there like any other).
    case sumBranch(condition: String)
    /// A loaded i32 (of `memoryType`, zero-extended) and its comparison: x loaded from slot b plus
    /// the offset d (no wrap) and kept in slot a, y from slot c (unless `testsOnlyX`); branch when `condition(x, y)` holds, to the
    /// target in the data word (as `sumBranch`).
    case loadBranch(condition: String, testsOnlyX: Bool, memoryType: String = "UInt32")
    /// Bits of an i32 tested: branch when `condition(x)` holds, x the i32 in slot a and-ed with
    /// the mask c32, to the target in the data word.
    case bitTestBranch(condition: String)

    // v128 families: x, y and z are vectors of their kind unless said otherwise.

    /// `a = expression(x)`, x from slot b.
    case vectorUnary(operand: VectorKind, result: VectorKind, expression: String)
    /// `a = expression(x)` of a scalar kind, x from slot b (`any_true`, `bitmask`).
    case vectorTest(operand: VectorKind, result: ValueKind, expression: String)
    /// `a = expression(x, y)`, x from slot b, y from slot c.
    case vectorBinary(operand: VectorKind, result: VectorKind, expression: String)
    /// `a = expression(x, y, z)`, from slots b, c, d (`z` of `third`'s kind).
    case vectorTernary(operand: VectorKind, third: VectorKind, result: VectorKind, expression: String)
    /// `a = expression(x, y)`, x a vector from slot b, y an i32 from slot c (shifts).
    case vectorShift(kind: VectorKind, expression: String)
    /// `a = expression(x)`, x a scalar from slot b.
    case splat(operand: ValueKind, result: VectorKind, expression: String)
    /// `a = conversion(v)`: v the lane `c` of the vector in slot b, of the kind's lane type.
    case extractLane(operand: VectorKind, result: ValueKind, conversion: String)
    /// `a` = the vector in slot b with lane `d` replaced by the scalar in slot c (truncated to the
    /// kind's lane type).
    case replaceLane(kind: VectorKind, operand: ValueKind)
    /// `a = expression(v)`, v of `memoryType` (`bytes` long) loaded from slot b plus the offset
    /// c32 (no wrap), or with `wrappingSum`, slot b plus c32 wrapping to 32 bits.
    case vectorLoad(result: VectorKind, memoryType: String, bytes: Int, expression: String, wrappingSum: Bool)
    /// Store the vector in slot b at slot a plus the offset c32 (or wrapping addend).
    case vectorStore(wrappingSum: Bool)
    /// `a` = the vector in slot c with lane `d` loaded from slot b plus the offset in the data word.
    case loadLane(kind: VectorKind)
    /// Store lane `c` of the vector in slot b at slot a plus the offset in the data word.
    case storeLane(kind: VectorKind)

    var isPure: Bool {
        switch self {
        case .unary, .binary, .ternary, .load, .loadOperation, .compute, .vectorUnary, .vectorTest, .vectorBinary,
            .vectorTernary, .vectorShift, .splat, .extractLane, .replaceLane, .vectorLoad:
            true
        case .compareBranch, .testBranch, .store, .counterBranch, .sumBranch, .loadBranch, .bitTestBranch,
            .vectorStore, .loadLane, .storeLane:
            false
        }
    }
}

/// An input of a `compute` instruction.
public struct Input: Sendable {
    public enum Source: Sendable {
        case slot(ValueKind)
        /// The field's bits, zero-extended.
        case unsigned
    }
    public var name: String
    public var field: Field
    public var source: Source

    public init(_ name: String, _ field: Field, _ source: Source) {
        self.name = name
        self.field = field
        self.source = source
    }
}

/// The pair a superinstruction replaces: `producer`'s result feeding `consumer`.
public struct Fusion: Sendable {
    public var producer: String
    public var consumer: String
    /// Whether the producer's result is the consumer's first operand; nil when either order
    /// fuses into this one form (the consumer commutes exactly).
    public var producerIsFirst: Bool?

    public init(producer: String, consumer: String, producerIsFirst: Bool?) {
        self.producer = producer
        self.consumer = consumer
        self.producerIsFirst = producerIsFirst
    }
}
