/// Translates one validated function body into internal code (see docs/interpreter.md).
///
/// Values live in frame slots: slots `0..<localCount` hold the locals, the next ones the function's
/// constants (copied in at entry), and the operand at stack height `h` has the "home" slot
/// `operandBase + h`. The translator tracks, for each operand, the
/// slot that holds it, so that `local.get` costs nothing: its operand simply names the local's slot
/// until something could change that local, at which point it is copied home ("materialized").
struct Translator {
    struct Context {
        let module: Module
        /// Type of every function in the index space.
        let functionTypes: [FunctionType]
        /// Canonical ids of the module's types, for `call_indirect`.
        let typeIDs: [Int]
        /// Emit checkpoints for fuel and interruption (see `EngineConfiguration.meteringEnabled`).
        var metering = false
    }

    private enum FrameKind { case function, block, loop, `if`, `else` }

    private struct ControlFrame {
        var kind: FrameKind
        /// Stack height below the frame's parameters.
        var height: Int
        var parameterCount: Int
        var resultCount: Int
        /// For loops, the code index branches jump to.
        var loopStart: Int
        /// Branch instructions whose target is this frame's end: (code index, which operand).
        var endPatches: [(index: Int, operand: Int)] = []
        /// The `if`'s branch to its `else` (or end when there is none).
        var elsePatch: (index: Int, operand: Int)?
        var isUnreachable = false

        var labelArity: Int { kind == .loop ? parameterCount : resultCount }
    }

    private let context: Context
    private let type: FunctionType
    private let localCount: Int
    /// Slot of each distinct constant bit pattern the body uses as an operand.
    private var constantSlots: [UInt64: UInt32] = [:]
    /// Constants (by byte offset) that the pre-pass turned into immediates of the next instruction.
    private var immediateConstants: [Int: UInt32] = [:]
    /// The immediate pushed by such a constant, consumed by the instruction after it.
    private var pendingImmediate: UInt32?
    /// The placeholder operand standing for `pendingImmediate` on the stack.
    private static let immediateMarker = UInt32.max
    private var constantUses: [UInt64: Int] = [:]
    private var constantOrder: [UInt64] = []
    private var constants: [UInt64] = []
    /// First operand-stack slot: after the locals and the constants.
    private var operandBase: Int
    private var code: [Inst] = []
    /// The slot holding each operand on the wasm stack.
    private var stack: [UInt32] = []
    private var maxHeight = 0
    private var controls: [ControlFrame] = []
    /// Nesting depth of blocks opened inside unreachable code, which are skipped whole.
    private var deadNesting = 0
    /// Code index of the most recent branch target: instructions before it cannot be fused with
    /// instructions after it.
    private var lastLabel = 0
    /// The checkpoint being charged for the instructions translated since it, if metering.
    private var openCheckpoint: Int?
    /// Code index of the last instruction whose result went to the top operand's home slot and may
    /// be retargeted by a following `local.set` / `local.tee`; nil when that is not safe.
    private var retargetable: Int?

    init(context: Context, type: FunctionType, body: FunctionBody) {
        self.context = context
        self.type = type
        localCount = type.parameters.count + Int(body.localCount)
        operandBase = localCount
    }

    struct Output {
        var code: [Inst]
        var frameSize: Int
        /// Values for the slots after the locals, copied in when the function is entered.
        var constants: [UInt64]
    }

    static func translate(context: Context, functionIndex: Int, body: FunctionBody) throws -> Output {
        let type = context.functionTypes[functionIndex]
        var translator = Translator(context: context, type: type, body: body)
        return try translator.run(body)
    }

    private mutating func run(_ body: FunctionBody) throws -> Output {
        controls.append(ControlFrame(
            kind: .function, height: 0, parameterCount: 0, resultCount: type.results.count, loopStart: 0))
        try collectConstants(body)
        var reader = ByteReader(bytes: body.code)
        emitCheckpoint()
        while !controls.isEmpty {
            let instruction = try reader.readInstruction(features: context.module.features)
            if let checkpoint = openCheckpoint { code[checkpoint].a &+= 1 }
            try translate(instruction)
        }
        // Entering a frame zeroes at least four slots after the parameters (see `zeroSlots`).
        let frameSize = max(operandBase + maxHeight + 1, type.parameters.count + minimumZeroedSlots)
        return Output(code: code, frameSize: frameSize, constants: constants)
    }

