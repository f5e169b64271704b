/// Translates a function body into internal code (see docs/interpreter.md), one instruction at a
/// time as the validator accepts it: validation and translation share one decoding of the body
/// (`ModuleValidator.validate(translating:)`).
///
/// Values live in frame slots: slots `0..<localCount` hold the locals, the next ones the function's
/// constants (copied in at entry), and the operands their "home" slots after those, one after the
/// other. A v128 takes two consecutive slots wherever it lives (see SlotLayout.swift), so local `i`
/// is at slot `i` and the operand at stack height `h` at home `operandBase + h` only while no v128
/// comes before them. The translator tracks, for each operand, the slot that holds it, so that
/// `local.get` costs nothing: its operand simply names the local's slot until something could
/// change that local, at which point it is copied home ("materialized").
struct Translator {
    struct Context {
        let module: Module
        /// Type of every function in the index space (an empty type for an index validation rejects).
        let functionTypes: [FunctionType]
        /// Canonical ids of the module's types, for `call_indirect` (set by validation, which
        /// registers the types).
        var typeIDs: [Int] = []
        /// Emit checkpoints for fuel and interruption (see `EngineConfiguration.meteringEnabled`).
        var metering = false
        /// The globals that hold a v128 (two words), by index.
        let vectorGlobals: Set<UInt32>
        /// Which memories and tables take 64-bit addresses and indices, by index.
        let memoryIs64: [Bool]
        let tableIs64: [Bool]
        /// Field offsets of the module's struct types, computed once per type for all the
        /// module's functions (a struct may have a million fields).
        let fieldOffsets = FieldOffsetCache()

        init(module: Module, metering: Bool) {
            self.module = module
            self.metering = metering
            functionTypes = (module.importedFunctionTypes + module.functionTypeIndices).map { index in
                module.functionType(at: index) ?? FunctionType(parameters: [], results: [])
            }
            let globalTypes = module.importedGlobals.map(\.valueType) + module.globals.map(\.type.valueType)
            vectorGlobals = Set(globalTypes.indices.filter { globalTypes[$0] == .v128 }.map { UInt32($0) })
            memoryIs64 = (module.importedMemories + module.memories).map(\.is64)
            tableIs64 = (module.importedTables + module.tables.map(\.type)).map(\.is64)
        }
    }

    enum FrameKind { case function, block, loop, `if`, `else`, tryTable, legacyTry, legacyCatch }

    struct ControlFrame {
        var kind: FrameKind
        /// Stack height below the frame's parameters.
        var height: Int
        var parameterTypes: [ValueType]
        var resultTypes: [ValueType]
        /// For loops, the code index branches jump to.
        var loopStart: Int
        /// Branch instructions whose target is this frame's end: (code index, which operand).
        var endPatches: [Int] = []
        /// The `if`'s branch to its `else` (or end when there is none).
        var elsePatch: Int?
        var isUnreachable = false
        /// `try_table` and legacy `try`: its entry in `handlers`.
        var handlerIndex: Int?
        /// Catch clauses that continue at this frame's end: (handler, clause), patched like
        /// `endPatches`.
        var catchPatches: [(handler: Int, clause: Int)] = []
        /// Legacy `try`: the hidden slot its `catch` clauses keep the exception in, and whether a
        /// `rethrow` reads it (otherwise the exception is released when caught).
        var exceptionSlot: UInt32?
        var isRethrown = false

        init(kind: FrameKind, height: Int, signature: FunctionType, loopStart: Int) {
            self.kind = kind
            self.height = height
            parameterTypes = signature.parameters
            resultTypes = signature.results
            self.loopStart = loopStart
        }

        var parameterCount: Int { parameterTypes.count }
        var resultCount: Int { resultTypes.count }
        var labelArity: Int { kind == .loop ? parameterCount : resultCount }
    }

