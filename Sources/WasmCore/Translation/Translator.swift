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
        var endPatches: [Int] = []
        /// The `if`'s branch to its `else` (or end when there is none).
        var elsePatch: Int?
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
    private var code: [EmittedInstruction] = []
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
        var code: [EmittedInstruction]
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
        controls.append(
            ControlFrame(
                kind: .function, height: 0, parameterCount: 0, resultCount: type.results.count, loopStart: 0))
        try collectConstants(body)
        var reader = ByteReader(bytes: body.code)
        emitCheckpoint()
        while !controls.isEmpty {
            let instruction = try reader.readInstruction(features: context.module.features)
            chargeOpenCheckpoint()
            try translate(instruction)
        }
        // Entering a frame zeroes at least four slots after the parameters (see `zeroSlots`).
        let frameSize = max(operandBase + maxHeight + 1, type.parameters.count + minimumZeroedSlots)
        // Operands name slots in 16 bits.
        guard frameSize <= EmittedInstruction.slotLimit else {
            throw TranslationError.frameTooLarge(slots: frameSize, limit: EmittedInstruction.slotLimit)
        }
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
            if let constant = previous, InternalOp.direct(instruction.opcode)?.immediateForm != nil,
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
    private mutating func emit(
        _ op: InternalOp, _ a: UInt32 = 0, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0
    ) -> Int {
        code.append(EmittedInstruction(op, a, b, c, d))
        retargetable = nil
        return code.count - 1
    }

    /// Emits an instruction whose operand `a` is the destination of a fresh top-of-stack value.
    private mutating func emitProducer(_ op: InternalOp, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0) {
        let destination = push()
        emit(op, destination, b, c, d)
        retargetable = code.count - 1
    }

    /// A copy right after another copy (with no label between) joins it as one `copy2`.
    private mutating func emitCopy(_ destination: UInt32, _ source: UInt32) {
        let previous = code.count - 1
        if previous >= lastLabel, code[previous].op == .copy {
            code[previous].op = .copy2
            code[previous].c = destination
            code[previous].d = source
            retargetable = nil
            return
        }
        emit(.copy, destination, source)
    }

    /// The last instruction, when it produced the operand in temporary slot `slot` and nothing can
    /// branch between it and here: it can be folded into the instruction that consumes `slot`.
    private func foldableProducer(of slot: UInt32) -> EmittedInstruction? {
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
                guard code[index].op.writesOnlyResult else { return nil }
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
    /// its operands b, c and d (see `InternalOp.fusion(of:resultIsFirstOperand:)`).
    private mutating func takeFoldableOperand(
        into op: InternalOp, _ x: UInt32, _ y: UInt32
    )
        -> (op: InternalOp, b: UInt32, c: UInt32, d: UInt32)?
    {
        guard x != y, let last = code.last else { return nil }
        let producedIsFirst = last.a == x
        guard let produced = foldableProducer(of: producedIsFirst ? x : y) else { return nil }
        let other = producedIsFirst ? y : x
        let fused: (op: InternalOp, b: UInt32, c: UInt32, d: UInt32)
        if produced.op == .i32ShlImm, op == .i32Add {
            // Integer addition commutes exactly: one form for either operand order.
            fused = (.i32ShlImmAdd, produced.b, produced.c & 31, other)
        } else if produced.op == .f64Load || produced.op == .f64LoadAddImm {
            // The loaded value's address, and its offset (or addend) in 16 bits.
            guard produced.c <= UInt32(UInt16.max),
                let fusedOp = op.fusion(of: produced.op, resultIsFirstOperand: producedIsFirst)
            else { return nil }
            fused = (fusedOp, other, produced.b, produced.c)
        } else if let fusedOp = op.fusion(of: produced.op, resultIsFirstOperand: producedIsFirst),
            !produced.op.usesWideC
        {
            fused = (fusedOp, produced.b, produced.c, other)
        } else {
            return nil
        }
        code.removeLast()
        retargetable = nil
        return fused
    }

    /// `x op immediate`; a mask of a just-shifted value becomes one bit-field extraction.
    private mutating func emitImmediateForm(_ op: InternalOp, _ x: UInt32, _ immediate: UInt32) {
        if op == .i32AndImm, immediate <= UInt32(UInt16.max), let field = takeShiftForMask(x) {
            emitProducer(.i32ShrUImmAndImm, field.x, field.shift, immediate)
        } else {
            emitProducer(op, x, immediate)
        }
    }

    /// Removes an `i32.shr_u x, s` whose result `slot` is masked next.
    private mutating func takeShiftForMask(_ slot: UInt32) -> (x: UInt32, shift: UInt32)? {
        guard let shift = foldableProducer(of: slot), shift.op == .i32ShrUImm else { return nil }
        code.removeLast()
        retargetable = nil
        return (shift.b, shift.c & 31)
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

    /// Points the branch `code[index]` at `target`, relative to the branch itself. Branches keep
    /// their target in `c32`.
    private mutating func patch(_ index: Int, to target: Int) {
        code[index].c = UInt32(bitPattern: Int32(target - index))
    }

    /// When the condition was just computed by a comparison into its home slot, removes that
    /// comparison so that it can be re-emitted fused with the branch. `i32.eqz` of a comparison
    /// (C's `!(a < b)`) fuses too, as the negated comparison.
    private mutating func takeFusableComparison(
        _ condition: UInt32
    ) -> (comparison: EmittedInstruction, inverted: Bool)? {
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
    /// fused with its comparison when there is one; returns the branch's index, whose target is
    /// patched later. A branch back to a known target (`backTo`, a loop header) may also absorb
    /// the loop counter's step, and gets its target at once.
    private mutating func emitConditionalBranch(
        _ condition: UInt32, comparison fused: (comparison: EmittedInstruction, inverted: Bool)?, negated: Bool,
        backTo target: Int? = nil
    ) -> Int {
        if let fused, let op = fused.comparison.op.branchForm(negated: negated != fused.inverted) {
            var x = fused.comparison.b
            var y = fused.comparison.c
            var branch = op
            if fused.comparison.op.usesWideC {
                // A comparison with an immediate: the branch holds 16 bits of it; a wider one
                // goes to a slot first.
                let value = Int32(bitPattern: y)
                if let narrow = Int16(exactly: value) {
                    y = UInt32(UInt16(bitPattern: narrow))
                } else if let slotForm = op.slotForm {
                    // Above the compared operand, which may still sit in the next home slot.
                    let temporary = home(stack.count + 1)
                    reserve(stack.count + 2)
                    emit(.const32, temporary, 0, y)
                    y = temporary
                    branch = slotForm
                } else {
                    return emitPlainBranch(condition, negated: negated)
                }
            }
            if let target, let counter = takeCounterStep(before: branch, x, y, target: target) {
                return emit(counter.op, counter.a, counter.b, counter.c, counter.d)
            }
            x = fused.comparison.b
            return emit(branch, x, y)
        }
        if !negated, let target, let counter = takeCounterStep(before: .brIfI32Nez, condition, 0, target: target) {
            return emit(counter.op, counter.a, counter.b, counter.c, counter.d)
        }
        return emitPlainBranch(condition, negated: negated)
    }

    private mutating func emitPlainBranch(_ condition: UInt32, negated: Bool) -> Int {
        emit(negated ? .brIfNot : .brIf, condition)
    }

    /// A loop's `x += K` (or `x += y`) right before a branch testing x, back to `target`, joins the
    /// branch: removes the add and returns the fused branch with its target filled in.
    private mutating func takeCounterStep(
        before branch: InternalOp, _ x: UInt32, _ y: UInt32, target: Int
    )
        -> (op: InternalOp, a: UInt32, b: UInt32, c: UInt32, d: UInt32)?
    {
        let previous = code.count - 1
        guard previous >= lastLabel, code[previous].a == code[previous].b else { return nil }
        // The fused branch is the add's replacement, at its index; its target must fit 16 bits.
        guard let offset = Int16(exactly: target - previous) else { return nil }
        let counter = code[previous].a
        let step: UInt32
        var other = y
        var consumer = branch
        switch code[previous].op {
        case .i32AddImm:
            guard let immediate = Int16(exactly: Int32(bitPattern: code[previous].c)) else { return nil }
            step = UInt32(UInt16(bitPattern: immediate))
        case .i32Add:
            step = code[previous].c
        default:
            return nil
        }
        if x != counter {
            // Inequality is symmetric: the counter may be either operand.
            guard branch == .brIfI32Ne, y == counter else { return nil }
            other = x
            consumer = .brIfI32Ne
        }
        guard let op = consumer.fusion(of: code[previous].op, resultIsFirstOperand: true) else { return nil }
        code.removeLast()
        retargetable = nil
        return (op, counter, step, other, UInt32(UInt16(bitPattern: offset)))
    }

    /// Makes sure the frame has `height` operand slots.
    private mutating func reserve(_ height: Int) {
        if height > maxHeight { maxHeight = height }
    }

    private func label(_ depth: UInt32) -> ControlFrame { controls[controls.count - 1 - Int(depth)] }

    /// Starts charging fuel for the code that follows (function entry, loop headers): every path
    /// that runs forever passes a checkpoint again and again.
    private mutating func emitCheckpoint() {
        guard context.metering else { return }
        openCheckpoint = emit(.checkpoint)
    }

    /// The checkpoint charges one unit of fuel per wasm instruction it guards.
    private mutating func chargeOpenCheckpoint() {
        if let checkpoint = openCheckpoint { code[checkpoint].c &+= 1 }
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
            patch(emit(.br), to: target.loopStart)
        } else {
            controls[depthIndex].endPatches.append(emit(.br))
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
            controls.append(
                ControlFrame(
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
                frame.endPatches.append(emit(.br))
            }
            if let elsePatch = frame.elsePatch { patch(elsePatch, to: code.count) }
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
            for index in frame.endPatches { patch(index, to: code.count) }
            if let elsePatch = frame.elsePatch { patch(elsePatch, to: code.count) }
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
                if target.kind == .loop {
                    let branch = emitConditionalBranch(
                        condition, comparison: comparison, negated: false, backTo: target.loopStart)
                    // A counter branch has its 16-bit target already; the others take it in c32.
                    if !code[branch].op.isCounterBranch { patch(branch, to: target.loopStart) }
                } else {
                    let branch = emitConditionalBranch(condition, comparison: comparison, negated: false)
                    controls[controls.count - 1 - Int(depth)].endPatches.append(branch)
                }
            } else {
                // The copies must run only when the branch is taken, so that the values stay put
                // for the fall-through path. Make them home first (harmless on both paths).
                let first = stack.count - arity
                for k in 0..<arity { materialize(first + k) }
                let skip = emitConditionalBranch(condition, comparison: comparison, negated: true)
                emitBranch(depth: depth)
                patch(skip, to: code.count)
                bindLabel()
            }
        case (.brTable, .branchTable(let targets, let defaultTarget)):
            let index = pop()
            let arity = label(defaultTarget).labelArity
            let first = stack.count - arity
            for k in 0..<arity { materialize(first + k) }
            let all = targets + [defaultTarget]
            emit(.brTable, index, 0, UInt32(targets.count))
            let tableStart = code.count
            for _ in all { emit(.br) }
            // Targets whose values are in place are reached directly; the others through a stub.
            for (k, depth) in all.enumerated() {
                let target = label(depth)
                let entry = tableStart + k
                if target.kind == .function {
                    patch(entry, to: code.count)
                    bindLabel()
                    emitReturn()
                } else if topIsInPlace(arity, height: target.height) {
                    if target.kind == .loop {
                        patch(entry, to: target.loopStart)
                    } else {
                        controls[controls.count - 1 - Int(depth)].endPatches.append(entry)
                    }
                } else {
                    patch(entry, to: code.count)
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
            emit(.call, base, 0, function)
            finishCall(calleeType)
        case (.callIndirect, .indexPair(let typeIndex, let table)):
            let calleeType = context.module.types[Int(typeIndex)]
            let index = pop()
            let base = prepareArguments(calleeType.parameters.count)
            emit(.callIndirect, base, index, table)
            emit(.data, 0, 0, UInt32(context.typeIDs[Int(typeIndex)]))
            finishCall(calleeType)
        case (.drop, _):
            _ = pop()
            // The dropped value's producer must not be retargeted by a following local.set.
            retargetable = nil
        case (.select, _), (.selectTyped, _):
            let condition = pop()
            let second = pop()
            let first = pop()
            emitProducer(.select, first, second, condition)
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
            emitProducer(.globalGet, 0, global)
        case (.globalSet, .index(let global)):
            emit(.globalSet, pop(), 0, global)
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
            emitProducer(.refFunc, 0, function)
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
            emit(.memoryInit, d, s, n, UInt32(InternalOp.memoryInit.rawValue))
            emit(.data, 0, 0, segment)
        case (.dataDrop, .index(let segment)):
            emit(.dataDrop, 0, 0, 0, UInt32(InternalOp.dataDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (.tableGet, .index(let table)):
            let index = pop()
            emitProducer(.tableGet, index, table)
        case (.tableSet, .index(let table)):
            let value = pop()
            let index = pop()
            emit(.tableSet, index, value, table)
        case (.tableSize, .index(let table)):
            emitProducer(.tableSize, 0, table)
        case (.tableGrow, .index(let table)):
            let delta = pop()
            let value = pop()
            emitProducer(.tableGrow, value, delta, UInt32(InternalOp.tableGrow.rawValue))
            emit(.data, 0, 0, table)
        case (.tableFill, .index(let table)):
            let (i, v, n) = popThree()
            emit(.tableFill, i, v, n, UInt32(InternalOp.tableFill.rawValue))
            emit(.data, 0, 0, table)
        case (.tableCopy, .indexPair(let destination, let source)):
            let (d, s, n) = popThree()
            emit(.tableCopy, d, s, n, UInt32(InternalOp.tableCopy.rawValue))
            emit(.data, destination, 0, source)
        case (.tableInit, .indexPair(let segment, let table)):
            let (d, s, n) = popThree()
            emit(.tableInit, d, s, n, UInt32(InternalOp.tableInit.rawValue))
            emit(.data, segment, 0, table)
        case (.elemDrop, .index(let segment)):
            emit(.elemDrop, 0, 0, 0, UInt32(InternalOp.elemDrop.rawValue))
            emit(.data, 0, 0, segment)
        case (_, .memory(_, let offset)):
            guard let op = InternalOp.direct(instruction.opcode) else { throw unsupported(instruction) }
            let signature = instruction.opcode.info.signature
            let isStore = signature?.results.isEmpty == true
            let value = isStore ? pop() : 0
            let address = pop()
            if op == .f64Store, let addition = foldableProducer(of: value), addition.op == .f64AddLoad,
                addition.c == address, UInt64(addition.d) == offset
            {
                // `m = x + m`: load and store share the address, checked once.
                code.removeLast()
                retargetable = nil
                emit(.f64AddToMemory, address, addition.b, addition.d)
            } else if offset == 0, let fused = op.addressSumForm, let sum = takeAddressSum(address, isStore: isStore) {
                if isStore {
                    emit(fused, sum.base, value, sum.addend)
                } else {
                    emitProducer(fused, sum.base, sum.addend)
                }
            } else if isStore {
                emit(op, address, value, UInt32(truncatingIfNeeded: offset))
            } else {
                emitProducer(op, address, UInt32(truncatingIfNeeded: offset))
            }
        default:
            guard let op = InternalOp.direct(instruction.opcode), let signature = instruction.opcode.info.signature
            else {
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
                    emitProducer(fused.op, fused.b, fused.c, fused.d)
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
