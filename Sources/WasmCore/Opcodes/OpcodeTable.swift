// The opcode table: every instruction of WebAssembly 3.0 (2.0's MVP, sign-extension,
// non-trapping float-to-int, multi-value, bulk memory, reference types and fixed-width SIMD; then
// tail calls, typed function references, exceptions, garbage collection and relaxed SIMD) and the
// legacy exception instructions, with its encoding, immediates, operand signature, category and
// the feature it belongs to (none for the 2.0 baseline). The decoder, validator, disassembler and
// docs/opcodes.md are all driven by `Opcode.info`; the compiler's exhaustive switch guarantees
// that no opcode lacks an entry. A `nil` signature marks an instruction whose typing depends on
// context (control, locals, calls, ...) and has its own validation rule.

/// A WebAssembly instruction's identity, independent of how it is encoded.
public enum Opcode: UInt16, CaseIterable, Sendable {
    case unreachable
    case nop
    case block
    case loop
    case `if`
    case `else`
    case end
    case br
    case brIf
    case brTable
    case `return`
    case call
    case callIndirect
    case drop
    case select
    case selectTyped
    case localGet
    case localSet
    case localTee
    case globalGet
    case globalSet
    case tableGet
    case tableSet
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
    case memorySize
    case memoryGrow
    case i32Const
    case i64Const
    case f32Const
    case f64Const
    case i32Eqz
    case i32Eq
    case i32Ne
    case i32LtS
    case i32LtU
    case i32GtS
    case i32GtU
    case i32LeS
    case i32LeU
    case i32GeS
    case i32GeU
    case i64Eqz
    case i64Eq
    case i64Ne
    case i64LtS
    case i64LtU
    case i64GtS
    case i64GtU
    case i64LeS
    case i64LeU
    case i64GeS
    case i64GeU
    case f32Eq
    case f32Ne
    case f32Lt
    case f32Gt
    case f32Le
    case f32Ge
    case f64Eq
    case f64Ne
    case f64Lt
    case f64Gt
    case f64Le
    case f64Ge
    case i32Clz
    case i32Ctz
    case i32Popcnt
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
    case i64Clz
    case i64Ctz
    case i64Popcnt
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
    case f32Abs
    case f32Neg
    case f32Ceil
    case f32Floor
    case f32Trunc
    case f32Nearest
    case f32Sqrt
    case f32Add
    case f32Sub
    case f32Mul
    case f32Div
    case f32Min
    case f32Max
    case f32Copysign
    case f64Abs
    case f64Neg
    case f64Ceil
    case f64Floor
    case f64Trunc
    case f64Nearest
    case f64Sqrt
    case f64Add
    case f64Sub
    case f64Mul
    case f64Div
    case f64Min
    case f64Max
    case f64Copysign
    case i32WrapI64
    case i32TruncF32S
    case i32TruncF32U
    case i32TruncF64S
    case i32TruncF64U
    case i64ExtendI32S
    case i64ExtendI32U
    case i64TruncF32S
    case i64TruncF32U
    case i64TruncF64S
    case i64TruncF64U
    case f32ConvertI32S
    case f32ConvertI32U
    case f32ConvertI64S
    case f32ConvertI64U
    case f32DemoteF64
    case f64ConvertI32S
    case f64ConvertI32U
    case f64ConvertI64S
    case f64ConvertI64U
    case f64PromoteF32
    case i32ReinterpretF32
    case i64ReinterpretF64
    case f32ReinterpretI32
    case f64ReinterpretI64
    case i32Extend8S
    case i32Extend16S
    case i64Extend8S
    case i64Extend16S
    case i64Extend32S
    case refNull
    case refIsNull
    case refFunc
    case i32TruncSatF32S
    case i32TruncSatF32U
    case i32TruncSatF64S
    case i32TruncSatF64U
    case i64TruncSatF32S
    case i64TruncSatF32U
    case i64TruncSatF64S
    case i64TruncSatF64U
    case memoryInit
    case dataDrop
    case memoryCopy
    case memoryFill
    case tableInit
    case elemDrop
    case tableCopy
    case tableGrow
    case tableSize
    case tableFill
    case v128Load
    case v128Load8x8S
    case v128Load8x8U
    case v128Load16x4S
    case v128Load16x4U
    case v128Load32x2S
    case v128Load32x2U
    case v128Load8Splat
    case v128Load16Splat
    case v128Load32Splat
    case v128Load64Splat
    case v128Store
    case v128Const
    case i8x16Shuffle
    case i8x16Swizzle
    case i8x16Splat
    case i16x8Splat
    case i32x4Splat
    case i64x2Splat
    case f32x4Splat
    case f64x2Splat
    case i8x16ExtractLaneS
    case i8x16ExtractLaneU
    case i8x16ReplaceLane
    case i16x8ExtractLaneS
    case i16x8ExtractLaneU
    case i16x8ReplaceLane
    case i32x4ExtractLane
    case i32x4ReplaceLane
    case i64x2ExtractLane
    case i64x2ReplaceLane
    case f32x4ExtractLane
    case f32x4ReplaceLane
    case f64x2ExtractLane
    case f64x2ReplaceLane
    case i8x16Eq
    case i8x16Ne
    case i8x16LtS
    case i8x16LtU
    case i8x16GtS
    case i8x16GtU
    case i8x16LeS
    case i8x16LeU
    case i8x16GeS
    case i8x16GeU
    case i16x8Eq
    case i16x8Ne
    case i16x8LtS
    case i16x8LtU
    case i16x8GtS
    case i16x8GtU
    case i16x8LeS
    case i16x8LeU
    case i16x8GeS
    case i16x8GeU
    case i32x4Eq
    case i32x4Ne
    case i32x4LtS
    case i32x4LtU
    case i32x4GtS
    case i32x4GtU
    case i32x4LeS
    case i32x4LeU
    case i32x4GeS
    case i32x4GeU
    case f32x4Eq
    case f32x4Ne
    case f32x4Lt
    case f32x4Gt
    case f32x4Le
    case f32x4Ge
    case f64x2Eq
    case f64x2Ne
    case f64x2Lt
    case f64x2Gt
    case f64x2Le
    case f64x2Ge
    case v128Not
    case v128And
    case v128Andnot
    case v128Or
    case v128Xor
    case v128Bitselect
    case v128AnyTrue
    case v128Load8Lane
    case v128Load16Lane
    case v128Load32Lane
    case v128Load64Lane
    case v128Store8Lane
    case v128Store16Lane
    case v128Store32Lane
    case v128Store64Lane
    case v128Load32Zero
    case v128Load64Zero
    case f32x4DemoteF64x2Zero
    case f64x2PromoteLowF32x4
    case i8x16Abs
    case i8x16Neg
    case i8x16Popcnt
    case i8x16AllTrue
    case i8x16Bitmask
    case i8x16NarrowI16x8S
    case i8x16NarrowI16x8U
    case f32x4Ceil
    case f32x4Floor
    case f32x4Trunc
    case f32x4Nearest
    case i8x16Shl
    case i8x16ShrS
    case i8x16ShrU
    case i8x16Add
    case i8x16AddSatS
    case i8x16AddSatU
    case i8x16Sub
    case i8x16SubSatS
    case i8x16SubSatU
    case f64x2Ceil
    case f64x2Floor
    case i8x16MinS
    case i8x16MinU
    case i8x16MaxS
    case i8x16MaxU
    case f64x2Trunc
    case i8x16AvgrU
    case i16x8ExtaddPairwiseI8x16S
    case i16x8ExtaddPairwiseI8x16U
    case i32x4ExtaddPairwiseI16x8S
    case i32x4ExtaddPairwiseI16x8U
    case i16x8Abs
    case i16x8Neg
    case i16x8Q15mulrSatS
    case i16x8AllTrue
    case i16x8Bitmask
    case i16x8NarrowI32x4S
    case i16x8NarrowI32x4U
    case i16x8ExtendLowI8x16S
    case i16x8ExtendHighI8x16S
    case i16x8ExtendLowI8x16U
    case i16x8ExtendHighI8x16U
    case i16x8Shl
    case i16x8ShrS
    case i16x8ShrU
    case i16x8Add
    case i16x8AddSatS
    case i16x8AddSatU
    case i16x8Sub
    case i16x8SubSatS
    case i16x8SubSatU
    case f64x2Nearest
    case i16x8Mul
    case i16x8MinS
    case i16x8MinU
    case i16x8MaxS
    case i16x8MaxU
    case i16x8AvgrU
    case i16x8ExtmulLowI8x16S
    case i16x8ExtmulHighI8x16S
    case i16x8ExtmulLowI8x16U
    case i16x8ExtmulHighI8x16U
    case i32x4Abs
    case i32x4Neg
    case i32x4AllTrue
    case i32x4Bitmask
    case i32x4ExtendLowI16x8S
    case i32x4ExtendHighI16x8S
    case i32x4ExtendLowI16x8U
    case i32x4ExtendHighI16x8U
    case i32x4Shl
    case i32x4ShrS
    case i32x4ShrU
    case i32x4Add
    case i32x4Sub
    case i32x4Mul
    case i32x4MinS
    case i32x4MinU
    case i32x4MaxS
    case i32x4MaxU
    case i32x4DotI16x8S
    case i32x4ExtmulLowI16x8S
    case i32x4ExtmulHighI16x8S
    case i32x4ExtmulLowI16x8U
    case i32x4ExtmulHighI16x8U
    case i64x2Abs
    case i64x2Neg
    case i64x2AllTrue
    case i64x2Bitmask
    case i64x2ExtendLowI32x4S
    case i64x2ExtendHighI32x4S
    case i64x2ExtendLowI32x4U
    case i64x2ExtendHighI32x4U
    case i64x2Shl
    case i64x2ShrS
    case i64x2ShrU
    case i64x2Add
    case i64x2Sub
    case i64x2Mul
    case i64x2Eq
    case i64x2Ne
    case i64x2LtS
    case i64x2GtS
    case i64x2LeS
    case i64x2GeS
    case i64x2ExtmulLowI32x4S
    case i64x2ExtmulHighI32x4S
    case i64x2ExtmulLowI32x4U
    case i64x2ExtmulHighI32x4U
    case f32x4Abs
    case f32x4Neg
    case f32x4Sqrt
    case f32x4Add
    case f32x4Sub
    case f32x4Mul
    case f32x4Div
    case f32x4Min
    case f32x4Max
    case f32x4Pmin
    case f32x4Pmax
    case f64x2Abs
    case f64x2Neg
    case f64x2Sqrt
    case f64x2Add
    case f64x2Sub
    case f64x2Mul
    case f64x2Div
    case f64x2Min
    case f64x2Max
    case f64x2Pmin
    case f64x2Pmax
    case i32x4TruncSatF32x4S
    case i32x4TruncSatF32x4U
    case f32x4ConvertI32x4S
    case f32x4ConvertI32x4U
    case i32x4TruncSatF64x2SZero
    case i32x4TruncSatF64x2UZero
    case f64x2ConvertLowI32x4S
    case f64x2ConvertLowI32x4U
    // WebAssembly 3.0 (and legacy exception handling).
    case returnCall
    case returnCallIndirect
    case callRef
    case returnCallRef
    case refAsNonNull
    case brOnNull
    case brOnNonNull
    case `throw`
    case throwRef
    case tryTable
    case `try`
    case `catch`
    case rethrow
    case delegate
    case catchAll
    case refEq
    case structNew
    case structNewDefault
    case structGet
    case structGetS
    case structGetU
    case structSet
    case arrayNew
    case arrayNewDefault
    case arrayNewFixed
    case arrayNewData
    case arrayNewElem
    case arrayGet
    case arrayGetS
    case arrayGetU
    case arraySet
    case arrayLen
    case arrayFill
    case arrayCopy
    case arrayInitData
    case arrayInitElem
    case refTest
    case refTestNull
    case refCast
    case refCastNull
    case brOnCast
    case brOnCastFail
    case anyConvertExtern
    case externConvertAny
    case refI31
    case i31GetS
    case i31GetU
    case i8x16RelaxedSwizzle
    case i32x4RelaxedTruncF32x4S
    case i32x4RelaxedTruncF32x4U
    case i32x4RelaxedTruncF64x2SZero
    case i32x4RelaxedTruncF64x2UZero
    case f32x4RelaxedMadd
    case f32x4RelaxedNmadd
    case f64x2RelaxedMadd
    case f64x2RelaxedNmadd
    case i8x16RelaxedLaneselect
    case i16x8RelaxedLaneselect
    case i32x4RelaxedLaneselect
    case i64x2RelaxedLaneselect
    case f32x4RelaxedMin
    case f32x4RelaxedMax
    case f64x2RelaxedMin
    case f64x2RelaxedMax
    case i16x8RelaxedQ15mulrS
    case i16x8RelaxedDotI8x16I7x16S
    case i32x4RelaxedDotI8x16I7x16AddS
}