    /// Gives every distinct constant a slot, so that constants are operands like locals instead of
    /// instructions. A pre-pass, because the operand stack's slots come after them.
    private mutating func collectConstants(_ body: FunctionBody) throws {
        var reader = ByteReader(bytes: body.code)
        var previous: Instruction?
        while !reader.isAtEnd {
            let instruction = try reader.readInstruction(features: context.module.features)
            defer { previous = instruction }
            // A small integer constant right before a binary operation with an immediate form
            // becomes that immediate: it needs no slot (and no copy on every call).
            if let constant = previous, Op.direct(instruction.opcode)?.immediateForm != nil,
               let immediate = Self.immediate(of: constant)
            {
                immediateConstants[constant.offset] = immediate
                releaseSlotIfUnused(for: constant)
            }
            let bits: UInt64
            switch instruction.immediate {
            case .i32(let v): bits = UInt64(UInt32(bitPattern: v))
            case .i64(let v): bits = UInt64(bitPattern: v)
            case .f32(let v) where instruction.opcode == .f32Const: bits = UInt64(v)
            case .f64(let v) where instruction.opcode == .f64Const: bits = v
            case .referenceType where instruction.opcode == .refNull: bits = 0
            default: continue
            }
            if constantUses[bits] == nil { constantOrder.append(bits) }
            constantUses[bits, default: 0] += 1
        }
        // Slots for the constants still used as operands, in first-use order.
        for bits in constantOrder where constantUses[bits, default: 0] > 0 {
            constantSlots[bits] = UInt32(localCount + constants.count)
            constants.append(bits)
        }
        operandBase = localCount + constants.count
    }

    /// The 32-bit immediate an integer constant instruction can become, if its value fits
    /// (sign-extended for i64).
    private static func immediate(of constant: Instruction) -> UInt32? {
        switch constant.immediate {
        case .i32(let v) where constant.opcode == .i32Const: return UInt32(bitPattern: v)
        case .i64(let v) where constant.opcode == .i64Const:
            return Int64(Int32(truncatingIfNeeded: v)) == v ? UInt32(truncatingIfNeeded: v) : nil
        default: return nil
        }
    }

    /// The pre-pass counted `constant` as a slot operand; as an immediate it is not one.
    private mutating func releaseSlotIfUnused(for constant: Instruction) {
        let bits: UInt64
        switch constant.immediate {
        case .i32(let v): bits = UInt64(UInt32(bitPattern: v))
        case .i64(let v): bits = UInt64(bitPattern: v)
        default: return
        }
        constantUses[bits, default: 1] -= 1
    }

    // MARK: Slots and emission

    private func home(_ height: Int) -> UInt32 { UInt32(operandBase + height) }

    private func isConstant(_ slot: UInt32) -> Bool { slot >= UInt32(localCount) && slot < UInt32(operandBase) }

    /// Pushes an operand that lives in an existing slot (a local or a constant): no code.
    private mutating func pushSlot(_ slot: UInt32) {
        stack.append(slot)
        if stack.count > maxHeight { maxHeight = stack.count }
    }

    private mutating func pushConstant(_ bits: UInt64) {
        // Every constant of the body was given a slot by the pre-pass.
        pushSlot(constantSlots[bits] ?? 0)
    }

    private mutating func push() -> UInt32 {
        let slot = home(stack.count)
        stack.append(slot)
        if stack.count > maxHeight { maxHeight = stack.count }
        return slot
    }

    private mutating func pop() -> UInt32 { stack.removeLast() }

    @discardableResult
    private mutating func emit(_ op: Op, _ a: UInt32 = 0, _ b: UInt32 = 0, _ c: UInt32 = 0) -> Int {
        code.append(Inst(op, a, b, c))
        retargetable = nil
        return code.count - 1
    }

    /// Emits an instruction whose operand `a` is the destination of a fresh top-of-stack value.
    private mutating func emitProducer(_ op: Op, _ b: UInt32 = 0, _ c: UInt32 = 0) {
        let destination = push()
        emit(op, destination, b, c)
        retargetable = code.count - 1
    }

