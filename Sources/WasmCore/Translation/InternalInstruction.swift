/// The interpreter's internal instruction: an operation and three 32-bit operands, 16 bytes.
///
/// Operands name frame slots (offsets from the frame pointer), immediates or code offsets; which is
/// which is documented per operation in `Op`. Instructions that need more than three operands
/// are followed by a second `Inst` holding the rest (`.data`). See docs/interpreter.md.
struct Inst {
    var op: Op
    var a: UInt32
    var b: UInt32
    var c: UInt32

    init(_ op: Op, _ a: UInt32 = 0, _ b: UInt32 = 0, _ c: UInt32 = 0) {
        self.op = op
        self.a = a
        self.b = b
        self.c = c
    }

    /// `c` of a direct `call`: the interpreter shares one case between `call` and `callIndirect`
    /// (whose `c` is a table index, always smaller) and tells them apart by it.
    static let noTable = UInt32.max
}

/// Operations of the internal code. Slot operands are frame offsets; `dst` receives the result.
enum Op: UInt16 {
    // Control.
    case unreachable            // trap
    case unsupported            // trap: a feature this interpreter does not execute
    case data                   // extra operands of the preceding instruction; never executed
    case checkpoint             // a: fuel to charge (wasm instructions up to the next checkpoint)
    // Branch targets are relative to the next instruction (an Int32 bit pattern).
    case br                     // a: target
    case brIf                   // a: condition slot, b: target (taken when non-zero)
    case brIfNot                // a: condition slot, b: target (taken when zero)
    case brTable                // a: index slot, b: entry count; followed by count+1 branch instructions
    case ret                    // return to the caller; results are in slots 0..<n
    case call                   // a: function index, b: frame base of the callee (its arguments), c: Inst.noTable
    case callIndirect           // a: index slot, b: callee frame base, c: table; data a: type id
    // Moves and constants.
    case copy                   // a: dst, b: src
    case const32                // a: dst, b: bits
    case const64                // a: dst, b: low bits, c: high bits
    case select                 // a: dst, b: value if true, c: value if false; data a: condition slot
    case globalGet              // a: dst, b: global index
    case globalSet              // a: src, b: global index
    case refFunc                // a: dst, b: function index
    // Memory and tables beyond plain loads and stores.
    case memorySize             // a: dst
    case memoryGrow             // a: dst, b: delta slot
    case memoryFill             // a: destination slot, b: value slot, c: length slot
    case memoryCopy             // a: destination slot, b: source slot, c: length slot
    case memoryInit             // a: destination slot, b: source slot, c: length slot; data a: segment
    case dataDrop               // a: segment
    case tableGet               // a: dst, b: index slot, c: table
    case tableSet               // a: table, b: index slot, c: value slot
    case tableSize              // a: dst, b: table
    case tableGrow              // a: dst, b: value slot, c: delta slot; data a: table
    case tableFill              // a: start slot, b: value slot, c: length slot; data a: table
    case tableCopy              // a: destination slot, b: source slot, c: length slot; data a: dst table, b: src table
    case tableInit              // a: destination slot, b: source slot, c: length slot; data a: segment, b: table
    case elemDrop               // a: segment
    // Superinstructions (see docs/interpreter.md): binary operations with an immediate second
    // operand (a: dst, b: operand slot, c: immediate) and fused compare-and-branch
    // (a: operand slot, b: operand slot or immediate, c: relative target).
    case i32AddImm
    case i32SubImm
    case i32MulImm
    case i32AndImm
    case i32OrImm
    case i32XorImm
    case i32ShlImm
    case i32ShrSImm
    case i32ShrUImm
    case i32EqImm
    case i32NeImm
    case i32LtSImm
    case i32LtUImm
    case i32GtSImm
    case i32GtUImm
    case i32LeSImm
    case i32LeUImm
    case i32GeSImm
    case i32GeUImm
    case brIfI32Eq
    case brIfI32EqImm
    case brIfI32Ne
    case brIfI32NeImm
    case brIfI32LtS
    case brIfI32LtSImm
    case brIfI32LtU
    case brIfI32LtUImm
    case brIfI32GtS
    case brIfI32GtSImm
    case brIfI32GtU
    case brIfI32GtUImm
    case brIfI32LeS
    case brIfI32LeSImm
    case brIfI32LeU
    case brIfI32LeUImm
    case brIfI32GeS
    case brIfI32GeSImm
    case brIfI32GeU
    case brIfI32GeUImm
    case brIfI32Eqz
    case brIfI32Nez
    case i64AddImm
    case i64SubImm
    case i64MulImm
    case i64AndImm
    case i64OrImm
    case i64XorImm
    case i64ShlImm
    case i64ShrSImm
    case i64ShrUImm
    case i64EqImm
    case i64NeImm
    case i64LtSImm
    case i64LtUImm
    case i64GtSImm
    case i64GtUImm
    case i64LeSImm
    case i64LeUImm
    case i64GeSImm
    case i64GeUImm
    case brIfI64Eq
    case brIfI64EqImm
    case brIfI64Ne
    case brIfI64NeImm
    case brIfI64LtS
    case brIfI64LtSImm
    case brIfI64LtU
    case brIfI64LtUImm
    case brIfI64GtS
    case brIfI64GtSImm
    case brIfI64GtU
    case brIfI64GtUImm
    case brIfI64LeS
    case brIfI64LeSImm
    case brIfI64LeU
    case brIfI64LeUImm
    case brIfI64GeS
    case brIfI64GeSImm
    case brIfI64GeU
    case brIfI64GeUImm
    case brIfI64Eqz
    case brIfI64Nez
    case brIfF32Eq
    case brIfF32Ne
    case brIfF32Lt
    case brIfF32NotLt
    case brIfF32Gt
    case brIfF32NotGt
    case brIfF32Le
    case brIfF32NotLe
    case brIfF32Ge
    case brIfF32NotGe
    case brIfF64Eq
    case brIfF64Ne
    case brIfF64Lt
    case brIfF64NotLt
    case brIfF64Gt
    case brIfF64NotGt
    case brIfF64Le
    case brIfF64NotLe
    case brIfF64Ge
    case brIfF64NotGe
    // Two copies in one dispatch, done in order: a <- b, then (c & 0xFFFF) <- (c >> 16). Runs of
    // copies are common where loop variables rotate and before calls.
    case copy2
    // Return with the single result in slot a (copied to slot 0 first).
    case retFrom
    // Loads and stores whose address is `i32.add x, K` with offset 0, the way clang addresses an
    // element it cannot prove in bounds: the address wraps to 32 bits like the add it replaces.
    // Loads: a: dst, b: slot of x, c: K. Stores: a: slot of x, b: value slot, c: K.
    case i32LoadAddImm
    case i64LoadAddImm
    case f32LoadAddImm
    case f64LoadAddImm
    case i32Load8SAddImm
    case i32Load8UAddImm
    case i32Load16SAddImm
    case i32Load16UAddImm
    case i32StoreAddImm
    case i64StoreAddImm
    case f32StoreAddImm
    case f64StoreAddImm
    case i32Store8AddImm
    case i32Store16AddImm
    // f64 multiply feeding an add or subtract, rounded twice like the two instructions (no FMA).
    // a: dst, b: the factors' slots (low | high << 16, both below 65536), c: the other operand.
    case f64MulAdd              // (b.low * b.high) + c
    case f64AddMul              // c + (b.low * b.high)
    case f64MulSub              // (b.low * b.high) - c
    case f64SubMul              // c - (b.low * b.high)
    case f64MulMul              // (b.low * b.high) * c
    case f64MulMulRight         // c * (b.low * b.high)
    // f64 add or subtract feeding an add, rounded twice like the two instructions; operands as above.
    case f64AddAdd              // (b.low + b.high) + c
    case f64AddAddRight         // c + (b.low + b.high)
    case f64SubAdd              // (b.low - b.high) + c
    case f64AddSub              // c + (b.low - b.high)
    // f64 arithmetic with one operand loaded from memory (offset c from the address in slot b.high,
    // no wrap: as `f64.load offset=c`); b.low is the other operand's slot (both below 65536).
    case f64LoadAdd             // m + b.low
    case f64AddLoad             // b.low + m
    case f64LoadSub             // m - b.low
    case f64SubLoad             // b.low - m
    case f64LoadMul             // m * b.low
    case f64MulLoad             // b.low * m
    // The same with the address a sum (x + c) wrapping to 32 bits, as `xLoadAddImm` computes it.
    case f64SumLoadAdd
    case f64AddSumLoad
    case f64SumLoadSub
    case f64SubSumLoad
    case f64SumLoadMul
    case f64MulSumLoad
    // `m += x` in memory, from an `f64AddLoad` whose sum is stored back where it was loaded.
    // a: address slot, b: x's slot, c: offset (no wrap, as the load and store).
    case f64AddToMemory
    // A loop counter's step and test: x += K (wrapping), then branch on x. a: x's slot | K << 16
    // (x below 65536, K a signed 16-bit step), b: the other operand (slot or immediate), c: target.
    case i32AddImmBrIfNe
    case i32AddImmBrIfNeImm
    case i32AddImmBrIfLtU
    case i32AddImmBrIfLtUImm
    case i32AddImmBrIfNez
    // The same with a step held in a slot: x += y, then branch on x. a: x | y << 16, b: other
    // operand (slot), c: target.
    case i32AddBrIfNe
    case i32AddBrIfLtU
    case i32AddBrIfLeU
    // (x >> s) & mask, a bit field: a: dst, b: x | s << 16 (x below 65536, s below 32), c: mask.
    case i32ShrUImmAndImm
    // (x << s) + y, an array element's address: a: dst, b: x | s << 16 (x below 65536, s below 32),
    // c: y's slot.
    case i32ShlImmAdd
    // An i32 operation feeding an add or xor (both commute exactly, so one form serves either
    // operand order): a: dst, b: the first operation's slots (low | high << 16, both below 65536),
    // c: the other operand's slot.
    case i32AddAdd              // (b.low + b.high) + c
    case i32MulAdd              // (b.low * b.high) + c
    case i32XorAdd              // (b.low ^ b.high) + c
    case i32RotlXor             // (b.low rotl b.high) ^ c
    // Numeric operations (a: dst, b: operand, c: second operand), loads (a: dst, b: address slot,
    // c: offset) and stores (a: address slot, b: value slot, c: offset), one per wasm opcode.
    // `writesOnlyOperandA` relies on the order: everything from i32Add to the last load computes
    // only its destination; the stores come last.
    case i32Add
    case i32Sub
    case i32Mul
    case i32DivS
    case i32DivU
    case i32RemS
    case i32RemU
    case i32And
    case i32Or
    case i32Xor
    case i32Shl
    case i32ShrS
    case i32ShrU
    case i32Rotl
    case i32Rotr
    case i64Add
    case i64Sub
    case i64Mul
    case i64DivS
    case i64DivU
    case i64RemS
    case i64RemU
    case i64And
    case i64Or
    case i64Xor
    case i64Shl
    case i64ShrS
    case i64ShrU
    case i64Rotl
    case i64Rotr
    case i32Eq
    case i64Eq
    case i32Ne
    case i64Ne
    case i32LtS
    case i64LtS
    case i32LtU
    case i64LtU
    case i32GtS
    case i64GtS
    case i32GtU
    case i64GtU
    case i32LeS
    case i64LeS
    case i32LeU
    case i64LeU
    case i32GeS
    case i64GeS
    case i32GeU
    case i64GeU
    case i32Eqz
    case i64Eqz
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f32Abs
    case f32Neg
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Copysign
    case i32Clz
    case i32Ctz
    case i32Popcnt
    case i64Clz
    case i64Ctz
    case i64Popcnt
    case i32WrapI64
    case i64ExtendI32S
    case i64ExtendI32U
    case i32TruncF32S
    case i32TruncSatF32S
    case i32TruncF32U
    case i32TruncSatF32U
    case i64TruncF32S
    case i64TruncSatF32S
    case i64TruncF32U
    case i64TruncSatF32U
    case i32TruncF64S
    case i32TruncSatF64S
    case i32TruncF64U
    case i32TruncSatF64U
    case i64TruncF64S
    case i64TruncSatF64S
    case i64TruncF64U
    case i64TruncSatF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f32DemoteF64
    case f64PromoteF32
    case i32ReinterpretF32
    case f32ReinterpretI32
    case i64ReinterpretF64
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    case i32Load
    case i64Load
    case f32Load
    case f64Load
    case i32Load8S
    case i32Load8U
    case i32Load16S
    case i32Load16U
    case i64Load8S
    case i64Load8U
    case i64Load16S
    case i64Load16U
    case i64Load32S
    case i64Load32U
    case i32Store
    case i64Store
    case f32Store
    case f64Store
    case i32Store8
    case i32Store16
    case i64Store8
    case i64Store16
    case i64Store32
}