    let context: Context
    let type: FunctionType
    /// Slots the locals (parameters included) take.
    let localCount: Int
    /// Each local's first slot, when a v128 local makes it differ from the local's index (empty
    /// otherwise), and which locals are v128.
    let localSlots: [UInt32]
    let wideLocals: Set<UInt32>
    /// The distinct constants the body pushes, in first-use order, and the virtual slot of each.
    /// A constant that only ever becomes an immediate gets no real slot (see `finish()`). A v128
    /// constant is two entries, its low and high halves.
    var constants: [UInt64] = []
    var constantSlots: [UInt64: UInt32] = [:]
    var vectorConstantSlots: [V128: UInt32] = [:]
    var code: [EmittedInstruction] = []
    /// The slot holding each operand on the wasm stack.
    var stack: [UInt32] = []
    /// For each operand, the slot height above its home: its home's offset plus its width.
    var slotHeights: [Int] = []
    /// The most operand slots the frame needs.
    var maxHeight = 0
    var controls: [ControlFrame] = []
    /// Nesting depth of blocks opened inside unreachable code, which are skipped whole.
    var deadNesting = 0
    /// Code index of the most recent branch target: instructions before it cannot be fused with
    /// instructions after it.
    var lastLabel = 0
    /// The checkpoint being charged for the instructions translated since it, if metering.
    var openCheckpoint: Int?
    /// Code index of the last instruction whose result went to the top operand's home slot and may
    /// be retargeted by a following `local.set` / `local.tee`; nil when that is not safe.
    var retargetable: Int?
    /// The last plain store (`i32.store`, ...) and its wasm opcode, for a load of the same bytes
    /// right after it (while it is still the last instruction) to take the stored value instead
    /// (`storedValue(reloadedBy:_:_:)`).
    var lastStore: (instruction: EmittedInstruction, opcode: Opcode)?
    /// The body's `try_table`s and `try`s (see `ExceptionHandler`), and the hidden slots legacy
    /// `catch` clauses keep their exception in.
    var handlers: [ExceptionHandler] = []
    var hiddenSlotCount = 0

    init(context: Context, type: FunctionType, body: FunctionBody) {
        self.context = context
        self.type = type
        localCount = type.parameters.slotCount + body.localSlotCount
        if type.parameters.contains(.v128) || body.localTypes.contains(.v128) {
            var slots: [UInt32] = []
            var wide: Set<UInt32> = []
            var slot: UInt32 = 0
            func add(_ type: ValueType) {
                if type == .v128 { wide.insert(UInt32(slots.count)) }
                slots.append(slot)
                slot += UInt32(type.slotWidth)
            }
            for parameter in type.parameters { add(parameter) }
            for (count, localType) in zip(body.localCounts, body.localTypes) {
                for _ in 0..<count { add(localType) }
            }
            localSlots = slots
            wideLocals = wide
        } else {
            localSlots = []
            wideLocals = []
        }
        controls.append(
            ControlFrame(
                kind: .function, height: 0, signature: FunctionType(parameters: [], results: type.results),
                loopStart: 0))
        emitCheckpoint()
    }

    struct Output {
        var code: [EmittedInstruction]
        /// Where a call starts: 0, or the prologue after the body (see `FunctionEntry.start`).
        var start: Int
        var frameSize: Int
        /// The slot of the frame's call record (see `CallFrame`).
        var recordSlot: Int
        /// Values for the slots after the locals, copied in when the function is entered.
        var constants: [UInt64]
        /// Exception handlers, innermost first, with real slot numbers.
        var handlers: [ExceptionHandler] = []
    }

    /// Translates the next instruction of the body, which the validator has just accepted.
    mutating func translate(_ instruction: Instruction) throws {
        chargeOpenCheckpoint()
        try translateInstruction(instruction)
    }

    var isFinished: Bool { controls.isEmpty }