    /// A copy right after another copy (with no label between) joins it as one `copy2`.
    private mutating func emitCopy(_ destination: UInt32, _ source: UInt32) {
        let previous = code.count - 1
        if previous >= lastLabel, code[previous].op == .copy, destination < 0x10000, source < 0x10000 {
            code[previous].op = .copy2
            code[previous].c = destination | source << 16
            retargetable = nil
            return
        }
        emit(.copy, destination, source)
    }

    /// The last instruction, when it produced the operand in temporary slot `slot` and nothing can
    /// branch between it and here: it can be folded into the instruction that consumes `slot`.
    private func foldableProducer(of slot: UInt32) -> Inst? {
        guard let producer = retargetable, producer == code.count - 1, producer >= lastLabel,
              slot >= UInt32(operandBase), code[producer].a == slot
        else { return nil }
        return code[producer]
    }

    /// Removes an `i32.add x, K` (or `i32.sub x, K`) computing `address`, for a load or store to
    /// absorb. A store's value is usually computed after its address: the sum may lie further back,
    /// as long as everything since only computes into other slots (no branch, call or store, and
    /// nothing writes `x`), so that computing the sum later gives the same address.
    private mutating func takeAddressSum(_ address: UInt32, isStore: Bool) -> (base: UInt32, addend: UInt32)? {
        guard address >= UInt32(operandBase) else { return nil }
        var index = code.count - 1
        if isStore {
            while index >= lastLabel, code[index].a != address {
                guard code[index].op.writesOnlyOperandA else { return nil }
                index -= 1
            }
        } else if foldableProducer(of: address) == nil {
            return nil
        }
        guard index >= lastLabel, code[index].a == address else { return nil }
        let sum = code[index]
        let addend: UInt32
        switch sum.op {
        case .i32AddImm: addend = sum.c
        case .i32SubImm: addend = 0 &- sum.c
        default: return nil
        }
        guard !code[(index + 1)...].contains(where: { $0.a == sum.b }) else { return nil }
        code.remove(at: index)
        retargetable = nil
        return (sum.b, addend)
    }

    /// Removes the instruction that just produced operand `x` or `y` of `op` when the two fuse (a
    /// binary operation, a shift feeding an add, an `f64.load`), returning the fused operation and
    /// its operands b and c (see `Op.fusion(of:resultIsFirstOperand:)` and `Op.f64LoadAdd`).
    private mutating func takeFoldableOperand(into op: Op, _ x: UInt32, _ y: UInt32) -> (op: Op, b: UInt32, c: UInt32)? {
        guard x != y, let last = code.last else { return nil }
        let producedIsFirst = last.a == x
        guard let produced = foldableProducer(of: producedIsFirst ? x : y) else { return nil }
        let other = producedIsFirst ? y : x
        let fused: (op: Op, b: UInt32, c: UInt32)
        if produced.op == .i32ShlImm, op == .i32Add, produced.b < 0x10000 {
            // Integer addition commutes exactly: one form for either operand order.
            fused = (.i32ShlImmAdd, produced.b | (produced.c & 31) << 16, other)
        } else if produced.b < 0x10000, produced.c < 0x10000,
                  let fusedOp = op.fusion(of: produced.op, resultIsFirstOperand: producedIsFirst)
        {
            fused = (fusedOp, produced.b | produced.c << 16, other)
        } else if produced.op == .f64Load || produced.op == .f64LoadAddImm, other < 0x10000, produced.b < 0x10000,
                  let fusedOp = op.loadFusion(loadIsFirstOperand: producedIsFirst, atSum: produced.op == .f64LoadAddImm)
        {
            fused = (fusedOp, other | produced.b << 16, produced.c)
        } else {
            return nil
        }
        code.removeLast()
        retargetable = nil
        return fused
    }

    /// `x op immediate`; a mask of a just-shifted value becomes one bit-field extraction.
    private mutating func emitImmediateForm(_ op: Op, _ x: UInt32, _ immediate: UInt32) {
        if op == .i32AndImm, let field = takeShiftForMask(x) {
            emitProducer(.i32ShrUImmAndImm, field, immediate)
        } else {
            emitProducer(op, x, immediate)
        }
    }

    /// Removes an `i32.shr_u x, s` whose result `slot` is masked next; returns x | s << 16.
    private mutating func takeShiftForMask(_ slot: UInt32) -> UInt32? {
        guard let shift = foldableProducer(of: slot), shift.op == .i32ShrUImm, shift.b < 0x10000 else { return nil }
        code.removeLast()
        retargetable = nil
        return shift.b | (shift.c & 31) << 16
    }