extension Op {
    /// The internal operation that implements a numeric, load or store wasm opcode one-to-one.
    static func direct(_ opcode: Opcode) -> Op? {
        switch opcode {
        case .i32Add: .i32Add
        case .i32Sub: .i32Sub
        case .i32Mul: .i32Mul
        case .i32DivS: .i32DivS
        case .i32DivU: .i32DivU
        case .i32RemS: .i32RemS
        case .i32RemU: .i32RemU
        case .i32And: .i32And
        case .i32Or: .i32Or
        case .i32Xor: .i32Xor
        case .i32Shl: .i32Shl
        case .i32ShrS: .i32ShrS
        case .i32ShrU: .i32ShrU
        case .i32Rotl: .i32Rotl
        case .i32Rotr: .i32Rotr
        case .i64Add: .i64Add
        case .i64Sub: .i64Sub
        case .i64Mul: .i64Mul
        case .i64DivS: .i64DivS
        case .i64DivU: .i64DivU
        case .i64RemS: .i64RemS
        case .i64RemU: .i64RemU
        case .i64And: .i64And
        case .i64Or: .i64Or
        case .i64Xor: .i64Xor
        case .i64Shl: .i64Shl
        case .i64ShrS: .i64ShrS
        case .i64ShrU: .i64ShrU
        case .i64Rotl: .i64Rotl
        case .i64Rotr: .i64Rotr
        case .i32Eq: .i32Eq
        case .i64Eq: .i64Eq
        case .i32Ne: .i32Ne
        case .i64Ne: .i64Ne
        case .i32LtS: .i32LtS
        case .i64LtS: .i64LtS
        case .i32LtU: .i32LtU
        case .i64LtU: .i64LtU
        case .i32GtS: .i32GtS
        case .i64GtS: .i64GtS
        case .i32GtU: .i32GtU
        case .i64GtU: .i64GtU
        case .i32LeS: .i32LeS
        case .i64LeS: .i64LeS
        case .i32LeU: .i32LeU
        case .i64LeU: .i64LeU
        case .i32GeS: .i32GeS
        case .i64GeS: .i64GeS
        case .i32GeU: .i32GeU
        case .i64GeU: .i64GeU
        case .i32Eqz: .i32Eqz
        case .i64Eqz: .i64Eqz
        case .f32Eq: .f32Eq
        case .f32Ne: .f32Ne
        case .f32Lt: .f32Lt
        case .f32Gt: .f32Gt
        case .f32Le: .f32Le
        case .f32Ge: .f32Ge
        case .f32Add: .f32Add
        case .f32Sub: .f32Sub
        case .f32Mul: .f32Mul
        case .f32Div: .f32Div
        case .f32Min: .f32Min
        case .f32Max: .f32Max
        case .f32Ceil: .f32Ceil
        case .f32Floor: .f32Floor
        case .f32Trunc: .f32Trunc
        case .f32Nearest: .f32Nearest
        case .f32Sqrt: .f32Sqrt
        case .f64Eq: .f64Eq
        case .f64Ne: .f64Ne
        case .f64Lt: .f64Lt
        case .f64Gt: .f64Gt
        case .f64Le: .f64Le
        case .f64Ge: .f64Ge
        case .f64Add: .f64Add
        case .f64Sub: .f64Sub
        case .f64Mul: .f64Mul
        case .f64Div: .f64Div
        case .f64Min: .f64Min
        case .f64Max: .f64Max
        case .f64Ceil: .f64Ceil
        case .f64Floor: .f64Floor
        case .f64Trunc: .f64Trunc
        case .f64Nearest: .f64Nearest
        case .f64Sqrt: .f64Sqrt
        case .f32Abs: .f32Abs
        case .f32Neg: .f32Neg
        case .f32Copysign: .f32Copysign
        case .f64Abs: .f64Abs
        case .f64Neg: .f64Neg
        case .f64Copysign: .f64Copysign
        case .i32Clz: .i32Clz
        case .i32Ctz: .i32Ctz
        case .i32Popcnt: .i32Popcnt
        case .i64Clz: .i64Clz
        case .i64Ctz: .i64Ctz
        case .i64Popcnt: .i64Popcnt
        case .i32WrapI64: .i32WrapI64
        case .i64ExtendI32S: .i64ExtendI32S
        case .i64ExtendI32U: .i64ExtendI32U
        case .i32TruncF32S: .i32TruncF32S
        case .i32TruncSatF32S: .i32TruncSatF32S
        case .i32TruncF32U: .i32TruncF32U
        case .i32TruncSatF32U: .i32TruncSatF32U
        case .i64TruncF32S: .i64TruncF32S
        case .i64TruncSatF32S: .i64TruncSatF32S
        case .i64TruncF32U: .i64TruncF32U
        case .i64TruncSatF32U: .i64TruncSatF32U
        case .i32TruncF64S: .i32TruncF64S
        case .i32TruncSatF64S: .i32TruncSatF64S
        case .i32TruncF64U: .i32TruncF64U
        case .i32TruncSatF64U: .i32TruncSatF64U
        case .i64TruncF64S: .i64TruncF64S
        case .i64TruncSatF64S: .i64TruncSatF64S
        case .i64TruncF64U: .i64TruncF64U
        case .i64TruncSatF64U: .i64TruncSatF64U
        case .f32ConvertI32S: .f32ConvertI32S
        case .f32ConvertI32U: .f32ConvertI32U
        case .f32ConvertI64S: .f32ConvertI64S
        case .f32ConvertI64U: .f32ConvertI64U
        case .f64ConvertI32S: .f64ConvertI32S
        case .f64ConvertI32U: .f64ConvertI32U
        case .f64ConvertI64S: .f64ConvertI64S
        case .f64ConvertI64U: .f64ConvertI64U
        case .f32DemoteF64: .f32DemoteF64
        case .f64PromoteF32: .f64PromoteF32
        case .i32ReinterpretF32: .i32ReinterpretF32
        case .f32ReinterpretI32: .f32ReinterpretI32
        case .i64ReinterpretF64: .i64ReinterpretF64
        case .f64ReinterpretI64: .f64ReinterpretI64
        case .i32Extend8S: .i32Extend8S
        case .i32Extend16S: .i32Extend16S
        case .i64Extend8S: .i64Extend8S
        case .i64Extend16S: .i64Extend16S
        case .i64Extend32S: .i64Extend32S
        case .i32Load: .i32Load
        case .i64Load: .i64Load
        case .f32Load: .f32Load
        case .f64Load: .f64Load
        case .i32Load8S: .i32Load8S
        case .i32Load8U: .i32Load8U
        case .i32Load16S: .i32Load16S
        case .i32Load16U: .i32Load16U
        case .i64Load8S: .i64Load8S
        case .i64Load8U: .i64Load8U
        case .i64Load16S: .i64Load16S
        case .i64Load16U: .i64Load16U
        case .i64Load32S: .i64Load32S
        case .i64Load32U: .i64Load32U
        case .i32Store: .i32Store
        case .i64Store: .i64Store
        case .f32Store: .f32Store
        case .f64Store: .f64Store
        case .i32Store8: .i32Store8
        case .i32Store16: .i32Store16
        case .i64Store8: .i64Store8
        case .i64Store16: .i64Store16
        case .i64Store32: .i64Store32
        default: nil
        }
    }
}

