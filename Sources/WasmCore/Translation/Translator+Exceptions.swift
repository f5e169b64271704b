// Typed function references and exceptions.
//
// A `try_table` or legacy `try` emits no code of its own: it records an `ExceptionHandler` (its
// body's code range and where each catch clause puts the values and continues), which the
// unwinder reads only when something throws. See Handlers/Exceptions.swift.

extension Translator {
    mutating func translateReferenceOrException(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.callRef, .index(let typeIndex)):
            let calleeType = context.module.functionType(at: typeIndex) ?? FunctionType(parameters: [], results: [])
            let reference = pop()
            let base = prepareArguments(calleeType.parameters.count)
            emit(.callRef, base, reference)
            finishCall(calleeType)
        case (.returnCallRef, .index(let typeIndex)):
            let calleeType = context.module.functionType(at: typeIndex) ?? FunctionType(parameters: [], results: [])
            let reference = pop()
            let base = prepareArguments(calleeType.parameters.count)
            emit(.returnCallRef, base, reference)
            // Reached only after a host callee: its results are returned as a call's would be.
            finishCall(calleeType)
            emitReturn()
            markUnreachable()
        case (.refAsNonNull, _):
            emit(.refAsNonNull, stack[stack.count - 1])
        case (.brOnNull, .index(let depth)):
            let isNull = emitIsNull(of: stack[stack.count - 1])
            let reference = pop()
            emitBranch(ifNonZero: isNull, depth: depth)
            pushSlot(reference)
        case (.brOnNonNull, .index(let depth)):
            let isNull = emitIsNull(of: stack[stack.count - 1])
            emitBranch(ifZero: isNull, depth: depth)
            _ = pop()
        case (.throw, .index(let tag)):
            let base = prepareArguments(tagParameters(tag).count)
            emit(.throwTag, base, 0, tag)
            markUnreachable()
        case (.throwRef, _):
            emit(.throwRef, pop())
            markUnreachable()
        case (.tryTable, .tryTable(let blockType, let clauses)):
            let signature = try blockSignature(blockType)
            materializeAll(parameterCount: signature.parameters.count)
            bindLabel()
            let handlerIndex = handlers.count
            var handler = ExceptionHandler(start: code.count, end: code.count, depth: controls.count)
            for (k, clause) in clauses.enumerated() {
                handler.catches.append(catchTarget(clause, handler: handlerIndex, clause: k))
            }
            handlers.append(handler)
            var frame = ControlFrame(
                kind: .tryTable, height: stack.count - signature.parameters.count, signature: signature, loopStart: 0)
            frame.handlerIndex = handlerIndex
            controls.append(frame)
        case (.try, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            materializeAll(parameterCount: signature.parameters.count)
            bindLabel()
            handlers.append(ExceptionHandler(start: code.count, end: code.count, depth: controls.count))
            var frame = ControlFrame(
                kind: .legacyTry, height: stack.count - signature.parameters.count, signature: signature,
                loopStart: 0)
            frame.handlerIndex = handlers.count - 1
            controls.append(frame)
        case (.catch, .index(let tag)):
            beginLegacyCatch(tag: tag)
        case (.catchAll, _):
            beginLegacyCatch(tag: nil)
        case (.delegate, .index(let depth)):
            var frame = controls.removeLast()
            closeHandler(&frame)
            if let index = frame.handlerIndex {
                // The label is counted from outside the `try`.
                handlers[index].delegateDepth = controls.count - 1 - Int(depth)
            }
            if !frame.isUnreachable { moveTop(frame.resultCount, toHeight: frame.height) }
            for index in frame.endPatches { patch(index, to: code.count) }
            patchCatches(frame)
            bindLabel()
            truncateStack(to: frame.height)
            for result in frame.resultTypes { _ = push(result) }
        case (.rethrow, .index(let depth)):
            let index = controls.count - 1 - Int(depth)
            let slot = controls[index].exceptionSlot ?? newHiddenSlot()
            controls[index].exceptionSlot = slot
            controls[index].isRethrown = true
            emit(.throwRef, slot)
            markUnreachable()
        default:
            try translateGarbageCollection(instruction)
        }
    }

    /// 1 in a fresh slot above the operands when the reference in `slot` is null, else 0.
    private mutating func emitIsNull(of slot: UInt32) -> UInt32 {
        emitProducer(.i64Eqz, slot)
        return pop()
    }

    /// A branch to label `depth` taken when `condition` is non-zero (or zero), carrying the label's
    /// values; they stay in place on the path not taken.
    private mutating func emitBranch(ifNonZero condition: UInt32, depth: UInt32) {
        emitBranch(condition, takenWhenZero: false, depth: depth)
    }

    private mutating func emitBranch(ifZero condition: UInt32, depth: UInt32) {
        emitBranch(condition, takenWhenZero: true, depth: depth)
    }

    mutating func emitBranch(_ condition: UInt32, takenWhenZero: Bool, depth: UInt32) {
        let target = label(depth)
        let arity = target.labelArity
        if target.kind != .function, topIsInPlace(arity, height: target.height) {
            let branch = emitPlainBranch(condition, negated: takenWhenZero)
            if target.kind == .loop {
                patch(branch, to: target.loopStart)
            } else {
                controls[controls.count - 1 - Int(depth)].endPatches.append(branch)
            }
        } else {
            let first = stack.count - arity
            for k in 0..<arity { materialize(first + k) }
            let skip = emitPlainBranch(condition, negated: !takenWhenZero)
            emitBranch(depth: depth)
            patch(skip, to: code.count)
            bindLabel()
        }
    }

    /// The values an exception of the module's tag `tag` carries.
    func tagParameters(_ tag: UInt32) -> [ValueType] {
        let imported = context.module.importedTags
        let type = Int(tag) < imported.count ? imported[Int(tag)] : context.module.tags[Int(tag) - imported.count]
        return context.module.functionType(at: type.typeIndex)?.parameters ?? []
    }

    /// Where a `try_table` clause puts its values (the homes of its label's values) and continues.
    private mutating func catchTarget(_ clause: CatchClause, handler: Int, clause k: Int) -> CatchTarget {
        var types = clause.tag.map(tagParameters) ?? []
        let keepsReference = clause.kind == .catchRef || clause.kind == .catchAllRef
        if keepsReference { types.append(.exnref) }
        let targetIndex = controls.count - 1 - Int(clause.label)
        let target = controls[targetIndex]
        // The function's label: the results' slots, then return.
        let isReturn = target.kind == .function
        var offset = isReturn ? 0 : homeOffset(target.height)
        var slots: [UInt32] = []
        for type in types {
            for half in 0..<type.slotWidth {
                slots.append((isReturn ? 0 : Self.operandBase) + UInt32(offset + half))
            }
            offset += type.slotWidth
        }
        if !isReturn { reserve(slots: offset) }
        var exceptionSlot: UInt32?
        if keepsReference, let last = slots.popLast() { exceptionSlot = last }
        var result = CatchTarget(tag: clause.tag, slots: slots, exceptionSlot: exceptionSlot, target: nil)
        switch target.kind {
        case .function: break
        case .loop: result.target = target.loopStart
        default:
            result.target = 0
            controls[targetIndex].catchPatches.append((handler, k))
        }
        return result
    }

    /// Legacy `catch` / `catch_all`: closes the `try` body (or the previous clause) like `else`,
    /// and starts a clause whose code receives the tag's values as operands.
    private mutating func beginLegacyCatch(tag: UInt32?) {
        var frame = controls.removeLast()
        closeHandler(&frame)
        if !frame.isUnreachable {
            moveTop(frame.resultCount, toHeight: frame.height)
            frame.endPatches.append(emitJump())
        }
        bindLabel()
        truncateStack(to: frame.height)
        let exceptionSlot = frame.exceptionSlot ?? newHiddenSlot()
        frame.exceptionSlot = exceptionSlot
        var slots: [UInt32] = []
        for type in tag.map(tagParameters) ?? [] {
            let slot = push(type)
            for half in 0..<type.slotWidth { slots.append(slot + UInt32(half)) }
        }
        if let index = frame.handlerIndex {
            handlers[index].catches.append(
                CatchTarget(tag: tag, slots: slots, exceptionSlot: exceptionSlot, target: code.count))
        }
        frame.kind = .legacyCatch
        frame.isUnreachable = false
        controls.append(frame)
    }

    private mutating func newHiddenSlot() -> UInt32 {
        hiddenSlotCount += 1
        return Self.hiddenBase + UInt32(hiddenSlotCount - 1)
    }

    /// At the end of a `try` body: its range ends here. At the end of a legacy `catch` that no
    /// `rethrow` reads: its clauses need not keep the exception.
    mutating func closeHandler(_ frame: inout ControlFrame) {
        guard let index = frame.handlerIndex else { return }
        switch frame.kind {
        case .tryTable, .legacyTry:
            handlers[index].end = code.count
        case .legacyCatch where !frame.isRethrown:
            for k in handlers[index].catches.indices { handlers[index].catches[k].exceptionSlot = nil }
        default:
            break
        }
    }

    /// Catch clauses that continue at the end of `frame`, which is here.
    mutating func patchCatches(_ frame: ControlFrame) {
        for (handler, clause) in frame.catchPatches { handlers[handler].catches[clause].target = code.count }
    }

    /// The handlers with real slot numbers, innermost first.
    func renumberedHandlers(_ renumber: (UInt32) -> UInt32) -> [ExceptionHandler] {
        handlers.enumerated().sorted { ($0.element.depth, $1.offset) > ($1.element.depth, $0.offset) }.map { entry in
            var handler = entry.element
            for k in handler.catches.indices {
                handler.catches[k].slots = handler.catches[k].slots.map(renumber)
                handler.catches[k].exceptionSlot = handler.catches[k].exceptionSlot.map(renumber)
            }
            return handler
        }
    }
}