    private mutating func materialize(_ index: Int) {
        let target = home(index)
        if stack[index] != target {
            emitCopy(target, stack[index])
            stack[index] = target
        }
    }

    /// Before a block: operands that read locals get their own copy, since the block may change
    /// those locals (a loop's later iterations would otherwise see the new values). Constants never
    /// change and stay where they are, except the block's parameters, which must be home.
    private mutating func materializeAll(parameterCount: Int = 0) {
        let firstParameter = stack.count - parameterCount
        for i in stack.indices where i >= firstParameter || !isConstant(stack[i]) { materialize(i) }
    }

    /// Before local `slot` changes, operands that still read it must get their own copy.
    private mutating func materializeReads(of slot: UInt32) {
        for i in stack.indices where stack[i] == slot { materialize(i) }
    }

    /// Marks the current code index as a branch target.
    private mutating func bindLabel() {
        retargetable = nil
        lastLabel = code.count
    }

    /// Points the branch in operand `operand` of `code[index]` at `target`, relative to the
    /// instruction after the branch (where `pc` stands when the branch executes).
    private mutating func patch(_ index: Int, operand: Int, to target: Int) {
        let relative = UInt32(bitPattern: Int32(target - (index + 1)))
        switch operand {
        case 0: code[index].a = relative
        case 1: code[index].b = relative
        default: code[index].c = relative
        }
    }

    /// When the condition was just computed by a comparison into its home slot, removes that
    /// comparison so that it can be re-emitted fused with the branch. `i32.eqz` of a comparison
    /// (C's `!(a < b)`) fuses too, as the negated comparison.
    private mutating func takeFusableComparison(_ condition: UInt32) -> (comparison: Inst, inverted: Bool)? {
        guard let producer = retargetable, producer == code.count - 1, condition >= UInt32(operandBase),
              code[producer].a == condition, code[producer].op.branchForm(negated: false) != nil
        else { return nil }
        retargetable = nil
        let last = code.removeLast()
        let previous = code.count - 1
        if last.op == .i32Eqz, previous >= 0, previous >= lastLabel, code[previous].a == last.b,
           last.b >= UInt32(operandBase), code[previous].op != .i32Eqz,
           code[previous].op.branchForm(negated: false) != nil
        {
            return (code.removeLast(), true)
        }
        return (last, false)
    }

    /// Emits a conditional branch (taken when the condition is non-zero, or zero when `negated`),
    /// fused with its comparison when there is one; returns where to patch the target.
    private mutating func emitConditionalBranch(
        _ condition: UInt32, comparison fused: (comparison: Inst, inverted: Bool)?, negated: Bool
    ) -> (index: Int, operand: Int) {
        if let fused, let op = fused.comparison.op.branchForm(negated: negated != fused.inverted) {
            if let counter = takeCounterStep(before: op, fused.comparison.b, fused.comparison.c) {
                return (emit(counter.op, counter.a, counter.b), 2)
            }
            return (emit(op, fused.comparison.b, fused.comparison.c), 2)
        }
        if !negated, let counter = takeCounterStep(before: .brIfI32Nez, condition, 0) {
            return (emit(counter.op, counter.a, counter.b), 2)
        }
        return (emit(negated ? .brIfNot : .brIf, condition), 1)
    }