extension Opcode {
    /// This opcode's row in the table.
    public var info: OpcodeInfo { OpcodeTable.rows[Int(rawValue)] }

    var tableRow: OpcodeInfo {
        switch self {
        case .unreachable: OpcodeInfo(self, "unreachable", .single(0x00), .none, nil, .control)
        case .nop: OpcodeInfo(self, "nop", .single(0x01), .none, " -> ", .control)
        case .block: OpcodeInfo(self, "block", .single(0x02), .blockType, nil, .control)
        case .loop: OpcodeInfo(self, "loop", .single(0x03), .blockType, nil, .control)
        case .if: OpcodeInfo(self, "if", .single(0x04), .blockType, nil, .control)
        case .else: OpcodeInfo(self, "else", .single(0x05), .none, nil, .control)
        case .end: OpcodeInfo(self, "end", .single(0x0B), .none, nil, .control)
        case .br: OpcodeInfo(self, "br", .single(0x0C), .labelIndex, nil, .control)
        case .brIf: OpcodeInfo(self, "br_if", .single(0x0D), .labelIndex, nil, .control)
        case .brTable: OpcodeInfo(self, "br_table", .single(0x0E), .branchTable, nil, .control)
        case .return: OpcodeInfo(self, "return", .single(0x0F), .none, nil, .control)
        case .call: OpcodeInfo(self, "call", .single(0x10), .functionIndex, nil, .control)
        case .callIndirect: OpcodeInfo(self, "call_indirect", .single(0x11), .callIndirect, nil, .control)
        case .drop: OpcodeInfo(self, "drop", .single(0x1A), .none, nil, .parametric)
        case .select: OpcodeInfo(self, "select", .single(0x1B), .none, nil, .parametric)
        case .selectTyped: OpcodeInfo(self, "select", .single(0x1C), .selectTypes, nil, .parametric)
        case .localGet: OpcodeInfo(self, "local.get", .single(0x20), .localIndex, nil, .variable)
        case .localSet: OpcodeInfo(self, "local.set", .single(0x21), .localIndex, nil, .variable)
        case .localTee: OpcodeInfo(self, "local.tee", .single(0x22), .localIndex, nil, .variable)
        case .globalGet: OpcodeInfo(self, "global.get", .single(0x23), .globalIndex, nil, .variable)
        case .globalSet: OpcodeInfo(self, "global.set", .single(0x24), .globalIndex, nil, .variable)
        case .tableGet: OpcodeInfo(self, "table.get", .single(0x25), .tableIndex, nil, .table)
        case .tableSet: OpcodeInfo(self, "table.set", .single(0x26), .tableIndex, nil, .table)
        case .i32Load:
            OpcodeInfo(self, "i32.load", .single(0x28), .memoryArgument(naturalAlignment: 2), "i32 -> i32", .memory)
        case .i64Load:
            OpcodeInfo(self, "i64.load", .single(0x29), .memoryArgument(naturalAlignment: 3), "i32 -> i64", .memory)
        case .f32Load:
            OpcodeInfo(self, "f32.load", .single(0x2A), .memoryArgument(naturalAlignment: 2), "i32 -> f32", .memory)
        case .f64Load:
            OpcodeInfo(self, "f64.load", .single(0x2B), .memoryArgument(naturalAlignment: 3), "i32 -> f64", .memory)
        case .i32Load8S:
            OpcodeInfo(self, "i32.load8_s", .single(0x2C), .memoryArgument(naturalAlignment: 0), "i32 -> i32", .memory)
        case .i32Load8U:
            OpcodeInfo(self, "i32.load8_u", .single(0x2D), .memoryArgument(naturalAlignment: 0), "i32 -> i32", .memory)
        case .i32Load16S:
            OpcodeInfo(self, "i32.load16_s", .single(0x2E), .memoryArgument(naturalAlignment: 1), "i32 -> i32", .memory)
        case .i32Load16U:
            OpcodeInfo(self, "i32.load16_u", .single(0x2F), .memoryArgument(naturalAlignment: 1), "i32 -> i32", .memory)
        case .i64Load8S:
            OpcodeInfo(self, "i64.load8_s", .single(0x30), .memoryArgument(naturalAlignment: 0), "i32 -> i64", .memory)
        case .i64Load8U:
            OpcodeInfo(self, "i64.load8_u", .single(0x31), .memoryArgument(naturalAlignment: 0), "i32 -> i64", .memory)
        case .i64Load16S:
            OpcodeInfo(self, "i64.load16_s", .single(0x32), .memoryArgument(naturalAlignment: 1), "i32 -> i64", .memory)
        case .i64Load16U:
            OpcodeInfo(self, "i64.load16_u", .single(0x33), .memoryArgument(naturalAlignment: 1), "i32 -> i64", .memory)
        case .i64Load32S:
            OpcodeInfo(self, "i64.load32_s", .single(0x34), .memoryArgument(naturalAlignment: 2), "i32 -> i64", .memory)
        case .i64Load32U:
            OpcodeInfo(self, "i64.load32_u", .single(0x35), .memoryArgument(naturalAlignment: 2), "i32 -> i64", .memory)
        case .i32Store:
            OpcodeInfo(self, "i32.store", .single(0x36), .memoryArgument(naturalAlignment: 2), "i32 i32 -> ", .memory)
        case .i64Store:
            OpcodeInfo(self, "i64.store", .single(0x37), .memoryArgument(naturalAlignment: 3), "i32 i64 -> ", .memory)
        case .f32Store:
            OpcodeInfo(self, "f32.store", .single(0x38), .memoryArgument(naturalAlignment: 2), "i32 f32 -> ", .memory)
        case .f64Store:
            OpcodeInfo(self, "f64.store", .single(0x39), .memoryArgument(naturalAlignment: 3), "i32 f64 -> ", .memory)
        case .i32Store8:
            OpcodeInfo(self, "i32.store8", .single(0x3A), .memoryArgument(naturalAlignment: 0), "i32 i32 -> ", .memory)
        case .i32Store16:
            OpcodeInfo(self, "i32.store16", .single(0x3B), .memoryArgument(naturalAlignment: 1), "i32 i32 -> ", .memory)
        case .i64Store8:
            OpcodeInfo(self, "i64.store8", .single(0x3C), .memoryArgument(naturalAlignment: 0), "i32 i64 -> ", .memory)
        case .i64Store16:
            OpcodeInfo(self, "i64.store16", .single(0x3D), .memoryArgument(naturalAlignment: 1), "i32 i64 -> ", .memory)
        case .i64Store32:
            OpcodeInfo(self, "i64.store32", .single(0x3E), .memoryArgument(naturalAlignment: 2), "i32 i64 -> ", .memory)
        case .memorySize: OpcodeInfo(self, "memory.size", .single(0x3F), .memoryIndex, " -> i32", .memory)
        case .memoryGrow: OpcodeInfo(self, "memory.grow", .single(0x40), .memoryIndex, "i32 -> i32", .memory)
        case .i32Const: OpcodeInfo(self, "i32.const", .single(0x41), .i32Constant, " -> i32", .numeric)
        case .i64Const: OpcodeInfo(self, "i64.const", .single(0x42), .i64Constant, " -> i64", .numeric)
        case .f32Const: OpcodeInfo(self, "f32.const", .single(0x43), .f32Constant, " -> f32", .numeric)
        case .f64Const: OpcodeInfo(self, "f64.const", .single(0x44), .f64Constant, " -> f64", .numeric)
        case .i32Eqz: OpcodeInfo(self, "i32.eqz", .single(0x45), .none, "i32 -> i32", .numeric)
        case .i32Eq: OpcodeInfo(self, "i32.eq", .single(0x46), .none, "i32 i32 -> i32", .numeric)
        case .i32Ne: OpcodeInfo(self, "i32.ne", .single(0x47), .none, "i32 i32 -> i32", .numeric)
        case .i32LtS: OpcodeInfo(self, "i32.lt_s", .single(0x48), .none, "i32 i32 -> i32", .numeric)
        case .i32LtU: OpcodeInfo(self, "i32.lt_u", .single(0x49), .none, "i32 i32 -> i32", .numeric)
        case .i32GtS: OpcodeInfo(self, "i32.gt_s", .single(0x4A), .none, "i32 i32 -> i32", .numeric)
        case .i32GtU: OpcodeInfo(self, "i32.gt_u", .single(0x4B), .none, "i32 i32 -> i32", .numeric)
        case .i32LeS: OpcodeInfo(self, "i32.le_s", .single(0x4C), .none, "i32 i32 -> i32", .numeric)
        case .i32LeU: OpcodeInfo(self, "i32.le_u", .single(0x4D), .none, "i32 i32 -> i32", .numeric)
        case .i32GeS: OpcodeInfo(self, "i32.ge_s", .single(0x4E), .none, "i32 i32 -> i32", .numeric)
        case .i32GeU: OpcodeInfo(self, "i32.ge_u", .single(0x4F), .none, "i32 i32 -> i32", .numeric)
        case .i64Eqz: OpcodeInfo(self, "i64.eqz", .single(0x50), .none, "i64 -> i32", .numeric)
        case .i64Eq: OpcodeInfo(self, "i64.eq", .single(0x51), .none, "i64 i64 -> i32", .numeric)
        case .i64Ne: OpcodeInfo(self, "i64.ne", .single(0x52), .none, "i64 i64 -> i32", .numeric)
        case .i64LtS: OpcodeInfo(self, "i64.lt_s", .single(0x53), .none, "i64 i64 -> i32", .numeric)
        case .i64LtU: OpcodeInfo(self, "i64.lt_u", .single(0x54), .none, "i64 i64 -> i32", .numeric)
        case .i64GtS: OpcodeInfo(self, "i64.gt_s", .single(0x55), .none, "i64 i64 -> i32", .numeric)
        case .i64GtU: OpcodeInfo(self, "i64.gt_u", .single(0x56), .none, "i64 i64 -> i32", .numeric)
        case .i64LeS: OpcodeInfo(self, "i64.le_s", .single(0x57), .none, "i64 i64 -> i32", .numeric)
        case .i64LeU: OpcodeInfo(self, "i64.le_u", .single(0x58), .none, "i64 i64 -> i32", .numeric)
        case .i64GeS: OpcodeInfo(self, "i64.ge_s", .single(0x59), .none, "i64 i64 -> i32", .numeric)
        case .i64GeU: OpcodeInfo(self, "i64.ge_u", .single(0x5A), .none, "i64 i64 -> i32", .numeric)
        case .f32Eq: OpcodeInfo(self, "f32.eq", .single(0x5B), .none, "f32 f32 -> i32", .numeric)
        case .f32Ne: OpcodeInfo(self, "f32.ne", .single(0x5C), .none, "f32 f32 -> i32", .numeric)
        case .f32Lt: OpcodeInfo(self, "f32.lt", .single(0x5D), .none, "f32 f32 -> i32", .numeric)
        case .f32Gt: OpcodeInfo(self, "f32.gt", .single(0x5E), .none, "f32 f32 -> i32", .numeric)
        case .f32Le: OpcodeInfo(self, "f32.le", .single(0x5F), .none, "f32 f32 -> i32", .numeric)
        case .f32Ge: OpcodeInfo(self, "f32.ge", .single(0x60), .none, "f32 f32 -> i32", .numeric)
        case .f64Eq: OpcodeInfo(self, "f64.eq", .single(0x61), .none, "f64 f64 -> i32", .numeric)
        case .f64Ne: OpcodeInfo(self, "f64.ne", .single(0x62), .none, "f64 f64 -> i32", .numeric)
        case .f64Lt: OpcodeInfo(self, "f64.lt", .single(0x63), .none, "f64 f64 -> i32", .numeric)
        case .f64Gt: OpcodeInfo(self, "f64.gt", .single(0x64), .none, "f64 f64 -> i32", .numeric)
        case .f64Le: OpcodeInfo(self, "f64.le", .single(0x65), .none, "f64 f64 -> i32", .numeric)
        case .f64Ge: OpcodeInfo(self, "f64.ge", .single(0x66), .none, "f64 f64 -> i32", .numeric)
        case .i32Clz: OpcodeInfo(self, "i32.clz", .single(0x67), .none, "i32 -> i32", .numeric)
        case .i32Ctz: OpcodeInfo(self, "i32.ctz", .single(0x68), .none, "i32 -> i32", .numeric)
        case .i32Popcnt: OpcodeInfo(self, "i32.popcnt", .single(0x69), .none, "i32 -> i32", .numeric)
        case .i32Add: OpcodeInfo(self, "i32.add", .single(0x6A), .none, "i32 i32 -> i32", .numeric)
        case .i32Sub: OpcodeInfo(self, "i32.sub", .single(0x6B), .none, "i32 i32 -> i32", .numeric)
        case .i32Mul: OpcodeInfo(self, "i32.mul", .single(0x6C), .none, "i32 i32 -> i32", .numeric)
        case .i32DivS: OpcodeInfo(self, "i32.div_s", .single(0x6D), .none, "i32 i32 -> i32", .numeric)
        case .i32DivU: OpcodeInfo(self, "i32.div_u", .single(0x6E), .none, "i32 i32 -> i32", .numeric)
        case .i32RemS: OpcodeInfo(self, "i32.rem_s", .single(0x6F), .none, "i32 i32 -> i32", .numeric)
        case .i32RemU: OpcodeInfo(self, "i32.rem_u", .single(0x70), .none, "i32 i32 -> i32", .numeric)
        case .i32And: OpcodeInfo(self, "i32.and", .single(0x71), .none, "i32 i32 -> i32", .numeric)
        case .i32Or: OpcodeInfo(self, "i32.or", .single(0x72), .none, "i32 i32 -> i32", .numeric)
        case .i32Xor: OpcodeInfo(self, "i32.xor", .single(0x73), .none, "i32 i32 -> i32", .numeric)
        case .i32Shl: OpcodeInfo(self, "i32.shl", .single(0x74), .none, "i32 i32 -> i32", .numeric)
        case .i32ShrS: OpcodeInfo(self, "i32.shr_s", .single(0x75), .none, "i32 i32 -> i32", .numeric)
        case .i32ShrU: OpcodeInfo(self, "i32.shr_u", .single(0x76), .none, "i32 i32 -> i32", .numeric)
        case .i32Rotl: OpcodeInfo(self, "i32.rotl", .single(0x77), .none, "i32 i32 -> i32", .numeric)
        case .i32Rotr: OpcodeInfo(self, "i32.rotr", .single(0x78), .none, "i32 i32 -> i32", .numeric)
        case .i64Clz: OpcodeInfo(self, "i64.clz", .single(0x79), .none, "i64 -> i64", .numeric)
        case .i64Ctz: OpcodeInfo(self, "i64.ctz", .single(0x7A), .none, "i64 -> i64", .numeric)
        case .i64Popcnt: OpcodeInfo(self, "i64.popcnt", .single(0x7B), .none, "i64 -> i64", .numeric)
        case .i64Add: OpcodeInfo(self, "i64.add", .single(0x7C), .none, "i64 i64 -> i64", .numeric)
        case .i64Sub: OpcodeInfo(self, "i64.sub", .single(0x7D), .none, "i64 i64 -> i64", .numeric)
        case .i64Mul: OpcodeInfo(self, "i64.mul", .single(0x7E), .none, "i64 i64 -> i64", .numeric)
        case .i64DivS: OpcodeInfo(self, "i64.div_s", .single(0x7F), .none, "i64 i64 -> i64", .numeric)
        case .i64DivU: OpcodeInfo(self, "i64.div_u", .single(0x80), .none, "i64 i64 -> i64", .numeric)
        case .i64RemS: OpcodeInfo(self, "i64.rem_s", .single(0x81), .none, "i64 i64 -> i64", .numeric)
        case .i64RemU: OpcodeInfo(self, "i64.rem_u", .single(0x82), .none, "i64 i64 -> i64", .numeric)
        case .i64And: OpcodeInfo(self, "i64.and", .single(0x83), .none, "i64 i64 -> i64", .numeric)
        case .i64Or: OpcodeInfo(self, "i64.or", .single(0x84), .none, "i64 i64 -> i64", .numeric)
        case .i64Xor: OpcodeInfo(self, "i64.xor", .single(0x85), .none, "i64 i64 -> i64", .numeric)
        case .i64Shl: OpcodeInfo(self, "i64.shl", .single(0x86), .none, "i64 i64 -> i64", .numeric)
        case .i64ShrS: OpcodeInfo(self, "i64.shr_s", .single(0x87), .none, "i64 i64 -> i64", .numeric)
        case .i64ShrU: OpcodeInfo(self, "i64.shr_u", .single(0x88), .none, "i64 i64 -> i64", .numeric)
        case .i64Rotl: OpcodeInfo(self, "i64.rotl", .single(0x89), .none, "i64 i64 -> i64", .numeric)
        case .i64Rotr: OpcodeInfo(self, "i64.rotr", .single(0x8A), .none, "i64 i64 -> i64", .numeric)
        case .f32Abs: OpcodeInfo(self, "f32.abs", .single(0x8B), .none, "f32 -> f32", .numeric)
        case .f32Neg: OpcodeInfo(self, "f32.neg", .single(0x8C), .none, "f32 -> f32", .numeric)
        case .f32Ceil: OpcodeInfo(self, "f32.ceil", .single(0x8D), .none, "f32 -> f32", .numeric)
        case .f32Floor: OpcodeInfo(self, "f32.floor", .single(0x8E), .none, "f32 -> f32", .numeric)
        case .f32Trunc: OpcodeInfo(self, "f32.trunc", .single(0x8F), .none, "f32 -> f32", .numeric)
        case .f32Nearest: OpcodeInfo(self, "f32.nearest", .single(0x90), .none, "f32 -> f32", .numeric)
        case .f32Sqrt: OpcodeInfo(self, "f32.sqrt", .single(0x91), .none, "f32 -> f32", .numeric)
        case .f32Add: OpcodeInfo(self, "f32.add", .single(0x92), .none, "f32 f32 -> f32", .numeric)
        case .f32Sub: OpcodeInfo(self, "f32.sub", .single(0x93), .none, "f32 f32 -> f32", .numeric)
        case .f32Mul: OpcodeInfo(self, "f32.mul", .single(0x94), .none, "f32 f32 -> f32", .numeric)
        case .f32Div: OpcodeInfo(self, "f32.div", .single(0x95), .none, "f32 f32 -> f32", .numeric)
        case .f32Min: OpcodeInfo(self, "f32.min", .single(0x96), .none, "f32 f32 -> f32", .numeric)
        case .f32Max: OpcodeInfo(self, "f32.max", .single(0x97), .none, "f32 f32 -> f32", .numeric)
        case .f32Copysign: OpcodeInfo(self, "f32.copysign", .single(0x98), .none, "f32 f32 -> f32", .numeric)
        case .f64Abs: OpcodeInfo(self, "f64.abs", .single(0x99), .none, "f64 -> f64", .numeric)
        case .f64Neg: OpcodeInfo(self, "f64.neg", .single(0x9A), .none, "f64 -> f64", .numeric)
        case .f64Ceil: OpcodeInfo(self, "f64.ceil", .single(0x9B), .none, "f64 -> f64", .numeric)
        case .f64Floor: OpcodeInfo(self, "f64.floor", .single(0x9C), .none, "f64 -> f64", .numeric)
        case .f64Trunc: OpcodeInfo(self, "f64.trunc", .single(0x9D), .none, "f64 -> f64", .numeric)
        case .f64Nearest: OpcodeInfo(self, "f64.nearest", .single(0x9E), .none, "f64 -> f64", .numeric)
        case .f64Sqrt: OpcodeInfo(self, "f64.sqrt", .single(0x9F), .none, "f64 -> f64", .numeric)
        case .f64Add: OpcodeInfo(self, "f64.add", .single(0xA0), .none, "f64 f64 -> f64", .numeric)
        case .f64Sub: OpcodeInfo(self, "f64.sub", .single(0xA1), .none, "f64 f64 -> f64", .numeric)
        case .f64Mul: OpcodeInfo(self, "f64.mul", .single(0xA2), .none, "f64 f64 -> f64", .numeric)
        case .f64Div: OpcodeInfo(self, "f64.div", .single(0xA3), .none, "f64 f64 -> f64", .numeric)
        case .f64Min: OpcodeInfo(self, "f64.min", .single(0xA4), .none, "f64 f64 -> f64", .numeric)
        case .f64Max: OpcodeInfo(self, "f64.max", .single(0xA5), .none, "f64 f64 -> f64", .numeric)
        case .f64Copysign: OpcodeInfo(self, "f64.copysign", .single(0xA6), .none, "f64 f64 -> f64", .numeric)
        case .i32WrapI64: OpcodeInfo(self, "i32.wrap_i64", .single(0xA7), .none, "i64 -> i32", .numeric)
        case .i32TruncF32S: OpcodeInfo(self, "i32.trunc_f32_s", .single(0xA8), .none, "f32 -> i32", .numeric)
        case .i32TruncF32U: OpcodeInfo(self, "i32.trunc_f32_u", .single(0xA9), .none, "f32 -> i32", .numeric)
        case .i32TruncF64S: OpcodeInfo(self, "i32.trunc_f64_s", .single(0xAA), .none, "f64 -> i32", .numeric)
        case .i32TruncF64U: OpcodeInfo(self, "i32.trunc_f64_u", .single(0xAB), .none, "f64 -> i32", .numeric)
        case .i64ExtendI32S: OpcodeInfo(self, "i64.extend_i32_s", .single(0xAC), .none, "i32 -> i64", .numeric)
        case .i64ExtendI32U: OpcodeInfo(self, "i64.extend_i32_u", .single(0xAD), .none, "i32 -> i64", .numeric)
        case .i64TruncF32S: OpcodeInfo(self, "i64.trunc_f32_s", .single(0xAE), .none, "f32 -> i64", .numeric)
        case .i64TruncF32U: OpcodeInfo(self, "i64.trunc_f32_u", .single(0xAF), .none, "f32 -> i64", .numeric)
        case .i64TruncF64S: OpcodeInfo(self, "i64.trunc_f64_s", .single(0xB0), .none, "f64 -> i64", .numeric)
        case .i64TruncF64U: OpcodeInfo(self, "i64.trunc_f64_u", .single(0xB1), .none, "f64 -> i64", .numeric)
        case .f32ConvertI32S: OpcodeInfo(self, "f32.convert_i32_s", .single(0xB2), .none, "i32 -> f32", .numeric)
        case .f32ConvertI32U: OpcodeInfo(self, "f32.convert_i32_u", .single(0xB3), .none, "i32 -> f32", .numeric)
        case .f32ConvertI64S: OpcodeInfo(self, "f32.convert_i64_s", .single(0xB4), .none, "i64 -> f32", .numeric)
        case .f32ConvertI64U: OpcodeInfo(self, "f32.convert_i64_u", .single(0xB5), .none, "i64 -> f32", .numeric)
        case .f32DemoteF64: OpcodeInfo(self, "f32.demote_f64", .single(0xB6), .none, "f64 -> f32", .numeric)
        case .f64ConvertI32S: OpcodeInfo(self, "f64.convert_i32_s", .single(0xB7), .none, "i32 -> f64", .numeric)
        case .f64ConvertI32U: OpcodeInfo(self, "f64.convert_i32_u", .single(0xB8), .none, "i32 -> f64", .numeric)
        case .f64ConvertI64S: OpcodeInfo(self, "f64.convert_i64_s", .single(0xB9), .none, "i64 -> f64", .numeric)
        case .f64ConvertI64U: OpcodeInfo(self, "f64.convert_i64_u", .single(0xBA), .none, "i64 -> f64", .numeric)
        case .f64PromoteF32: OpcodeInfo(self, "f64.promote_f32", .single(0xBB), .none, "f32 -> f64", .numeric)
        case .i32ReinterpretF32: OpcodeInfo(self, "i32.reinterpret_f32", .single(0xBC), .none, "f32 -> i32", .numeric)
        case .i64ReinterpretF64: OpcodeInfo(self, "i64.reinterpret_f64", .single(0xBD), .none, "f64 -> i64", .numeric)
        case .f32ReinterpretI32: OpcodeInfo(self, "f32.reinterpret_i32", .single(0xBE), .none, "i32 -> f32", .numeric)
        case .f64ReinterpretI64: OpcodeInfo(self, "f64.reinterpret_i64", .single(0xBF), .none, "i64 -> f64", .numeric)
        case .i32Extend8S: OpcodeInfo(self, "i32.extend8_s", .single(0xC0), .none, "i32 -> i32", .numeric)
        case .i32Extend16S: OpcodeInfo(self, "i32.extend16_s", .single(0xC1), .none, "i32 -> i32", .numeric)
        case .i64Extend8S: OpcodeInfo(self, "i64.extend8_s", .single(0xC2), .none, "i64 -> i64", .numeric)
        case .i64Extend16S: OpcodeInfo(self, "i64.extend16_s", .single(0xC3), .none, "i64 -> i64", .numeric)
        case .i64Extend32S: OpcodeInfo(self, "i64.extend32_s", .single(0xC4), .none, "i64 -> i64", .numeric)
        case .refNull: OpcodeInfo(self, "ref.null", .single(0xD0), .heapType, nil, .reference)
        case .refIsNull: OpcodeInfo(self, "ref.is_null", .single(0xD1), .none, nil, .reference)
        case .refFunc: OpcodeInfo(self, "ref.func", .single(0xD2), .functionIndex, nil, .reference)
        case .i32TruncSatF32S:
            OpcodeInfo(self, "i32.trunc_sat_f32_s", .prefixed(0xFC, 0x00), .none, "f32 -> i32", .numeric)
        case .i32TruncSatF32U:
            OpcodeInfo(self, "i32.trunc_sat_f32_u", .prefixed(0xFC, 0x01), .none, "f32 -> i32", .numeric)
        case .i32TruncSatF64S:
            OpcodeInfo(self, "i32.trunc_sat_f64_s", .prefixed(0xFC, 0x02), .none, "f64 -> i32", .numeric)
        case .i32TruncSatF64U:
            OpcodeInfo(self, "i32.trunc_sat_f64_u", .prefixed(0xFC, 0x03), .none, "f64 -> i32", .numeric)
        case .i64TruncSatF32S:
            OpcodeInfo(self, "i64.trunc_sat_f32_s", .prefixed(0xFC, 0x04), .none, "f32 -> i64", .numeric)
        case .i64TruncSatF32U:
            OpcodeInfo(self, "i64.trunc_sat_f32_u", .prefixed(0xFC, 0x05), .none, "f32 -> i64", .numeric)
        case .i64TruncSatF64S:
            OpcodeInfo(self, "i64.trunc_sat_f64_s", .prefixed(0xFC, 0x06), .none, "f64 -> i64", .numeric)
        case .i64TruncSatF64U:
            OpcodeInfo(self, "i64.trunc_sat_f64_u", .prefixed(0xFC, 0x07), .none, "f64 -> i64", .numeric)
        case .memoryInit:
            OpcodeInfo(self, "memory.init", .prefixed(0xFC, 0x08), .memoryInit, "i32 i32 i32 -> ", .memory)
        case .dataDrop: OpcodeInfo(self, "data.drop", .prefixed(0xFC, 0x09), .dataIndex, " -> ", .memory)
        case .memoryCopy:
            OpcodeInfo(self, "memory.copy", .prefixed(0xFC, 0x0A), .memoryCopy, "i32 i32 i32 -> ", .memory)
        case .memoryFill:
            OpcodeInfo(self, "memory.fill", .prefixed(0xFC, 0x0B), .memoryIndex, "i32 i32 i32 -> ", .memory)
        case .tableInit: OpcodeInfo(self, "table.init", .prefixed(0xFC, 0x0C), .tableInit, "i32 i32 i32 -> ", .table)
        case .elemDrop: OpcodeInfo(self, "elem.drop", .prefixed(0xFC, 0x0D), .elementIndex, " -> ", .table)
        case .tableCopy: OpcodeInfo(self, "table.copy", .prefixed(0xFC, 0x0E), .tableCopy, "i32 i32 i32 -> ", .table)
        case .tableGrow: OpcodeInfo(self, "table.grow", .prefixed(0xFC, 0x0F), .tableIndex, nil, .table)
        case .tableSize: OpcodeInfo(self, "table.size", .prefixed(0xFC, 0x10), .tableIndex, " -> i32", .table)
        case .tableFill: OpcodeInfo(self, "table.fill", .prefixed(0xFC, 0x11), .tableIndex, nil, .table)
        case .v128Load:
            OpcodeInfo(
                self, "v128.load", .prefixed(0xFD, 0x00), .memoryArgument(naturalAlignment: 4), "i32 -> v128", .vector)
        case .v128Load8x8S:
            OpcodeInfo(
                self, "v128.load8x8_s", .prefixed(0xFD, 0x01), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load8x8U:
            OpcodeInfo(
                self, "v128.load8x8_u", .prefixed(0xFD, 0x02), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load16x4S:
            OpcodeInfo(
                self, "v128.load16x4_s", .prefixed(0xFD, 0x03), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load16x4U:
            OpcodeInfo(
                self, "v128.load16x4_u", .prefixed(0xFD, 0x04), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load32x2S:
            OpcodeInfo(
                self, "v128.load32x2_s", .prefixed(0xFD, 0x05), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load32x2U:
            OpcodeInfo(
                self, "v128.load32x2_u", .prefixed(0xFD, 0x06), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Load8Splat:
            OpcodeInfo(
                self, "v128.load8_splat", .prefixed(0xFD, 0x07), .memoryArgument(naturalAlignment: 0), "i32 -> v128",
                .vector)
        case .v128Load16Splat:
            OpcodeInfo(
                self, "v128.load16_splat", .prefixed(0xFD, 0x08), .memoryArgument(naturalAlignment: 1), "i32 -> v128",
                .vector)
        case .v128Load32Splat:
            OpcodeInfo(
                self, "v128.load32_splat", .prefixed(0xFD, 0x09), .memoryArgument(naturalAlignment: 2), "i32 -> v128",
                .vector)
        case .v128Load64Splat:
            OpcodeInfo(
                self, "v128.load64_splat", .prefixed(0xFD, 0x0A), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .v128Store:
            OpcodeInfo(
                self, "v128.store", .prefixed(0xFD, 0x0B), .memoryArgument(naturalAlignment: 4), "i32 v128 -> ", .vector
            )
        case .v128Const: OpcodeInfo(self, "v128.const", .prefixed(0xFD, 0x0C), .v128Constant, " -> v128", .vector)
        case .i8x16Shuffle:
            OpcodeInfo(self, "i8x16.shuffle", .prefixed(0xFD, 0x0D), .shuffleLanes, "v128 v128 -> v128", .vector)
        case .i8x16Swizzle:
            OpcodeInfo(self, "i8x16.swizzle", .prefixed(0xFD, 0x0E), .none, "v128 v128 -> v128", .vector)
        case .i8x16Splat: OpcodeInfo(self, "i8x16.splat", .prefixed(0xFD, 0x0F), .none, "i32 -> v128", .vector)
        case .i16x8Splat: OpcodeInfo(self, "i16x8.splat", .prefixed(0xFD, 0x10), .none, "i32 -> v128", .vector)
        case .i32x4Splat: OpcodeInfo(self, "i32x4.splat", .prefixed(0xFD, 0x11), .none, "i32 -> v128", .vector)
        case .i64x2Splat: OpcodeInfo(self, "i64x2.splat", .prefixed(0xFD, 0x12), .none, "i64 -> v128", .vector)
        case .f32x4Splat: OpcodeInfo(self, "f32x4.splat", .prefixed(0xFD, 0x13), .none, "f32 -> v128", .vector)
        case .f64x2Splat: OpcodeInfo(self, "f64x2.splat", .prefixed(0xFD, 0x14), .none, "f64 -> v128", .vector)
        case .i8x16ExtractLaneS:
            OpcodeInfo(self, "i8x16.extract_lane_s", .prefixed(0xFD, 0x15), .lane(count: 16), "v128 -> i32", .vector)
        case .i8x16ExtractLaneU:
            OpcodeInfo(self, "i8x16.extract_lane_u", .prefixed(0xFD, 0x16), .lane(count: 16), "v128 -> i32", .vector)
        case .i8x16ReplaceLane:
            OpcodeInfo(self, "i8x16.replace_lane", .prefixed(0xFD, 0x17), .lane(count: 16), "v128 i32 -> v128", .vector)
        case .i16x8ExtractLaneS:
            OpcodeInfo(self, "i16x8.extract_lane_s", .prefixed(0xFD, 0x18), .lane(count: 8), "v128 -> i32", .vector)
        case .i16x8ExtractLaneU:
            OpcodeInfo(self, "i16x8.extract_lane_u", .prefixed(0xFD, 0x19), .lane(count: 8), "v128 -> i32", .vector)
        case .i16x8ReplaceLane:
            OpcodeInfo(self, "i16x8.replace_lane", .prefixed(0xFD, 0x1A), .lane(count: 8), "v128 i32 -> v128", .vector)
        case .i32x4ExtractLane:
            OpcodeInfo(self, "i32x4.extract_lane", .prefixed(0xFD, 0x1B), .lane(count: 4), "v128 -> i32", .vector)
        case .i32x4ReplaceLane:
            OpcodeInfo(self, "i32x4.replace_lane", .prefixed(0xFD, 0x1C), .lane(count: 4), "v128 i32 -> v128", .vector)
        case .i64x2ExtractLane:
            OpcodeInfo(self, "i64x2.extract_lane", .prefixed(0xFD, 0x1D), .lane(count: 2), "v128 -> i64", .vector)
        case .i64x2ReplaceLane:
            OpcodeInfo(self, "i64x2.replace_lane", .prefixed(0xFD, 0x1E), .lane(count: 2), "v128 i64 -> v128", .vector)
        case .f32x4ExtractLane:
            OpcodeInfo(self, "f32x4.extract_lane", .prefixed(0xFD, 0x1F), .lane(count: 4), "v128 -> f32", .vector)
        case .f32x4ReplaceLane:
            OpcodeInfo(self, "f32x4.replace_lane", .prefixed(0xFD, 0x20), .lane(count: 4), "v128 f32 -> v128", .vector)
        case .f64x2ExtractLane:
            OpcodeInfo(self, "f64x2.extract_lane", .prefixed(0xFD, 0x21), .lane(count: 2), "v128 -> f64", .vector)
        case .f64x2ReplaceLane:
            OpcodeInfo(self, "f64x2.replace_lane", .prefixed(0xFD, 0x22), .lane(count: 2), "v128 f64 -> v128", .vector)
        case .i8x16Eq: OpcodeInfo(self, "i8x16.eq", .prefixed(0xFD, 0x23), .none, "v128 v128 -> v128", .vector)
        case .i8x16Ne: OpcodeInfo(self, "i8x16.ne", .prefixed(0xFD, 0x24), .none, "v128 v128 -> v128", .vector)
        case .i8x16LtS: OpcodeInfo(self, "i8x16.lt_s", .prefixed(0xFD, 0x25), .none, "v128 v128 -> v128", .vector)
        case .i8x16LtU: OpcodeInfo(self, "i8x16.lt_u", .prefixed(0xFD, 0x26), .none, "v128 v128 -> v128", .vector)
        case .i8x16GtS: OpcodeInfo(self, "i8x16.gt_s", .prefixed(0xFD, 0x27), .none, "v128 v128 -> v128", .vector)
        case .i8x16GtU: OpcodeInfo(self, "i8x16.gt_u", .prefixed(0xFD, 0x28), .none, "v128 v128 -> v128", .vector)
        case .i8x16LeS: OpcodeInfo(self, "i8x16.le_s", .prefixed(0xFD, 0x29), .none, "v128 v128 -> v128", .vector)
        case .i8x16LeU: OpcodeInfo(self, "i8x16.le_u", .prefixed(0xFD, 0x2A), .none, "v128 v128 -> v128", .vector)
        case .i8x16GeS: OpcodeInfo(self, "i8x16.ge_s", .prefixed(0xFD, 0x2B), .none, "v128 v128 -> v128", .vector)
        case .i8x16GeU: OpcodeInfo(self, "i8x16.ge_u", .prefixed(0xFD, 0x2C), .none, "v128 v128 -> v128", .vector)
        case .i16x8Eq: OpcodeInfo(self, "i16x8.eq", .prefixed(0xFD, 0x2D), .none, "v128 v128 -> v128", .vector)
        case .i16x8Ne: OpcodeInfo(self, "i16x8.ne", .prefixed(0xFD, 0x2E), .none, "v128 v128 -> v128", .vector)
        case .i16x8LtS: OpcodeInfo(self, "i16x8.lt_s", .prefixed(0xFD, 0x2F), .none, "v128 v128 -> v128", .vector)
        case .i16x8LtU: OpcodeInfo(self, "i16x8.lt_u", .prefixed(0xFD, 0x30), .none, "v128 v128 -> v128", .vector)
        case .i16x8GtS: OpcodeInfo(self, "i16x8.gt_s", .prefixed(0xFD, 0x31), .none, "v128 v128 -> v128", .vector)
        case .i16x8GtU: OpcodeInfo(self, "i16x8.gt_u", .prefixed(0xFD, 0x32), .none, "v128 v128 -> v128", .vector)
        case .i16x8LeS: OpcodeInfo(self, "i16x8.le_s", .prefixed(0xFD, 0x33), .none, "v128 v128 -> v128", .vector)
        case .i16x8LeU: OpcodeInfo(self, "i16x8.le_u", .prefixed(0xFD, 0x34), .none, "v128 v128 -> v128", .vector)
        case .i16x8GeS: OpcodeInfo(self, "i16x8.ge_s", .prefixed(0xFD, 0x35), .none, "v128 v128 -> v128", .vector)
        case .i16x8GeU: OpcodeInfo(self, "i16x8.ge_u", .prefixed(0xFD, 0x36), .none, "v128 v128 -> v128", .vector)
        case .i32x4Eq: OpcodeInfo(self, "i32x4.eq", .prefixed(0xFD, 0x37), .none, "v128 v128 -> v128", .vector)
        case .i32x4Ne: OpcodeInfo(self, "i32x4.ne", .prefixed(0xFD, 0x38), .none, "v128 v128 -> v128", .vector)
        case .i32x4LtS: OpcodeInfo(self, "i32x4.lt_s", .prefixed(0xFD, 0x39), .none, "v128 v128 -> v128", .vector)
        case .i32x4LtU: OpcodeInfo(self, "i32x4.lt_u", .prefixed(0xFD, 0x3A), .none, "v128 v128 -> v128", .vector)
        case .i32x4GtS: OpcodeInfo(self, "i32x4.gt_s", .prefixed(0xFD, 0x3B), .none, "v128 v128 -> v128", .vector)
        case .i32x4GtU: OpcodeInfo(self, "i32x4.gt_u", .prefixed(0xFD, 0x3C), .none, "v128 v128 -> v128", .vector)
        case .i32x4LeS: OpcodeInfo(self, "i32x4.le_s", .prefixed(0xFD, 0x3D), .none, "v128 v128 -> v128", .vector)
        case .i32x4LeU: OpcodeInfo(self, "i32x4.le_u", .prefixed(0xFD, 0x3E), .none, "v128 v128 -> v128", .vector)
        case .i32x4GeS: OpcodeInfo(self, "i32x4.ge_s", .prefixed(0xFD, 0x3F), .none, "v128 v128 -> v128", .vector)
        case .i32x4GeU: OpcodeInfo(self, "i32x4.ge_u", .prefixed(0xFD, 0x40), .none, "v128 v128 -> v128", .vector)
        case .f32x4Eq: OpcodeInfo(self, "f32x4.eq", .prefixed(0xFD, 0x41), .none, "v128 v128 -> v128", .vector)
        case .f32x4Ne: OpcodeInfo(self, "f32x4.ne", .prefixed(0xFD, 0x42), .none, "v128 v128 -> v128", .vector)
        case .f32x4Lt: OpcodeInfo(self, "f32x4.lt", .prefixed(0xFD, 0x43), .none, "v128 v128 -> v128", .vector)
        case .f32x4Gt: OpcodeInfo(self, "f32x4.gt", .prefixed(0xFD, 0x44), .none, "v128 v128 -> v128", .vector)
        case .f32x4Le: OpcodeInfo(self, "f32x4.le", .prefixed(0xFD, 0x45), .none, "v128 v128 -> v128", .vector)
        case .f32x4Ge: OpcodeInfo(self, "f32x4.ge", .prefixed(0xFD, 0x46), .none, "v128 v128 -> v128", .vector)
        case .f64x2Eq: OpcodeInfo(self, "f64x2.eq", .prefixed(0xFD, 0x47), .none, "v128 v128 -> v128", .vector)
        case .f64x2Ne: OpcodeInfo(self, "f64x2.ne", .prefixed(0xFD, 0x48), .none, "v128 v128 -> v128", .vector)
        case .f64x2Lt: OpcodeInfo(self, "f64x2.lt", .prefixed(0xFD, 0x49), .none, "v128 v128 -> v128", .vector)
        case .f64x2Gt: OpcodeInfo(self, "f64x2.gt", .prefixed(0xFD, 0x4A), .none, "v128 v128 -> v128", .vector)
        case .f64x2Le: OpcodeInfo(self, "f64x2.le", .prefixed(0xFD, 0x4B), .none, "v128 v128 -> v128", .vector)
        case .f64x2Ge: OpcodeInfo(self, "f64x2.ge", .prefixed(0xFD, 0x4C), .none, "v128 v128 -> v128", .vector)
        case .v128Not: OpcodeInfo(self, "v128.not", .prefixed(0xFD, 0x4D), .none, "v128 -> v128", .vector)
        case .v128And: OpcodeInfo(self, "v128.and", .prefixed(0xFD, 0x4E), .none, "v128 v128 -> v128", .vector)
        case .v128Andnot: OpcodeInfo(self, "v128.andnot", .prefixed(0xFD, 0x4F), .none, "v128 v128 -> v128", .vector)
        case .v128Or: OpcodeInfo(self, "v128.or", .prefixed(0xFD, 0x50), .none, "v128 v128 -> v128", .vector)
        case .v128Xor: OpcodeInfo(self, "v128.xor", .prefixed(0xFD, 0x51), .none, "v128 v128 -> v128", .vector)
        case .v128Bitselect:
            OpcodeInfo(self, "v128.bitselect", .prefixed(0xFD, 0x52), .none, "v128 v128 v128 -> v128", .vector)
        case .v128AnyTrue: OpcodeInfo(self, "v128.any_true", .prefixed(0xFD, 0x53), .none, "v128 -> i32", .vector)
        case .v128Load8Lane:
            OpcodeInfo(
                self, "v128.load8_lane", .prefixed(0xFD, 0x54), .memoryLane(naturalAlignment: 0), "i32 v128 -> v128",
                .vector)
        case .v128Load16Lane:
            OpcodeInfo(
                self, "v128.load16_lane", .prefixed(0xFD, 0x55), .memoryLane(naturalAlignment: 1), "i32 v128 -> v128",
                .vector)
        case .v128Load32Lane:
            OpcodeInfo(
                self, "v128.load32_lane", .prefixed(0xFD, 0x56), .memoryLane(naturalAlignment: 2), "i32 v128 -> v128",
                .vector)
        case .v128Load64Lane:
            OpcodeInfo(
                self, "v128.load64_lane", .prefixed(0xFD, 0x57), .memoryLane(naturalAlignment: 3), "i32 v128 -> v128",
                .vector)
        case .v128Store8Lane:
            OpcodeInfo(
                self, "v128.store8_lane", .prefixed(0xFD, 0x58), .memoryLane(naturalAlignment: 0), "i32 v128 -> ",
                .vector)
        case .v128Store16Lane:
            OpcodeInfo(
                self, "v128.store16_lane", .prefixed(0xFD, 0x59), .memoryLane(naturalAlignment: 1), "i32 v128 -> ",
                .vector)
        case .v128Store32Lane:
            OpcodeInfo(
                self, "v128.store32_lane", .prefixed(0xFD, 0x5A), .memoryLane(naturalAlignment: 2), "i32 v128 -> ",
                .vector)
        case .v128Store64Lane:
            OpcodeInfo(
                self, "v128.store64_lane", .prefixed(0xFD, 0x5B), .memoryLane(naturalAlignment: 3), "i32 v128 -> ",
                .vector)
        case .v128Load32Zero:
            OpcodeInfo(
                self, "v128.load32_zero", .prefixed(0xFD, 0x5C), .memoryArgument(naturalAlignment: 2), "i32 -> v128",
                .vector)
        case .v128Load64Zero:
            OpcodeInfo(
                self, "v128.load64_zero", .prefixed(0xFD, 0x5D), .memoryArgument(naturalAlignment: 3), "i32 -> v128",
                .vector)
        case .f32x4DemoteF64x2Zero:
            OpcodeInfo(self, "f32x4.demote_f64x2_zero", .prefixed(0xFD, 0x5E), .none, "v128 -> v128", .vector)
        case .f64x2PromoteLowF32x4:
            OpcodeInfo(self, "f64x2.promote_low_f32x4", .prefixed(0xFD, 0x5F), .none, "v128 -> v128", .vector)
        case .i8x16Abs: OpcodeInfo(self, "i8x16.abs", .prefixed(0xFD, 0x60), .none, "v128 -> v128", .vector)
        case .i8x16Neg: OpcodeInfo(self, "i8x16.neg", .prefixed(0xFD, 0x61), .none, "v128 -> v128", .vector)
        case .i8x16Popcnt: OpcodeInfo(self, "i8x16.popcnt", .prefixed(0xFD, 0x62), .none, "v128 -> v128", .vector)
        case .i8x16AllTrue: OpcodeInfo(self, "i8x16.all_true", .prefixed(0xFD, 0x63), .none, "v128 -> i32", .vector)
        case .i8x16Bitmask: OpcodeInfo(self, "i8x16.bitmask", .prefixed(0xFD, 0x64), .none, "v128 -> i32", .vector)
        case .i8x16NarrowI16x8S:
            OpcodeInfo(self, "i8x16.narrow_i16x8_s", .prefixed(0xFD, 0x65), .none, "v128 v128 -> v128", .vector)
        case .i8x16NarrowI16x8U:
            OpcodeInfo(self, "i8x16.narrow_i16x8_u", .prefixed(0xFD, 0x66), .none, "v128 v128 -> v128", .vector)
        case .f32x4Ceil: OpcodeInfo(self, "f32x4.ceil", .prefixed(0xFD, 0x67), .none, "v128 -> v128", .vector)
        case .f32x4Floor: OpcodeInfo(self, "f32x4.floor", .prefixed(0xFD, 0x68), .none, "v128 -> v128", .vector)
        case .f32x4Trunc: OpcodeInfo(self, "f32x4.trunc", .prefixed(0xFD, 0x69), .none, "v128 -> v128", .vector)
        case .f32x4Nearest: OpcodeInfo(self, "f32x4.nearest", .prefixed(0xFD, 0x6A), .none, "v128 -> v128", .vector)
        case .i8x16Shl: OpcodeInfo(self, "i8x16.shl", .prefixed(0xFD, 0x6B), .none, "v128 i32 -> v128", .vector)
        case .i8x16ShrS: OpcodeInfo(self, "i8x16.shr_s", .prefixed(0xFD, 0x6C), .none, "v128 i32 -> v128", .vector)
        case .i8x16ShrU: OpcodeInfo(self, "i8x16.shr_u", .prefixed(0xFD, 0x6D), .none, "v128 i32 -> v128", .vector)
        case .i8x16Add: OpcodeInfo(self, "i8x16.add", .prefixed(0xFD, 0x6E), .none, "v128 v128 -> v128", .vector)
        case .i8x16AddSatS:
            OpcodeInfo(self, "i8x16.add_sat_s", .prefixed(0xFD, 0x6F), .none, "v128 v128 -> v128", .vector)
        case .i8x16AddSatU:
            OpcodeInfo(self, "i8x16.add_sat_u", .prefixed(0xFD, 0x70), .none, "v128 v128 -> v128", .vector)
        case .i8x16Sub: OpcodeInfo(self, "i8x16.sub", .prefixed(0xFD, 0x71), .none, "v128 v128 -> v128", .vector)
        case .i8x16SubSatS:
            OpcodeInfo(self, "i8x16.sub_sat_s", .prefixed(0xFD, 0x72), .none, "v128 v128 -> v128", .vector)
        case .i8x16SubSatU:
            OpcodeInfo(self, "i8x16.sub_sat_u", .prefixed(0xFD, 0x73), .none, "v128 v128 -> v128", .vector)
        case .f64x2Ceil: OpcodeInfo(self, "f64x2.ceil", .prefixed(0xFD, 0x74), .none, "v128 -> v128", .vector)
        case .f64x2Floor: OpcodeInfo(self, "f64x2.floor", .prefixed(0xFD, 0x75), .none, "v128 -> v128", .vector)
        case .i8x16MinS: OpcodeInfo(self, "i8x16.min_s", .prefixed(0xFD, 0x76), .none, "v128 v128 -> v128", .vector)
        case .i8x16MinU: OpcodeInfo(self, "i8x16.min_u", .prefixed(0xFD, 0x77), .none, "v128 v128 -> v128", .vector)
        case .i8x16MaxS: OpcodeInfo(self, "i8x16.max_s", .prefixed(0xFD, 0x78), .none, "v128 v128 -> v128", .vector)
        case .i8x16MaxU: OpcodeInfo(self, "i8x16.max_u", .prefixed(0xFD, 0x79), .none, "v128 v128 -> v128", .vector)
        case .f64x2Trunc: OpcodeInfo(self, "f64x2.trunc", .prefixed(0xFD, 0x7A), .none, "v128 -> v128", .vector)
        case .i8x16AvgrU: OpcodeInfo(self, "i8x16.avgr_u", .prefixed(0xFD, 0x7B), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtaddPairwiseI8x16S:
            OpcodeInfo(self, "i16x8.extadd_pairwise_i8x16_s", .prefixed(0xFD, 0x7C), .none, "v128 -> v128", .vector)
        case .i16x8ExtaddPairwiseI8x16U:
            OpcodeInfo(self, "i16x8.extadd_pairwise_i8x16_u", .prefixed(0xFD, 0x7D), .none, "v128 -> v128", .vector)
        case .i32x4ExtaddPairwiseI16x8S:
            OpcodeInfo(self, "i32x4.extadd_pairwise_i16x8_s", .prefixed(0xFD, 0x7E), .none, "v128 -> v128", .vector)
        case .i32x4ExtaddPairwiseI16x8U:
            OpcodeInfo(self, "i32x4.extadd_pairwise_i16x8_u", .prefixed(0xFD, 0x7F), .none, "v128 -> v128", .vector)
        case .i16x8Abs: OpcodeInfo(self, "i16x8.abs", .prefixed(0xFD, 0x80), .none, "v128 -> v128", .vector)
        case .i16x8Neg: OpcodeInfo(self, "i16x8.neg", .prefixed(0xFD, 0x81), .none, "v128 -> v128", .vector)
        case .i16x8Q15mulrSatS:
            OpcodeInfo(self, "i16x8.q15mulr_sat_s", .prefixed(0xFD, 0x82), .none, "v128 v128 -> v128", .vector)
        case .i16x8AllTrue: OpcodeInfo(self, "i16x8.all_true", .prefixed(0xFD, 0x83), .none, "v128 -> i32", .vector)
        case .i16x8Bitmask: OpcodeInfo(self, "i16x8.bitmask", .prefixed(0xFD, 0x84), .none, "v128 -> i32", .vector)
        case .i16x8NarrowI32x4S:
            OpcodeInfo(self, "i16x8.narrow_i32x4_s", .prefixed(0xFD, 0x85), .none, "v128 v128 -> v128", .vector)
        case .i16x8NarrowI32x4U:
            OpcodeInfo(self, "i16x8.narrow_i32x4_u", .prefixed(0xFD, 0x86), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtendLowI8x16S:
            OpcodeInfo(self, "i16x8.extend_low_i8x16_s", .prefixed(0xFD, 0x87), .none, "v128 -> v128", .vector)
        case .i16x8ExtendHighI8x16S:
            OpcodeInfo(self, "i16x8.extend_high_i8x16_s", .prefixed(0xFD, 0x88), .none, "v128 -> v128", .vector)
        case .i16x8ExtendLowI8x16U:
            OpcodeInfo(self, "i16x8.extend_low_i8x16_u", .prefixed(0xFD, 0x89), .none, "v128 -> v128", .vector)
        case .i16x8ExtendHighI8x16U:
            OpcodeInfo(self, "i16x8.extend_high_i8x16_u", .prefixed(0xFD, 0x8A), .none, "v128 -> v128", .vector)
        case .i16x8Shl: OpcodeInfo(self, "i16x8.shl", .prefixed(0xFD, 0x8B), .none, "v128 i32 -> v128", .vector)
        case .i16x8ShrS: OpcodeInfo(self, "i16x8.shr_s", .prefixed(0xFD, 0x8C), .none, "v128 i32 -> v128", .vector)
        case .i16x8ShrU: OpcodeInfo(self, "i16x8.shr_u", .prefixed(0xFD, 0x8D), .none, "v128 i32 -> v128", .vector)
        case .i16x8Add: OpcodeInfo(self, "i16x8.add", .prefixed(0xFD, 0x8E), .none, "v128 v128 -> v128", .vector)
        case .i16x8AddSatS:
            OpcodeInfo(self, "i16x8.add_sat_s", .prefixed(0xFD, 0x8F), .none, "v128 v128 -> v128", .vector)
        case .i16x8AddSatU:
            OpcodeInfo(self, "i16x8.add_sat_u", .prefixed(0xFD, 0x90), .none, "v128 v128 -> v128", .vector)
        case .i16x8Sub: OpcodeInfo(self, "i16x8.sub", .prefixed(0xFD, 0x91), .none, "v128 v128 -> v128", .vector)
        case .i16x8SubSatS:
            OpcodeInfo(self, "i16x8.sub_sat_s", .prefixed(0xFD, 0x92), .none, "v128 v128 -> v128", .vector)
        case .i16x8SubSatU:
            OpcodeInfo(self, "i16x8.sub_sat_u", .prefixed(0xFD, 0x93), .none, "v128 v128 -> v128", .vector)
        case .f64x2Nearest: OpcodeInfo(self, "f64x2.nearest", .prefixed(0xFD, 0x94), .none, "v128 -> v128", .vector)
        case .i16x8Mul: OpcodeInfo(self, "i16x8.mul", .prefixed(0xFD, 0x95), .none, "v128 v128 -> v128", .vector)
        case .i16x8MinS: OpcodeInfo(self, "i16x8.min_s", .prefixed(0xFD, 0x96), .none, "v128 v128 -> v128", .vector)
        case .i16x8MinU: OpcodeInfo(self, "i16x8.min_u", .prefixed(0xFD, 0x97), .none, "v128 v128 -> v128", .vector)
        case .i16x8MaxS: OpcodeInfo(self, "i16x8.max_s", .prefixed(0xFD, 0x98), .none, "v128 v128 -> v128", .vector)
        case .i16x8MaxU: OpcodeInfo(self, "i16x8.max_u", .prefixed(0xFD, 0x99), .none, "v128 v128 -> v128", .vector)
        case .i16x8AvgrU: OpcodeInfo(self, "i16x8.avgr_u", .prefixed(0xFD, 0x9B), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtmulLowI8x16S:
            OpcodeInfo(self, "i16x8.extmul_low_i8x16_s", .prefixed(0xFD, 0x9C), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtmulHighI8x16S:
            OpcodeInfo(self, "i16x8.extmul_high_i8x16_s", .prefixed(0xFD, 0x9D), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtmulLowI8x16U:
            OpcodeInfo(self, "i16x8.extmul_low_i8x16_u", .prefixed(0xFD, 0x9E), .none, "v128 v128 -> v128", .vector)
        case .i16x8ExtmulHighI8x16U:
            OpcodeInfo(self, "i16x8.extmul_high_i8x16_u", .prefixed(0xFD, 0x9F), .none, "v128 v128 -> v128", .vector)
        case .i32x4Abs: OpcodeInfo(self, "i32x4.abs", .prefixed(0xFD, 0xA0), .none, "v128 -> v128", .vector)
        case .i32x4Neg: OpcodeInfo(self, "i32x4.neg", .prefixed(0xFD, 0xA1), .none, "v128 -> v128", .vector)
        case .i32x4AllTrue: OpcodeInfo(self, "i32x4.all_true", .prefixed(0xFD, 0xA3), .none, "v128 -> i32", .vector)
        case .i32x4Bitmask: OpcodeInfo(self, "i32x4.bitmask", .prefixed(0xFD, 0xA4), .none, "v128 -> i32", .vector)
        case .i32x4ExtendLowI16x8S:
            OpcodeInfo(self, "i32x4.extend_low_i16x8_s", .prefixed(0xFD, 0xA7), .none, "v128 -> v128", .vector)
        case .i32x4ExtendHighI16x8S:
            OpcodeInfo(self, "i32x4.extend_high_i16x8_s", .prefixed(0xFD, 0xA8), .none, "v128 -> v128", .vector)
        case .i32x4ExtendLowI16x8U:
            OpcodeInfo(self, "i32x4.extend_low_i16x8_u", .prefixed(0xFD, 0xA9), .none, "v128 -> v128", .vector)
        case .i32x4ExtendHighI16x8U:
            OpcodeInfo(self, "i32x4.extend_high_i16x8_u", .prefixed(0xFD, 0xAA), .none, "v128 -> v128", .vector)
        case .i32x4Shl: OpcodeInfo(self, "i32x4.shl", .prefixed(0xFD, 0xAB), .none, "v128 i32 -> v128", .vector)
        case .i32x4ShrS: OpcodeInfo(self, "i32x4.shr_s", .prefixed(0xFD, 0xAC), .none, "v128 i32 -> v128", .vector)
        case .i32x4ShrU: OpcodeInfo(self, "i32x4.shr_u", .prefixed(0xFD, 0xAD), .none, "v128 i32 -> v128", .vector)
        case .i32x4Add: OpcodeInfo(self, "i32x4.add", .prefixed(0xFD, 0xAE), .none, "v128 v128 -> v128", .vector)
        case .i32x4Sub: OpcodeInfo(self, "i32x4.sub", .prefixed(0xFD, 0xB1), .none, "v128 v128 -> v128", .vector)
        case .i32x4Mul: OpcodeInfo(self, "i32x4.mul", .prefixed(0xFD, 0xB5), .none, "v128 v128 -> v128", .vector)
        case .i32x4MinS: OpcodeInfo(self, "i32x4.min_s", .prefixed(0xFD, 0xB6), .none, "v128 v128 -> v128", .vector)
        case .i32x4MinU: OpcodeInfo(self, "i32x4.min_u", .prefixed(0xFD, 0xB7), .none, "v128 v128 -> v128", .vector)
        case .i32x4MaxS: OpcodeInfo(self, "i32x4.max_s", .prefixed(0xFD, 0xB8), .none, "v128 v128 -> v128", .vector)
        case .i32x4MaxU: OpcodeInfo(self, "i32x4.max_u", .prefixed(0xFD, 0xB9), .none, "v128 v128 -> v128", .vector)
        case .i32x4DotI16x8S:
            OpcodeInfo(self, "i32x4.dot_i16x8_s", .prefixed(0xFD, 0xBA), .none, "v128 v128 -> v128", .vector)
        case .i32x4ExtmulLowI16x8S:
            OpcodeInfo(self, "i32x4.extmul_low_i16x8_s", .prefixed(0xFD, 0xBC), .none, "v128 v128 -> v128", .vector)
        case .i32x4ExtmulHighI16x8S:
            OpcodeInfo(self, "i32x4.extmul_high_i16x8_s", .prefixed(0xFD, 0xBD), .none, "v128 v128 -> v128", .vector)
        case .i32x4ExtmulLowI16x8U:
            OpcodeInfo(self, "i32x4.extmul_low_i16x8_u", .prefixed(0xFD, 0xBE), .none, "v128 v128 -> v128", .vector)
        case .i32x4ExtmulHighI16x8U:
            OpcodeInfo(self, "i32x4.extmul_high_i16x8_u", .prefixed(0xFD, 0xBF), .none, "v128 v128 -> v128", .vector)
        case .i64x2Abs: OpcodeInfo(self, "i64x2.abs", .prefixed(0xFD, 0xC0), .none, "v128 -> v128", .vector)
        case .i64x2Neg: OpcodeInfo(self, "i64x2.neg", .prefixed(0xFD, 0xC1), .none, "v128 -> v128", .vector)
        case .i64x2AllTrue: OpcodeInfo(self, "i64x2.all_true", .prefixed(0xFD, 0xC3), .none, "v128 -> i32", .vector)
        case .i64x2Bitmask: OpcodeInfo(self, "i64x2.bitmask", .prefixed(0xFD, 0xC4), .none, "v128 -> i32", .vector)
        case .i64x2ExtendLowI32x4S:
            OpcodeInfo(self, "i64x2.extend_low_i32x4_s", .prefixed(0xFD, 0xC7), .none, "v128 -> v128", .vector)
        case .i64x2ExtendHighI32x4S:
            OpcodeInfo(self, "i64x2.extend_high_i32x4_s", .prefixed(0xFD, 0xC8), .none, "v128 -> v128", .vector)
        case .i64x2ExtendLowI32x4U:
            OpcodeInfo(self, "i64x2.extend_low_i32x4_u", .prefixed(0xFD, 0xC9), .none, "v128 -> v128", .vector)
        case .i64x2ExtendHighI32x4U:
            OpcodeInfo(self, "i64x2.extend_high_i32x4_u", .prefixed(0xFD, 0xCA), .none, "v128 -> v128", .vector)
        case .i64x2Shl: OpcodeInfo(self, "i64x2.shl", .prefixed(0xFD, 0xCB), .none, "v128 i32 -> v128", .vector)
        case .i64x2ShrS: OpcodeInfo(self, "i64x2.shr_s", .prefixed(0xFD, 0xCC), .none, "v128 i32 -> v128", .vector)
        case .i64x2ShrU: OpcodeInfo(self, "i64x2.shr_u", .prefixed(0xFD, 0xCD), .none, "v128 i32 -> v128", .vector)
        case .i64x2Add: OpcodeInfo(self, "i64x2.add", .prefixed(0xFD, 0xCE), .none, "v128 v128 -> v128", .vector)
        case .i64x2Sub: OpcodeInfo(self, "i64x2.sub", .prefixed(0xFD, 0xD1), .none, "v128 v128 -> v128", .vector)
        case .i64x2Mul: OpcodeInfo(self, "i64x2.mul", .prefixed(0xFD, 0xD5), .none, "v128 v128 -> v128", .vector)
        case .i64x2Eq: OpcodeInfo(self, "i64x2.eq", .prefixed(0xFD, 0xD6), .none, "v128 v128 -> v128", .vector)
        case .i64x2Ne: OpcodeInfo(self, "i64x2.ne", .prefixed(0xFD, 0xD7), .none, "v128 v128 -> v128", .vector)
        case .i64x2LtS: OpcodeInfo(self, "i64x2.lt_s", .prefixed(0xFD, 0xD8), .none, "v128 v128 -> v128", .vector)
        case .i64x2GtS: OpcodeInfo(self, "i64x2.gt_s", .prefixed(0xFD, 0xD9), .none, "v128 v128 -> v128", .vector)
        case .i64x2LeS: OpcodeInfo(self, "i64x2.le_s", .prefixed(0xFD, 0xDA), .none, "v128 v128 -> v128", .vector)
        case .i64x2GeS: OpcodeInfo(self, "i64x2.ge_s", .prefixed(0xFD, 0xDB), .none, "v128 v128 -> v128", .vector)
        case .i64x2ExtmulLowI32x4S:
            OpcodeInfo(self, "i64x2.extmul_low_i32x4_s", .prefixed(0xFD, 0xDC), .none, "v128 v128 -> v128", .vector)
        case .i64x2ExtmulHighI32x4S:
            OpcodeInfo(self, "i64x2.extmul_high_i32x4_s", .prefixed(0xFD, 0xDD), .none, "v128 v128 -> v128", .vector)
        case .i64x2ExtmulLowI32x4U:
            OpcodeInfo(self, "i64x2.extmul_low_i32x4_u", .prefixed(0xFD, 0xDE), .none, "v128 v128 -> v128", .vector)
        case .i64x2ExtmulHighI32x4U:
            OpcodeInfo(self, "i64x2.extmul_high_i32x4_u", .prefixed(0xFD, 0xDF), .none, "v128 v128 -> v128", .vector)
        case .f32x4Abs: OpcodeInfo(self, "f32x4.abs", .prefixed(0xFD, 0xE0), .none, "v128 -> v128", .vector)
        case .f32x4Neg: OpcodeInfo(self, "f32x4.neg", .prefixed(0xFD, 0xE1), .none, "v128 -> v128", .vector)
        case .f32x4Sqrt: OpcodeInfo(self, "f32x4.sqrt", .prefixed(0xFD, 0xE3), .none, "v128 -> v128", .vector)
        case .f32x4Add: OpcodeInfo(self, "f32x4.add", .prefixed(0xFD, 0xE4), .none, "v128 v128 -> v128", .vector)
        case .f32x4Sub: OpcodeInfo(self, "f32x4.sub", .prefixed(0xFD, 0xE5), .none, "v128 v128 -> v128", .vector)
        case .f32x4Mul: OpcodeInfo(self, "f32x4.mul", .prefixed(0xFD, 0xE6), .none, "v128 v128 -> v128", .vector)
        case .f32x4Div: OpcodeInfo(self, "f32x4.div", .prefixed(0xFD, 0xE7), .none, "v128 v128 -> v128", .vector)
        case .f32x4Min: OpcodeInfo(self, "f32x4.min", .prefixed(0xFD, 0xE8), .none, "v128 v128 -> v128", .vector)
        case .f32x4Max: OpcodeInfo(self, "f32x4.max", .prefixed(0xFD, 0xE9), .none, "v128 v128 -> v128", .vector)
        case .f32x4Pmin: OpcodeInfo(self, "f32x4.pmin", .prefixed(0xFD, 0xEA), .none, "v128 v128 -> v128", .vector)
        case .f32x4Pmax: OpcodeInfo(self, "f32x4.pmax", .prefixed(0xFD, 0xEB), .none, "v128 v128 -> v128", .vector)
        case .f64x2Abs: OpcodeInfo(self, "f64x2.abs", .prefixed(0xFD, 0xEC), .none, "v128 -> v128", .vector)
        case .f64x2Neg: OpcodeInfo(self, "f64x2.neg", .prefixed(0xFD, 0xED), .none, "v128 -> v128", .vector)
        case .f64x2Sqrt: OpcodeInfo(self, "f64x2.sqrt", .prefixed(0xFD, 0xEF), .none, "v128 -> v128", .vector)
        case .f64x2Add: OpcodeInfo(self, "f64x2.add", .prefixed(0xFD, 0xF0), .none, "v128 v128 -> v128", .vector)
        case .f64x2Sub: OpcodeInfo(self, "f64x2.sub", .prefixed(0xFD, 0xF1), .none, "v128 v128 -> v128", .vector)
        case .f64x2Mul: OpcodeInfo(self, "f64x2.mul", .prefixed(0xFD, 0xF2), .none, "v128 v128 -> v128", .vector)
        case .f64x2Div: OpcodeInfo(self, "f64x2.div", .prefixed(0xFD, 0xF3), .none, "v128 v128 -> v128", .vector)
        case .f64x2Min: OpcodeInfo(self, "f64x2.min", .prefixed(0xFD, 0xF4), .none, "v128 v128 -> v128", .vector)
        case .f64x2Max: OpcodeInfo(self, "f64x2.max", .prefixed(0xFD, 0xF5), .none, "v128 v128 -> v128", .vector)
        case .f64x2Pmin: OpcodeInfo(self, "f64x2.pmin", .prefixed(0xFD, 0xF6), .none, "v128 v128 -> v128", .vector)
        case .f64x2Pmax: OpcodeInfo(self, "f64x2.pmax", .prefixed(0xFD, 0xF7), .none, "v128 v128 -> v128", .vector)
        case .i32x4TruncSatF32x4S:
            OpcodeInfo(self, "i32x4.trunc_sat_f32x4_s", .prefixed(0xFD, 0xF8), .none, "v128 -> v128", .vector)
        case .i32x4TruncSatF32x4U:
            OpcodeInfo(self, "i32x4.trunc_sat_f32x4_u", .prefixed(0xFD, 0xF9), .none, "v128 -> v128", .vector)
        case .f32x4ConvertI32x4S:
            OpcodeInfo(self, "f32x4.convert_i32x4_s", .prefixed(0xFD, 0xFA), .none, "v128 -> v128", .vector)
        case .f32x4ConvertI32x4U:
            OpcodeInfo(self, "f32x4.convert_i32x4_u", .prefixed(0xFD, 0xFB), .none, "v128 -> v128", .vector)
        case .i32x4TruncSatF64x2SZero:
            OpcodeInfo(self, "i32x4.trunc_sat_f64x2_s_zero", .prefixed(0xFD, 0xFC), .none, "v128 -> v128", .vector)
        case .i32x4TruncSatF64x2UZero:
            OpcodeInfo(self, "i32x4.trunc_sat_f64x2_u_zero", .prefixed(0xFD, 0xFD), .none, "v128 -> v128", .vector)
        case .f64x2ConvertLowI32x4S:
            OpcodeInfo(self, "f64x2.convert_low_i32x4_s", .prefixed(0xFD, 0xFE), .none, "v128 -> v128", .vector)
        case .f64x2ConvertLowI32x4U:
            OpcodeInfo(self, "f64x2.convert_low_i32x4_u", .prefixed(0xFD, 0xFF), .none, "v128 -> v128", .vector)
        case .returnCall:
            OpcodeInfo(self, "return_call", .single(0x12), .functionIndex, nil, .control, feature: .tailCall)
        case .returnCallIndirect:
            OpcodeInfo(self, "return_call_indirect", .single(0x13), .callIndirect, nil, .control, feature: .tailCall)
        case .callRef:
            OpcodeInfo(self, "call_ref", .single(0x14), .typeIndex, nil, .control, feature: .functionReferences)
        case .returnCallRef:
            OpcodeInfo(self, "return_call_ref", .single(0x15), .typeIndex, nil, .control, feature: .functionReferences)
        case .refAsNonNull:
            OpcodeInfo(self, "ref.as_non_null", .single(0xD4), .none, nil, .reference, feature: .functionReferences)
        case .brOnNull:
            OpcodeInfo(self, "br_on_null", .single(0xD5), .labelIndex, nil, .control, feature: .functionReferences)
        case .brOnNonNull:
            OpcodeInfo(self, "br_on_non_null", .single(0xD6), .labelIndex, nil, .control, feature: .functionReferences)
        case .throw: OpcodeInfo(self, "throw", .single(0x08), .tagIndex, nil, .control, feature: .exceptionHandling)
        case .throwRef: OpcodeInfo(self, "throw_ref", .single(0x0A), .none, nil, .control, feature: .exceptionHandling)
        case .tryTable:
            OpcodeInfo(self, "try_table", .single(0x1F), .tryTable, nil, .control, feature: .exceptionHandling)
        case .try: OpcodeInfo(self, "try", .single(0x06), .blockType, nil, .control, feature: .legacyExceptions)
        case .catch: OpcodeInfo(self, "catch", .single(0x07), .tagIndex, nil, .control, feature: .legacyExceptions)
        case .rethrow:
            OpcodeInfo(self, "rethrow", .single(0x09), .labelIndex, nil, .control, feature: .legacyExceptions)
        case .delegate:
            OpcodeInfo(self, "delegate", .single(0x18), .labelIndex, nil, .control, feature: .legacyExceptions)
        case .catchAll: OpcodeInfo(self, "catch_all", .single(0x19), .none, nil, .control, feature: .legacyExceptions)
        case .refEq: OpcodeInfo(self, "ref.eq", .single(0xD3), .none, nil, .reference, feature: .gc)
        case .structNew:
            OpcodeInfo(self, "struct.new", .prefixed(0xFB, 0x00), .typeIndex, nil, .reference, feature: .gc)
        case .structNewDefault:
            OpcodeInfo(self, "struct.new_default", .prefixed(0xFB, 0x01), .typeIndex, nil, .reference, feature: .gc)
        case .structGet:
            OpcodeInfo(self, "struct.get", .prefixed(0xFB, 0x02), .fieldAccess, nil, .reference, feature: .gc)
        case .structGetS:
            OpcodeInfo(self, "struct.get_s", .prefixed(0xFB, 0x03), .fieldAccess, nil, .reference, feature: .gc)
        case .structGetU:
            OpcodeInfo(self, "struct.get_u", .prefixed(0xFB, 0x04), .fieldAccess, nil, .reference, feature: .gc)
        case .structSet:
            OpcodeInfo(self, "struct.set", .prefixed(0xFB, 0x05), .fieldAccess, nil, .reference, feature: .gc)
        case .arrayNew: OpcodeInfo(self, "array.new", .prefixed(0xFB, 0x06), .typeIndex, nil, .reference, feature: .gc)
        case .arrayNewDefault:
            OpcodeInfo(self, "array.new_default", .prefixed(0xFB, 0x07), .typeIndex, nil, .reference, feature: .gc)
        case .arrayNewFixed:
            OpcodeInfo(self, "array.new_fixed", .prefixed(0xFB, 0x08), .typeAndCount, nil, .reference, feature: .gc)
        case .arrayNewData:
            OpcodeInfo(self, "array.new_data", .prefixed(0xFB, 0x09), .typeAndData, nil, .reference, feature: .gc)
        case .arrayNewElem:
            OpcodeInfo(self, "array.new_elem", .prefixed(0xFB, 0x0A), .typeAndElement, nil, .reference, feature: .gc)
        case .arrayGet: OpcodeInfo(self, "array.get", .prefixed(0xFB, 0x0B), .typeIndex, nil, .reference, feature: .gc)
        case .arrayGetS:
            OpcodeInfo(self, "array.get_s", .prefixed(0xFB, 0x0C), .typeIndex, nil, .reference, feature: .gc)
        case .arrayGetU:
            OpcodeInfo(self, "array.get_u", .prefixed(0xFB, 0x0D), .typeIndex, nil, .reference, feature: .gc)
        case .arraySet: OpcodeInfo(self, "array.set", .prefixed(0xFB, 0x0E), .typeIndex, nil, .reference, feature: .gc)
        case .arrayLen: OpcodeInfo(self, "array.len", .prefixed(0xFB, 0x0F), .none, nil, .reference, feature: .gc)
        case .arrayFill:
            OpcodeInfo(self, "array.fill", .prefixed(0xFB, 0x10), .typeIndex, nil, .reference, feature: .gc)
        case .arrayCopy: OpcodeInfo(self, "array.copy", .prefixed(0xFB, 0x11), .twoTypes, nil, .reference, feature: .gc)
        case .arrayInitData:
            OpcodeInfo(self, "array.init_data", .prefixed(0xFB, 0x12), .typeAndData, nil, .reference, feature: .gc)
        case .arrayInitElem:
            OpcodeInfo(self, "array.init_elem", .prefixed(0xFB, 0x13), .typeAndElement, nil, .reference, feature: .gc)
        case .refTest:
            OpcodeInfo(
                self, "ref.test", .prefixed(0xFB, 0x14), .castTarget(nullable: false), nil, .reference, feature: .gc)
        case .refTestNull:
            OpcodeInfo(
                self, "ref.test", .prefixed(0xFB, 0x15), .castTarget(nullable: true), nil, .reference, feature: .gc)
        case .refCast:
            OpcodeInfo(
                self, "ref.cast", .prefixed(0xFB, 0x16), .castTarget(nullable: false), nil, .reference, feature: .gc)
        case .refCastNull:
            OpcodeInfo(
                self, "ref.cast", .prefixed(0xFB, 0x17), .castTarget(nullable: true), nil, .reference, feature: .gc)
        case .brOnCast: OpcodeInfo(self, "br_on_cast", .prefixed(0xFB, 0x18), .castBranch, nil, .control, feature: .gc)
        case .brOnCastFail:
            OpcodeInfo(self, "br_on_cast_fail", .prefixed(0xFB, 0x19), .castBranch, nil, .control, feature: .gc)
        case .anyConvertExtern:
            OpcodeInfo(self, "any.convert_extern", .prefixed(0xFB, 0x1A), .none, nil, .reference, feature: .gc)
        case .externConvertAny:
            OpcodeInfo(self, "extern.convert_any", .prefixed(0xFB, 0x1B), .none, nil, .reference, feature: .gc)
        case .refI31: OpcodeInfo(self, "ref.i31", .prefixed(0xFB, 0x1C), .none, nil, .reference, feature: .gc)
        case .i31GetS: OpcodeInfo(self, "i31.get_s", .prefixed(0xFB, 0x1D), .none, nil, .reference, feature: .gc)
        case .i31GetU: OpcodeInfo(self, "i31.get_u", .prefixed(0xFB, 0x1E), .none, nil, .reference, feature: .gc)
        case .i8x16RelaxedSwizzle:
            OpcodeInfo(
                self, "i8x16.relaxed_swizzle", .prefixed(0xFD, 0x100), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i8x16.swizzle`: a lane index of 16 or more selects 0")
        case .i32x4RelaxedTruncF32x4S:
            OpcodeInfo(
                self, "i32x4.relaxed_trunc_f32x4_s", .prefixed(0xFD, 0x101), .none, "v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i32x4.trunc_sat_f32x4_s`: NaN gives 0, out-of-range lanes saturate")
        case .i32x4RelaxedTruncF32x4U:
            OpcodeInfo(
                self, "i32x4.relaxed_trunc_f32x4_u", .prefixed(0xFD, 0x102), .none, "v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i32x4.trunc_sat_f32x4_u`: NaN gives 0, out-of-range lanes saturate")
        case .i32x4RelaxedTruncF64x2SZero:
            OpcodeInfo(
                self, "i32x4.relaxed_trunc_f64x2_s_zero", .prefixed(0xFD, 0x103), .none, "v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i32x4.trunc_sat_f64x2_s_zero`: NaN gives 0, out-of-range lanes saturate")
        case .i32x4RelaxedTruncF64x2UZero:
            OpcodeInfo(
                self, "i32x4.relaxed_trunc_f64x2_u_zero", .prefixed(0xFD, 0x104), .none, "v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i32x4.trunc_sat_f64x2_u_zero`: NaN gives 0, out-of-range lanes saturate")
        case .f32x4RelaxedMadd:
            OpcodeInfo(
                self, "f32x4.relaxed_madd", .prefixed(0xFD, 0x105), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "not fused: `a * b` is rounded, then `+ c` is rounded")
        case .f32x4RelaxedNmadd:
            OpcodeInfo(
                self, "f32x4.relaxed_nmadd", .prefixed(0xFD, 0x106), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "not fused: `-(a * b)` is rounded, then `+ c` is rounded")
        case .f64x2RelaxedMadd:
            OpcodeInfo(
                self, "f64x2.relaxed_madd", .prefixed(0xFD, 0x107), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "not fused: `a * b` is rounded, then `+ c` is rounded")
        case .f64x2RelaxedNmadd:
            OpcodeInfo(
                self, "f64x2.relaxed_nmadd", .prefixed(0xFD, 0x108), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "not fused: `-(a * b)` is rounded, then `+ c` is rounded")
        case .i8x16RelaxedLaneselect:
            OpcodeInfo(
                self, "i8x16.relaxed_laneselect", .prefixed(0xFD, 0x109), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `v128.bitselect`: each bit comes from `a` where the mask bit is 1, else from `b`")
        case .i16x8RelaxedLaneselect:
            OpcodeInfo(
                self, "i16x8.relaxed_laneselect", .prefixed(0xFD, 0x10A), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `v128.bitselect`: each bit comes from `a` where the mask bit is 1, else from `b`")
        case .i32x4RelaxedLaneselect:
            OpcodeInfo(
                self, "i32x4.relaxed_laneselect", .prefixed(0xFD, 0x10B), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `v128.bitselect`: each bit comes from `a` where the mask bit is 1, else from `b`")
        case .i64x2RelaxedLaneselect:
            OpcodeInfo(
                self, "i64x2.relaxed_laneselect", .prefixed(0xFD, 0x10C), .none, "v128 v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `v128.bitselect`: each bit comes from `a` where the mask bit is 1, else from `b`")
        case .f32x4RelaxedMin:
            OpcodeInfo(
                self, "f32x4.relaxed_min", .prefixed(0xFD, 0x10D), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `f32x4.min`: NaN if either lane is NaN, and -0 is less than +0")
        case .f32x4RelaxedMax:
            OpcodeInfo(
                self, "f32x4.relaxed_max", .prefixed(0xFD, 0x10E), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `f32x4.max`: NaN if either lane is NaN, and +0 is greater than -0")
        case .f64x2RelaxedMin:
            OpcodeInfo(
                self, "f64x2.relaxed_min", .prefixed(0xFD, 0x10F), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `f64x2.min`: NaN if either lane is NaN, and -0 is less than +0")
        case .f64x2RelaxedMax:
            OpcodeInfo(
                self, "f64x2.relaxed_max", .prefixed(0xFD, 0x110), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `f64x2.max`: NaN if either lane is NaN, and +0 is greater than -0")
        case .i16x8RelaxedQ15mulrS:
            OpcodeInfo(
                self, "i16x8.relaxed_q15mulr_s", .prefixed(0xFD, 0x111), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "as `i16x8.q15mulr_sat_s`: -32768 times -32768 saturates to 32767")
        case .i16x8RelaxedDotI8x16I7x16S:
            OpcodeInfo(
                self, "i16x8.relaxed_dot_i8x16_i7x16_s", .prefixed(0xFD, 0x112), .none, "v128 v128 -> v128", .vector,
                feature: .relaxedSIMD,
                note: "the lanes of `b` are signed too; each pair's sum wraps to 16 bits")
        case .i32x4RelaxedDotI8x16I7x16AddS:
            OpcodeInfo(
                self, "i32x4.relaxed_dot_i8x16_i7x16_add_s", .prefixed(0xFD, 0x113), .none, "v128 v128 v128 -> v128",
                .vector, feature: .relaxedSIMD,
                note:
                    "the lanes of `b` are signed too; the four products are summed exactly, then `c` is added, wrapping to 32 bits"
            )
        }
    }
}