extension Op {
    /// The form of a load or store (with offset 0) whose address is a slot plus an immediate.
    var addressSumForm: Op? {
        switch self {
        case .i32Load: .i32LoadAddImm
        case .i64Load: .i64LoadAddImm
        case .f32Load: .f32LoadAddImm
        case .f64Load: .f64LoadAddImm
        case .i32Load8S: .i32Load8SAddImm
        case .i32Load8U: .i32Load8UAddImm
        case .i32Load16S: .i32Load16SAddImm
        case .i32Load16U: .i32Load16UAddImm
        case .i32Store: .i32StoreAddImm
        case .i64Store: .i64StoreAddImm
        case .f32Store: .f32StoreAddImm
        case .f64Store: .f64StoreAddImm
        case .i32Store8: .i32Store8AddImm
        case .i32Store16: .i32Store16AddImm
        default: nil
        }
    }

    /// Whether the instruction only computes its operand `a` from other slots: no branch, call,
    /// store or global write, and no data word after it. Moving a computation across it is safe when
    /// it does not write what the computation reads.
    var writesOnlyOperandA: Bool {
        if rawValue >= Op.i32Add.rawValue && rawValue <= Op.i64Load32U.rawValue { return true }
        if rawValue >= Op.i32LoadAddImm.rawValue && rawValue <= Op.i32Load16UAddImm.rawValue { return true }
        if rawValue >= Op.f64MulAdd.rawValue && rawValue <= Op.f64MulSumLoad.rawValue { return true }
        if rawValue >= Op.i32ShrUImmAndImm.rawValue && rawValue <= Op.i32RotlXor.rawValue { return true }
        switch self {
        case .copy, .const32, .const64, .globalGet: return true
        default:
            return (rawValue >= Op.i32AddImm.rawValue && rawValue <= Op.i32GeUImm.rawValue)
                || (rawValue >= Op.i64AddImm.rawValue && rawValue <= Op.i64GeUImm.rawValue)
        }
    }