    /// A loop's `x += K` (or `x += y`) right before a branch testing x joins the branch: removes the
    /// add and returns the fused branch's operation and first two operands (the target goes in c).
    private mutating func takeCounterStep(before branch: Op, _ x: UInt32, _ y: UInt32) -> (op: Op, a: UInt32, b: UInt32)? {
        let previous = code.count - 1
        guard previous >= lastLabel, code[previous].a == code[previous].b, code[previous].a < 0x10000 else { return nil }
        let counter = code[previous].a
        let step: UInt32
        let op: Op
        var other = y
        switch code[previous].op {
        case .i32AddImm:
            let immediate = Int32(bitPattern: code[previous].c)
            guard immediate >= Int32(Int16.min), immediate <= Int32(Int16.max) else { return nil }
            step = UInt32(UInt16(bitPattern: Int16(immediate)))
            switch branch {
            case .brIfI32Ne where x == counter: op = .i32AddImmBrIfNe
            case .brIfI32Ne where y == counter:
                op = .i32AddImmBrIfNe  // inequality is symmetric
                other = x
            case .brIfI32NeImm where x == counter: op = .i32AddImmBrIfNeImm
            case .brIfI32LtU where x == counter: op = .i32AddImmBrIfLtU
            case .brIfI32LtUImm where x == counter: op = .i32AddImmBrIfLtUImm
            case .brIfI32Nez where x == counter: op = .i32AddImmBrIfNez
            default: return nil
            }
        case .i32Add:
            step = code[previous].c
            guard step < 0x10000 else { return nil }
            switch branch {
            case .brIfI32Ne where x == counter: op = .i32AddBrIfNe
            case .brIfI32Ne where y == counter:
                op = .i32AddBrIfNe
                other = x
            case .brIfI32LtU where x == counter: op = .i32AddBrIfLtU
            case .brIfI32LeU where x == counter: op = .i32AddBrIfLeU
            default: return nil
            }
        default:
            return nil
        }
        code.removeLast()
        retargetable = nil
        return (op, counter | step << 16, other)
    }

    private func label(_ depth: UInt32) -> ControlFrame { controls[controls.count - 1 - Int(depth)] }

    /// Starts charging fuel for the code that follows (function entry, loop headers): every path
    /// that runs forever passes a checkpoint again and again.
    private mutating func emitCheckpoint() {
        guard context.metering else { return }
        openCheckpoint = emit(.checkpoint)
    }

    // MARK: Branches

    /// Copies the top `count` operands to the slots starting at `height`'s home. Copying upwards
    /// is safe: each destination lies at or below every source still to be copied.
    private mutating func moveTop(_ count: Int, toHeight height: Int) {
        let first = stack.count - count
        for k in 0..<count where stack[first + k] != home(height + k) {
            emitCopy(home(height + k), stack[first + k])
        }
    }

    private func topIsInPlace(_ count: Int, height: Int) -> Bool {
        let first = stack.count - count
        return (0..<count).allSatisfy { stack[first + $0] == home(height + $0) }
    }

    /// Results to slots 0..<n, then return. Values are first made home so that no copy into the
    /// low slots overwrites a local that a later result still reads.
    private mutating func emitReturn() {
        let count = type.results.count
        let first = stack.count - count
        if count == 1 {
            // A single result cannot overwrite another result's source. Its producer can write
            // slot 0 directly: the locals there are dead once the function returns.
            let result = stack[first]
            if result == 0 {
                emit(.ret)
            } else if foldableProducer(of: result) != nil {
                code[code.count - 1].a = 0
                emit(.ret)
            } else {
                emit(.retFrom, result)
            }
            return
        }
        for k in 0..<count { materialize(first + k) }
        for k in 0..<count { emitCopy(UInt32(k), stack[first + k]) }
        emit(.ret)
    }

    /// An unconditional branch to the label `depth` levels out.
    private mutating func emitBranch(depth: UInt32) {
        let depthIndex = controls.count - 1 - Int(depth)
        let target = controls[depthIndex]
        if target.kind == .function {
            emitReturn()
            return
        }
        moveTop(target.labelArity, toHeight: target.height)
        if target.kind == .loop {
            patch(emit(.br), operand: 0, to: target.loopStart)
        } else {
            let index = emit(.br)
            controls[depthIndex].endPatches.append((index, 0))
        }
    }

    private mutating func markUnreachable() {
        controls[controls.count - 1].isUnreachable = true
        stack.removeSubrange(controls[controls.count - 1].height...)
    }

    // MARK: Instructions

