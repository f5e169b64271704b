/// An instruction as the translator emits it, before assembly: the operation and its operand
/// fields at full width, so that the translator's rewrites (fusions, retargeting) can read and
/// change them. `c` holds `c32` for operations whose layout has it. Assembly checks that every
/// field fits its bits and stores the handler.
struct EmittedInstruction: Equatable {
    var op: InternalOp
    var a: UInt32
    var b: UInt32
    var c: UInt32
    var d: UInt32

    init(_ op: InternalOp, _ a: UInt32 = 0, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0) {
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.d = d
    }

    /// The field an operand sits in (`c32` is `c`, which holds all 32 bits until assembly).
    subscript(field field: InternalOperand.Field) -> UInt32 {
        get {
            switch field {
            case .a: a
            case .b: b
            case .c, .c32: c
            case .d: d
            }
        }
        set {
            switch field {
            case .a: a = newValue
            case .b: b = newValue
            case .c, .c32: c = newValue
            case .d: d = newValue
            }
        }
    }

    /// The function a direct call names, whose entry its data word holds once installed.
    var directCallee: UInt32? {
        switch op {
        case .call, .callDefined, .returnCall: c
        case .i32AddImmCallDefined: d
        default: nil
        }
    }

    /// Slots are named in 16 bits: a frame has at most this many.
    static let slotLimit = 1 << 16

    /// The 16-byte instruction the interpreter runs. A data word keeps 32 bits in `a` (bits 0-31)
    /// and `c32`.
    func assembled() throws(TranslationError) -> Inst {
        let handler = InternalOp.handlers[Int(op.rawValue)]
        if op == .data { return Inst(handler: handler, operands: UInt64(a) | UInt64(c) << 32) }
        guard a < 1 << 16, b < 1 << 16, op.usesWideC || (c < 1 << 16 && d < 1 << 16) else {
            throw .operandTooWide(String(describing: op))
        }
        let high = op.usesWideC ? UInt64(c) << 32 : UInt64(c) << 32 | UInt64(d) << 48
        return Inst(handler: handler, operands: UInt64(a) | UInt64(b) << 16 | high)
    }
}

/// A function the interpreter cannot represent (a resource limit of the engine, not an invalid
/// module).
enum TranslationError: Error, CustomStringConvertible {
    case frameTooLarge(slots: Int, limit: Int)
    case operandTooWide(String)

    var description: String {
        switch self {
        case .frameTooLarge(let slots, let limit):
            "the function needs \(slots) frame slots; the interpreter addresses at most \(limit)"
        case .operandTooWide(let op): "an operand of \(op) does not fit its field"
        }
    }
}