    /// The fusion of a binary operation (`producer`) whose result this operation consumes, by
    /// which operand it feeds. The fused form takes the producer's two slots packed in b and the
    /// other operand in c. i32 add and xor commute exactly, so their forms serve either order.
    func fusion(of producer: Op, resultIsFirstOperand first: Bool) -> Op? {
        switch (producer, self) {
        case (.f64Mul, .f64Add): first ? .f64MulAdd : .f64AddMul
        case (.f64Mul, .f64Sub): first ? .f64MulSub : .f64SubMul
        case (.f64Mul, .f64Mul): first ? .f64MulMul : .f64MulMulRight
        case (.f64Add, .f64Add): first ? .f64AddAdd : .f64AddAddRight
        case (.f64Sub, .f64Add): first ? .f64SubAdd : .f64AddSub
        case (.i32Add, .i32Add): .i32AddAdd
        case (.i32Mul, .i32Add): .i32MulAdd
        case (.i32Xor, .i32Add): .i32XorAdd
        case (.i32Rotl, .i32Xor): .i32RotlXor
        default: nil
        }
    }

    /// The fusion of an `f64.load` into this operation, by which operand the loaded value feeds;
    /// `atSum` for a load from a wrapped sum (`f64LoadAddImm`).
    func loadFusion(loadIsFirstOperand: Bool, atSum: Bool) -> Op? {
        switch (self, atSum) {
        case (.f64Add, false): loadIsFirstOperand ? .f64LoadAdd : .f64AddLoad
        case (.f64Sub, false): loadIsFirstOperand ? .f64LoadSub : .f64SubLoad
        case (.f64Mul, false): loadIsFirstOperand ? .f64LoadMul : .f64MulLoad
        case (.f64Add, true): loadIsFirstOperand ? .f64SumLoadAdd : .f64AddSumLoad
        case (.f64Sub, true): loadIsFirstOperand ? .f64SumLoadSub : .f64SubSumLoad
        case (.f64Mul, true): loadIsFirstOperand ? .f64SumLoadMul : .f64MulSumLoad
        default: nil
        }
    }

