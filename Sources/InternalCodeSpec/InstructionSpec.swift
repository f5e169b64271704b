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
    /// The form of this load or store whose address is `x + K`, wrapping to 32 bits.
    public var addressSumForm: String?
    /// For a superinstruction: the two instructions it replaces.
    public var fusion: Fusion?
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

    var isPure: Bool {
        switch self {
        case .unary, .binary, .ternary, .load, .loadOperation, .compute: true
        case .compareBranch, .testBranch, .store, .counterBranch: false
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