    /// Ends the translation once the body's final `end` is in: gives the constants that are still
    /// operands real slots after the locals (in first-use order), puts the operand stack after
    /// them, and renumbers every slot operand.
    mutating func finish() throws(TranslationError) -> Output {
        var used = [Bool](repeating: false, count: constants.count)
        Self.forEachSlotOperand(in: &code) { slot in
            if Self.isConstant(slot) { used[Int(slot - Self.constantBase)] = true }
            return slot
        }
        // A v128 constant's halves stay together (its handlers read the slot after the one named).
        for slot in vectorConstantSlots.values {
            let low = Int(slot - Self.constantBase)
            if used[low] || used[low + 1] { (used[low], used[low + 1]) = (true, true) }
        }
        var realConstantSlot = [UInt32](repeating: 0, count: constants.count)
        var pool: [UInt64] = []
        for (k, bits) in constants.enumerated() where used[k] {
            realConstantSlot[k] = UInt32(localCount + pool.count)
            pool.append(bits)
        }
        let hiddenStart = localCount + pool.count
        // The record lies below every operand, so no call's frame (which starts at its arguments)
        // overlaps it, and above the results, which `return` writes to slots 0... before reading it.
        let recordSlot = max(hiddenStart + hiddenSlotCount, type.results.slotCount)
        let operandStart = recordSlot + CallFrame.slotCount
        // Entering a frame zeroes at least four slots after the parameters (see `prepareFrame`).
        let frameSize = max(operandStart + maxHeight + 1, type.parameters.count + minimumZeroedSlots)
        guard frameSize <= EmittedInstruction.slotLimit else {
            throw .frameTooLarge(slots: frameSize, limit: EmittedInstruction.slotLimit)
        }
        let renumber = { (slot: UInt32) -> UInt32 in
            if Self.isTemporary(slot) { return UInt32(operandStart) + (slot - Self.operandBase) }
            if Self.isConstant(slot) { return realConstantSlot[Int(slot - Self.constantBase)] }
            if Self.isHidden(slot) { return UInt32(hiddenStart) + (slot - Self.hiddenBase) }
            return slot
        }
        Self.forEachSlotOperand(in: &code, renumber)
        for index in code.indices where code[index].op == .ret || code[index].op == .retFrom {
            code[index].b = UInt32(recordSlot)
        }
        // After the body, so that no branch target or handler range moves.
        var start = 0
        if FunctionEntry.needsPrologue(
            declaredLocalSlots: localCount - type.parameters.slotCount, constantCount: pool.count)
        {
            start = code.count
            code.append(EmittedInstruction(.enterFrame))
            patch(start, to: 0)
        }
        return Output(
            code: code, start: start, frameSize: frameSize, recordSlot: recordSlot, constants: pool,
            handlers: renumberedHandlers(renumber))
    }

    /// Replaces every operand that names a slot (a result or a slot read, as the instruction table
    /// says) with what `transform` returns for it.
    private static func forEachSlotOperand(in code: inout [EmittedInstruction], _ transform: (UInt32) -> UInt32) {
        for index in code.indices where code[index].op != .data {
            for operand in code[index].op.operands where operand.role == .result || operand.role == .slot {
                code[index][field: operand.field] = transform(code[index][field: operand.field])
            }
        }
    }

    // MARK: Slots and emission

    /// Until the body is done, constants and operands have virtual slot numbers: how many
    /// constants need a real slot, and so where the operand stack starts, is known only then
    /// (`finish()` renumbers). Locals keep their real numbers.
    static let constantBase: UInt32 = 1 << 30
    static let operandBase: UInt32 = 1 << 31
    /// Hidden slots (legacy `catch` exceptions) go after the constants, before the operands.
    static let hiddenBase: UInt32 = 1 << 29

    static func isHidden(_ slot: UInt32) -> Bool { slot >= hiddenBase && slot < constantBase }

    /// The home slot of the operand at stack height `index` (at most the current height).
    func home(_ index: Int) -> UInt32 { Self.operandBase + UInt32(homeOffset(index)) }

    /// Where the home of the operand at stack height `index` starts among the operand slots.
    func homeOffset(_ index: Int) -> Int { index == 0 ? 0 : slotHeights[index - 1] }

    /// Operand slots in use.
    var slotHeight: Int { slotHeights.last ?? 0 }

    /// Whether the operand at stack height `index` is a v128 (two slots).
    func isWide(_ index: Int) -> Bool { slotHeights[index] - homeOffset(index) == 2 }

    /// Where the `k`th of the top `count` operands goes when the operands from stack height
    /// `height` up are replaced by those `count` (a branch's values, a block's results).
    func home(_ k: Int, of count: Int, toHeight height: Int) -> UInt32 {
        let first = stack.count - count
        return Self.operandBase + UInt32(homeOffset(height) + homeOffset(first + k) - homeOffset(first))
    }

    /// The slot and width of local `index`.
    func local(_ index: UInt32) -> (slot: UInt32, width: Int) {
        localSlots.isEmpty ? (index, 1) : (localSlots[Int(index)], wideLocals.contains(index) ? 2 : 1)
    }