    /// The form of a binary operation whose second operand is a 32-bit immediate (operand c;
    /// sign-extended for i64).
    var immediateForm: Op? {
        switch self {
        case .i32Add: .i32AddImm
        case .i32Sub: .i32SubImm
        case .i32Mul: .i32MulImm
        case .i32And: .i32AndImm
        case .i32Or: .i32OrImm
        case .i32Xor: .i32XorImm
        case .i32Shl: .i32ShlImm
        case .i32ShrS: .i32ShrSImm
        case .i32ShrU: .i32ShrUImm
        case .i32Eq: .i32EqImm
        case .i32Ne: .i32NeImm
        case .i32LtS: .i32LtSImm
        case .i32LtU: .i32LtUImm
        case .i32GtS: .i32GtSImm
        case .i32GtU: .i32GtUImm
        case .i32LeS: .i32LeSImm
        case .i32LeU: .i32LeUImm
        case .i32GeS: .i32GeSImm
        case .i32GeU: .i32GeUImm
        case .i64Add: .i64AddImm
        case .i64Sub: .i64SubImm
        case .i64Mul: .i64MulImm
        case .i64And: .i64AndImm
        case .i64Or: .i64OrImm
        case .i64Xor: .i64XorImm
        case .i64Shl: .i64ShlImm
        case .i64ShrS: .i64ShrSImm
        case .i64ShrU: .i64ShrUImm
        case .i64Eq: .i64EqImm
        case .i64Ne: .i64NeImm
        case .i64LtS: .i64LtSImm
        case .i64LtU: .i64LtUImm
        case .i64GtS: .i64GtSImm
        case .i64GtU: .i64GtUImm
        case .i64LeS: .i64LeSImm
        case .i64LeU: .i64LeUImm
        case .i64GeS: .i64GeSImm
        case .i64GeU: .i64GeUImm
        default: nil
        }
    }