    private mutating func translate(_ instruction: Instruction) throws {
        if controls[controls.count - 1].isUnreachable {
            // Skip dead code, but track nesting so the frame's own else/end is recognized.
            switch instruction.opcode {
            case .block, .loop, .if:
                deadNesting += 1
                return
            case .end:
                if deadNesting > 0 {
                    deadNesting -= 1
                    return
                }
            case .else:
                if deadNesting > 0 { return }
            default:
                return
            }
        }

        switch (instruction.opcode, instruction.immediate) {
        case (.unreachable, _):
            emit(.unreachable)
            markUnreachable()
        case (.nop, _):
            break
        case (.block, .blockType(let blockType)), (.loop, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            materializeAll(parameterCount: signature.parameters.count)
            bindLabel()
            let isLoop = instruction.opcode == .loop
            controls.append(ControlFrame(
                kind: isLoop ? .loop : .block, height: stack.count - signature.parameters.count,
                parameterCount: signature.parameters.count, resultCount: signature.results.count,
                loopStart: code.count))
            if isLoop { emitCheckpoint() }
        case (.if, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            let condition = pop()
            let comparison = takeFusableComparison(condition)
            materializeAll(parameterCount: signature.parameters.count)
            let branch = emitConditionalBranch(condition, comparison: comparison, negated: true)
            var frame = ControlFrame(
                kind: .if, height: stack.count - signature.parameters.count,
                parameterCount: signature.parameters.count, resultCount: signature.results.count, loopStart: 0)
            frame.elsePatch = branch
            controls.append(frame)
        case (.else, _):
            var frame = controls.removeLast()
            if !frame.isUnreachable {
                moveTop(frame.resultCount, toHeight: frame.height)
                frame.endPatches.append((emit(.br), 0))
            }
            if let elsePatch = frame.elsePatch { patch(elsePatch.index, operand: elsePatch.operand, to: code.count) }
            frame.elsePatch = nil
            frame.kind = .else
            frame.isUnreachable = false
            bindLabel()
            stack.removeSubrange(min(frame.height, stack.count)...)
            for _ in 0..<frame.parameterCount { _ = push() }
            controls.append(frame)
        case (.end, _):
            let frame = controls.removeLast()
            if frame.kind == .function {
                if !frame.isUnreachable { emitReturn() }
                return
            }
            if !frame.isUnreachable { moveTop(frame.resultCount, toHeight: frame.height) }
            for (index, operand) in frame.endPatches { patch(index, operand: operand, to: code.count) }
            if let elsePatch = frame.elsePatch { patch(elsePatch.index, operand: elsePatch.operand, to: code.count) }
            bindLabel()
            stack.removeSubrange(min(frame.height, stack.count)...)
            for _ in 0..<frame.resultCount { _ = push() }
        case (.br, .index(let depth)):
            emitBranch(depth: depth)
            markUnreachable()
        case (.brIf, .index(let depth)):
            let condition = pop()
            let comparison = takeFusableComparison(condition)
            let target = label(depth)
            let arity = target.labelArity
            if target.kind != .function, topIsInPlace(arity, height: target.height) {
                let branch = emitConditionalBranch(condition, comparison: comparison, negated: false)
                if target.kind == .loop {
                    patch(branch.index, operand: branch.operand, to: target.loopStart)
                } else {
                    controls[controls.count - 1 - Int(depth)].endPatches.append(branch)
                }
            } else {
                // The copies must run only when the branch is taken, so that the values stay put
                // for the fall-through path. Make them home first (harmless on both paths).
                let first = stack.count - arity
                for k in 0..<arity { materialize(first + k) }
                let skip = emitConditionalBranch(condition, comparison: comparison, negated: true)
                emitBranch(depth: depth)
                patch(skip.index, operand: skip.operand, to: code.count)
                bindLabel()
            }
        case (.brTable, .branchTable(let targets, let defaultTarget)):
            let index = pop()
            let arity = label(defaultTarget).labelArity
            let first = stack.count - arity
            for k in 0..<arity { materialize(first + k) }
            let all = targets + [defaultTarget]
            emit(.brTable, index, UInt32(targets.count))
            let tableStart = code.count
            for _ in all { emit(.br) }
            // Targets whose values are in place are reached directly; the others through a stub.
            for (k, depth) in all.enumerated() {
                let target = label(depth)
                let entry = tableStart + k
                if target.kind == .function {
                    patch(entry, operand: 0, to: code.count)
                    bindLabel()
                    emitReturn()
                } else if topIsInPlace(arity, height: target.height) {
                    if target.kind == .loop {
                        patch(entry, operand: 0, to: target.loopStart)
                    } else {
                        controls[controls.count - 1 - Int(depth)].endPatches.append((entry, 0))
                    }
                } else {
                    patch(entry, operand: 0, to: code.count)
                    bindLabel()
                    emitBranch(depth: depth)
                }
            }
            markUnreachable()
        case (.return, _):
            emitReturn()
            markUnreachable()
        case (.call, .index(let function)):
            let calleeType = context.functionTypes[Int(function)]
            let base = prepareArguments(calleeType.parameters.count)
            emit(.call, function, base, Inst.noTable)
            finishCall(calleeType)
        case (.callIndirect, .indexPair(let typeIndex, let table)):
            let calleeType = context.module.types[Int(typeIndex)]
            let index = pop()
            let base = prepareArguments(calleeType.parameters.count)
            emit(.callIndirect, index, base, table)
            emit(.data, UInt32(context.typeIDs[Int(typeIndex)]))
            finishCall(calleeType)
        case (.drop, _):
            _ = pop()
            // The dropped value's producer must not be retargeted by a following local.set.
            retargetable = nil
        case (.select, _), (.selectTyped, _):
            let condition = pop()
            let second = pop()
            let first = pop()
            emitProducer(.select, first, second)
            emit(.data, condition)
        case (.localGet, .index(let local)):
            pushSlot(local)
        case (.localSet, .index(let local)):
            let isOnlyReader = !stack.dropLast().contains(local)
            if let producer = retargetable, let top = stack.last, top == home(stack.count - 1),
               code[producer].a == top, isOnlyReader
            {
                code[producer].a = local
                _ = pop()
                retargetable = nil
            } else {
                let value = pop()
                materializeReads(of: local)
                if value != local { emitCopy(local, value) }
            }
        case (.localTee, .index(let local)):
            let isOnlyReader = !stack.dropLast().contains(local)
            if let producer = retargetable, let top = stack.last, top == home(stack.count - 1),
               code[producer].a == top, isOnlyReader
            {
                code[producer].a = local
                stack[stack.count - 1] = local
                retargetable = nil
            } else {
                let value = stack[stack.count - 1]
                if value != local {
                    materialize(stack.count - 1)
                    materializeReads(of: local)
                    emitCopy(local, stack[stack.count - 1])
                }
            }
        case (.globalGet, .index(let global)):
            emitProducer(.globalGet, global)
        case (.globalSet, .index(let global)):
            emit(.globalSet, pop(), global)
        case (.i32Const, _) where immediateConstants[instruction.offset] != nil,
             (.i64Const, _) where immediateConstants[instruction.offset] != nil:
            pendingImmediate = immediateConstants[instruction.offset]
            pushSlot(Self.immediateMarker)
        case (.i32Const, .i32(let value)):
            pushConstant(UInt64(UInt32(bitPattern: value)))
        case (.f32Const, .f32(let bits)):
            pushConstant(UInt64(bits))
        case (.i64Const, .i64(let value)):
            pushConstant(UInt64(bitPattern: value))
        case (.f64Const, .f64(let bits)):
            pushConstant(bits)
        case (.refNull, _):
            pushConstant(0)
        case (.refIsNull, _):
            let value = pop()
            emitProducer(.i64Eqz, value)
        case (.refFunc, .index(let function)):
            emitProducer(.refFunc, function)
        case (.memorySize, _):
            emitProducer(.memorySize)
        case (.memoryGrow, _):
            let delta = pop()
            emitProducer(.memoryGrow, delta)
        case (.memoryFill, _):
            let (d, v, n) = popThree()
            emit(.memoryFill, d, v, n)
        case (.memoryCopy, _):
            let (d, s, n) = popThree()
            emit(.memoryCopy, d, s, n)
        case (.memoryInit, .indexPair(let segment, _)):
            let (d, s, n) = popThree()
            emit(.memoryInit, d, s, n)
            emit(.data, segment)
        case (.dataDrop, .index(let segment)):
            emit(.dataDrop, segment)
        case (.tableGet, .index(let table)):
            let index = pop()
            emitProducer(.tableGet, index, table)
        case (.tableSet, .index(let table)):
            let value = pop()
            let index = pop()
            emit(.tableSet, table, index, value)
        case (.tableSize, .index(let table)):
            emitProducer(.tableSize, table)
        case (.tableGrow, .index(let table)):
            let delta = pop()
            let value = pop()
            emitProducer(.tableGrow, value, delta)
            emit(.data, table)
        case (.tableFill, .index(let table)):
            let (i, v, n) = popThree()
            emit(.tableFill, i, v, n)
            emit(.data, table)
        case (.tableCopy, .indexPair(let destination, let source)):
            let (d, s, n) = popThree()
            emit(.tableCopy, d, s, n)
            emit(.data, destination, source)
        case (.tableInit, .indexPair(let segment, let table)):
            let (d, s, n) = popThree()
            emit(.tableInit, d, s, n)
            emit(.data, segment, table)
        case (.elemDrop, .index(let segment)):
            emit(.elemDrop, segment)
        case (_, .memory(_, let offset)):
            guard let op = Op.direct(instruction.opcode) else { throw unsupported(instruction) }
            let signature = instruction.opcode.info.signature
            let isStore = signature?.results.isEmpty == true
            let value = isStore ? pop() : 0
            let address = pop()
            if op == .f64Store, let addition = foldableProducer(of: value), addition.op == .f64AddLoad,
               addition.b >> 16 == address, addition.c == UInt32(truncatingIfNeeded: offset)
            {
                // `m = x + m`: load and store share the address, checked once.
                code.removeLast()
                retargetable = nil
                emit(.f64AddToMemory, address, addition.b & 0xFFFF, addition.c)
            } else if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: isStore) {
                if isStore { emit(fused, sum.base, value, sum.addend) } else { emitProducer(fused, sum.base, sum.addend) }
            } else if isStore {
                emit(op, address, value, UInt32(truncatingIfNeeded: offset))
            } else {
                emitProducer(op, address, UInt32(truncatingIfNeeded: offset))
            }
        default:
            guard let op = Op.direct(instruction.opcode), let signature = instruction.opcode.info.signature else {
                throw unsupported(instruction)
            }
            if signature.parameters.count == 2 {
                let y = pop()
                let x = pop()
                let isWide = signature.parameters[0] == .i64
                if y == Self.immediateMarker, let immediateOp = op.immediateForm, let immediate = pendingImmediate {
                    pendingImmediate = nil
                    if op == .i32And, immediate == 1, home(stack.count) == x, let comparison = foldableProducer(of: x),
                       comparison.op.branchForm(negated: false) != nil
                    {
                        // `cmp & 1`, as unoptimized C writes a bool test: the comparison's 0 or 1
                        // is already the result, and it stays fusable with a following branch.
                        let producer = code.count - 1
                        _ = push()
                        retargetable = producer
                    } else {
                        emitImmediateForm(immediateOp, x, immediate)
                    }
                } else if let immediateOp = op.immediateForm, let immediate = smallConstant(y, isWide: isWide) {
                    emitImmediateForm(immediateOp, x, immediate)
                } else if let fused = takeFoldableOperand(into: op, x, y) {
                    emitProducer(fused.op, fused.b, fused.c)
                } else {
                    emitProducer(op, x, y)
                }
            } else {
                let x = pop()
                emitProducer(op, x)
            }
        }
    }

    /// Validation and the instantiation's feature check let through only what has a
    /// translation; reaching this is an engine defect.
    private func unsupported(_ instruction: Instruction) -> TrapReason {
        .internalError("no translation for \(instruction.opcode.info.name)")
    }

    /// When `slot` is a constant that fits in 32 bits (sign-extended for i64), its immediate.
    private func smallConstant(_ slot: UInt32, isWide: Bool) -> UInt32? {
        guard isConstant(slot) else { return nil }
        let bits = constants[Int(slot) - localCount]
        let low = UInt32(truncatingIfNeeded: bits)
        if !isWide { return low }
        return Int64(bitPattern: bits) == Int64(Int32(bitPattern: low)) ? low : nil
    }

    private mutating func popThree() -> (UInt32, UInt32, UInt32) {
        let third = pop()
        let second = pop()
        return (pop(), second, third)
    }

    /// Arguments must sit in consecutive home slots: the callee's frame starts at the first.
    private mutating func prepareArguments(_ count: Int) -> UInt32 {
        let first = stack.count - count
        for k in 0..<count { materialize(first + k) }
        return home(first)
    }

    private mutating func finishCall(_ calleeType: FunctionType) {
        stack.removeLast(calleeType.parameters.count)
        for _ in calleeType.results { _ = push() }
    }

    private func blockSignature(_ blockType: BlockType) throws -> FunctionType {
        switch blockType {
        case .empty: return FunctionType(parameters: [], results: [])
        case .value(let type): return FunctionType(parameters: [], results: [type])
        case .typeIndex(let index): return context.module.types[Int(index)]
        }
    }
}