    static func isConstant(_ slot: UInt32) -> Bool { slot >= constantBase && slot < operandBase }

    /// Whether `slot` is an operand's home slot, a temporary nothing else names.
    static func isTemporary(_ slot: UInt32) -> Bool { slot >= operandBase }

    func isConstant(_ slot: UInt32) -> Bool { Self.isConstant(slot) }

    func isTemporary(_ slot: UInt32) -> Bool { Self.isTemporary(slot) }

    /// Pushes an operand that lives in an existing slot (a local or a constant): no code.
    mutating func pushSlot(_ slot: UInt32, width: Int = 1) {
        stack.append(slot)
        slotHeights.append(slotHeight + width)
        if slotHeight > maxHeight { maxHeight = slotHeight }
    }

    mutating func pushConstant(_ bits: UInt64) {
        if let slot = constantSlots[bits] { return pushSlot(slot) }
        let slot = Self.constantBase + UInt32(constants.count)
        constants.append(bits)
        constantSlots[bits] = slot
        pushSlot(slot)
    }

    mutating func pushConstant(_ vector: V128) { pushSlot(constantSlot(vector), width: 2) }

    /// A v128 constant takes two consecutive constant slots (`finish()` keeps them together).
    mutating func constantSlot(_ vector: V128) -> UInt32 {
        if let slot = vectorConstantSlots[vector] { return slot }
        let slot = Self.constantBase + UInt32(constants.count)
        constants.append(vector.low)
        constants.append(vector.high)
        vectorConstantSlots[vector] = slot
        return slot
    }

    /// Pushes an operand into its home slot (two for a v128), which the caller then writes.
    mutating func push(width: Int = 1) -> UInt32 {
        let slot = home(stack.count)
        pushSlot(slot, width: width)
        return slot
    }

    mutating func push(_ type: ValueType) -> UInt32 { push(width: type.slotWidth) }

    mutating func pop() -> UInt32 {
        slotHeights.removeLast()
        return stack.removeLast()
    }

    /// Drops the operands from stack height `height` up.
    mutating func truncateStack(to height: Int) {
        guard height < stack.count else { return }
        stack.removeSubrange(height...)
        slotHeights.removeSubrange(height...)
    }

    @discardableResult
    mutating func emit(
        _ op: InternalOp, _ a: UInt32 = 0, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0
    ) -> Int {
        code.append(EmittedInstruction(op, a, b, c, d))
        retargetable = nil
        return code.count - 1
    }

    /// Emits an instruction whose operand `a` is the destination of a fresh top-of-stack value
    /// (a v128 with `width` 2).
    mutating func emitProducer(
        _ op: InternalOp, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0, width: Int = 1
    ) {
        let destination = push(width: width)
        emit(op, destination, b, c, d)
        retargetable = code.count - 1
    }

    /// A copy right after another copy (with no label between) joins it as one `copy2`. A v128
    /// (`wide`) is copied as its two halves, low first, which is right whenever the destination
    /// does not start above the source (the translator only ever copies downwards or between
    /// disjoint slots).
    mutating func emitCopy(_ destination: UInt32, _ source: UInt32, wide: Bool = false) {
        if wide {
            emit(.copy2, destination, source, destination + 1, source + 1)
            return
        }
        let previous = code.count - 1
        // An add of a constant into `source`, kept in two locals: the add writes both.
        if previous >= lastLabel, code[previous].a == source, let step = shortAddedConstant(code[previous]),
            let op = InternalOp.copy.fusion(of: .i32AddImm, resultIsFirstOperand: true)
        {
            code[previous].op = op
            code[previous].c = step
            code[previous].d = destination
            retargetable = nil
            return
        }
        if previous >= lastLabel, code[previous].op == .copy {
            code[previous].op = .copy2
            code[previous].c = destination
            code[previous].d = source
            retargetable = nil
            return
        }
        emit(.copy, destination, source)
    }

    mutating func materialize(_ index: Int) {
        let target = home(index)
        if stack[index] != target {
            emitCopy(target, stack[index], wide: isWide(index))
            stack[index] = target
        }
    }