    /// The compare-and-branch fusion of a comparison: operands a and b as the comparison's b and c,
    /// and the branch target in c. `negated` branches when the comparison is false.
    func branchForm(negated: Bool) -> Op? {
        switch self {
        case .i32Eq: negated ? .brIfI32Ne : .brIfI32Eq
        case .i32EqImm: negated ? .brIfI32NeImm : .brIfI32EqImm
        case .i32Ne: negated ? .brIfI32Eq : .brIfI32Ne
        case .i32NeImm: negated ? .brIfI32EqImm : .brIfI32NeImm
        case .i32LtS: negated ? .brIfI32GeS : .brIfI32LtS
        case .i32LtSImm: negated ? .brIfI32GeSImm : .brIfI32LtSImm
        case .i32LtU: negated ? .brIfI32GeU : .brIfI32LtU
        case .i32LtUImm: negated ? .brIfI32GeUImm : .brIfI32LtUImm
        case .i32GtS: negated ? .brIfI32LeS : .brIfI32GtS
        case .i32GtSImm: negated ? .brIfI32LeSImm : .brIfI32GtSImm
        case .i32GtU: negated ? .brIfI32LeU : .brIfI32GtU
        case .i32GtUImm: negated ? .brIfI32LeUImm : .brIfI32GtUImm
        case .i32LeS: negated ? .brIfI32GtS : .brIfI32LeS
        case .i32LeSImm: negated ? .brIfI32GtSImm : .brIfI32LeSImm
        case .i32LeU: negated ? .brIfI32GtU : .brIfI32LeU
        case .i32LeUImm: negated ? .brIfI32GtUImm : .brIfI32LeUImm
        case .i32GeS: negated ? .brIfI32LtS : .brIfI32GeS
        case .i32GeSImm: negated ? .brIfI32LtSImm : .brIfI32GeSImm
        case .i32GeU: negated ? .brIfI32LtU : .brIfI32GeU
        case .i32GeUImm: negated ? .brIfI32LtUImm : .brIfI32GeUImm
        case .i32Eqz: negated ? .brIfI32Nez : .brIfI32Eqz
        case .f32Eq: negated ? .brIfF32Ne : .brIfF32Eq
        case .f32Ne: negated ? .brIfF32Eq : .brIfF32Ne
        case .f32Lt: negated ? .brIfF32NotLt : .brIfF32Lt
        case .f32Gt: negated ? .brIfF32NotGt : .brIfF32Gt
        case .f32Le: negated ? .brIfF32NotLe : .brIfF32Le
        case .f32Ge: negated ? .brIfF32NotGe : .brIfF32Ge
        case .f64Eq: negated ? .brIfF64Ne : .brIfF64Eq
        case .f64Ne: negated ? .brIfF64Eq : .brIfF64Ne
        case .f64Lt: negated ? .brIfF64NotLt : .brIfF64Lt
        case .f64Gt: negated ? .brIfF64NotGt : .brIfF64Gt
        case .f64Le: negated ? .brIfF64NotLe : .brIfF64Le
        case .f64Ge: negated ? .brIfF64NotGe : .brIfF64Ge
        case .i64Eq: negated ? .brIfI64Ne : .brIfI64Eq
        case .i64EqImm: negated ? .brIfI64NeImm : .brIfI64EqImm
        case .i64Ne: negated ? .brIfI64Eq : .brIfI64Ne
        case .i64NeImm: negated ? .brIfI64EqImm : .brIfI64NeImm
        case .i64LtS: negated ? .brIfI64GeS : .brIfI64LtS
        case .i64LtSImm: negated ? .brIfI64GeSImm : .brIfI64LtSImm
        case .i64LtU: negated ? .brIfI64GeU : .brIfI64LtU
        case .i64LtUImm: negated ? .brIfI64GeUImm : .brIfI64LtUImm
        case .i64GtS: negated ? .brIfI64LeS : .brIfI64GtS
        case .i64GtSImm: negated ? .brIfI64LeSImm : .brIfI64GtSImm
        case .i64GtU: negated ? .brIfI64LeU : .brIfI64GtU
        case .i64GtUImm: negated ? .brIfI64LeUImm : .brIfI64GtUImm
        case .i64LeS: negated ? .brIfI64GtS : .brIfI64LeS
        case .i64LeSImm: negated ? .brIfI64GtSImm : .brIfI64LeSImm
        case .i64LeU: negated ? .brIfI64GtU : .brIfI64LeU
        case .i64LeUImm: negated ? .brIfI64GtUImm : .brIfI64LeUImm
        case .i64GeS: negated ? .brIfI64LtS : .brIfI64GeS
        case .i64GeSImm: negated ? .brIfI64LtSImm : .brIfI64GeSImm
        case .i64GeU: negated ? .brIfI64LtU : .brIfI64GeU
        case .i64GeUImm: negated ? .brIfI64LtUImm : .brIfI64GeUImm
        case .i64Eqz: negated ? .brIfI64Nez : .brIfI64Eqz
        default: nil
        }
    }
}