    /// Before a block: operands that read locals get their own copy, since the block may change
    /// those locals (a loop's later iterations would otherwise see the new values). Constants never
    /// change and stay where they are, except the block's parameters, which must be home.
    mutating func materializeAll(parameterCount: Int = 0) {
        let firstParameter = stack.count - parameterCount
        for i in stack.indices where i >= firstParameter || !isConstant(stack[i]) { materialize(i) }
    }

    /// Before local `slot` changes, operands that still read it must get their own copy.
    mutating func materializeReads(of slot: UInt32) {
        for i in stack.indices where stack[i] == slot { materialize(i) }
    }

    /// Marks the current code index as a branch target.
    mutating func bindLabel() {
        retargetable = nil
        lastLabel = code.count
    }

    /// Points the branch `code[index]` at `target`, relative to the branch itself. Branches keep
    /// their target in `c32`.
    mutating func patch(_ index: Int, to target: Int) {
        code[index].c = UInt32(bitPattern: Int32(target - index))
    }

    /// Makes sure the frame has `height` operand slots.
    mutating func reserve(slots height: Int) {
        if height > maxHeight { maxHeight = height }
    }

    func label(_ depth: UInt32) -> ControlFrame { controls[controls.count - 1 - Int(depth)] }

    /// Starts charging fuel for the code that follows (function entry, loop headers): every path
    /// that runs forever passes a checkpoint again and again.
    mutating func emitCheckpoint() {
        guard context.metering else { return }
        openCheckpoint = emit(.checkpoint)
    }

    /// The checkpoint charges one unit of fuel per wasm instruction it guards.
    mutating func chargeOpenCheckpoint() {
        if let checkpoint = openCheckpoint { code[checkpoint].c &+= 1 }
    }

    // MARK: Instructions

    mutating func translateInstruction(_ instruction: Instruction) throws {
        if controls[controls.count - 1].isUnreachable {
            // Skip dead code, but track nesting so the frame's own else/end is recognized.
            switch instruction.opcode {
            case .block, .loop, .if, .tryTable, .try:
                deadNesting += 1
                return
            case .end, .delegate:
                if deadNesting > 0 {
                    deadNesting -= 1
                    return
                }
            case .else, .catch, .catchAll:
                if deadNesting > 0 { return }
            default:
                return
            }
        }

        switch instruction.opcode.info.category {
        case .control: try translateControl(instruction)
        case .parametric, .variable, .reference: try translateVariable(instruction)
        case .memory, .table: try translateMemoryOrTable(instruction)
        case .numeric: try translateNumeric(instruction)
        case .vector: try translateVector(instruction)
        }
    }

    /// Validation and the instantiation's feature check let through only what has a
    /// translation; reaching this is an engine defect.
    func unsupported(_ instruction: Instruction) -> TrapReason {
        .internalError("no translation for \(instruction.opcode.info.name)")
    }

    /// When `slot` is a constant that fits in 32 bits (sign-extended for i64), its immediate.
    func smallConstant(_ slot: UInt32, isWide: Bool) -> UInt32? {
        guard isConstant(slot) else { return nil }
        let bits = constants[Int(slot - Self.constantBase)]
        let low = UInt32(truncatingIfNeeded: bits)
        if !isWide { return low }
        return Int64(bitPattern: bits) == Int64(Int32(bitPattern: low)) ? low : nil
    }

    mutating func popThree() -> (UInt32, UInt32, UInt32) {
        let third = pop()
        let second = pop()
        return (pop(), second, third)
    }

    /// Arguments must sit in consecutive home slots: the callee's frame starts at the first.
    mutating func prepareArguments(_ count: Int) -> UInt32 {
        let first = stack.count - count
        for k in 0..<count { materialize(first + k) }
        return home(first)
    }

    /// The callee's results are in its frame's first slots, which are the arguments' homes.
    mutating func finishCall(_ calleeType: FunctionType) {
        truncateStack(to: stack.count - calleeType.parameters.count)
        for result in calleeType.results { _ = push(result) }
    }

    func blockSignature(_ blockType: BlockType) throws -> FunctionType {
        switch blockType {
        case .empty: return FunctionType(parameters: [], results: [])
        case .value(let type): return FunctionType(parameters: [], results: [type])
        case .typeIndex(let index):
            return context.module.functionType(at: index) ?? FunctionType(parameters: [], results: [])
        }
    }
}
