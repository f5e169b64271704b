extension Translator {
    /// Blocks, branches, returns and calls: control flow is resolved here, at translation.
    mutating func translateControl(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.unreachable, _):
            emit(.unreachable)
            markUnreachable()
        case (.nop, _):
            break
        case (.block, .blockType(let blockType)), (.loop, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            materializeAll(parameterCount: signature.parameters.count)
            let isLoop = instruction.opcode == .loop
            // Branches to a block go to its end: only a loop's start is a branch target, which
            // instructions on either side of it must not be fused across.
            if isLoop { bindLabel() }
            controls.append(
                ControlFrame(
                    kind: isLoop ? .loop : .block, height: stack.count - signature.parameters.count,
                    signature: signature, loopStart: code.count))
            if isLoop { emitCheckpoint() }
        case (.if, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            let condition = pop()
            let comparison = takeFusableComparison(condition)
            materializeAll(parameterCount: signature.parameters.count)
            let branch = emitConditionalBranch(condition, comparison: comparison, negated: true)
            var frame = ControlFrame(
                kind: .if, height: stack.count - signature.parameters.count, signature: signature, loopStart: 0)
            frame.elsePatch = branch
            controls.append(frame)
        case (.else, _):
            var frame = controls.removeLast()
            if !frame.isUnreachable {
                moveTop(frame.resultCount, toHeight: frame.height)
                frame.endPatches.append(emitJump())
            }
            if let elsePatch = frame.elsePatch { patch(elsePatch, to: code.count) }
            frame.elsePatch = nil
            frame.kind = .else
            frame.isUnreachable = false
            bindLabel()
            truncateStack(to: frame.height)
            for parameter in frame.parameterTypes { _ = push(parameter) }
            controls.append(frame)
        case (.end, _):
            var frame = controls.removeLast()
            if frame.kind == .function {
                if !frame.isUnreachable { emitReturn() }
                return
            }
            closeHandler(&frame)
            if !frame.isUnreachable { moveTop(frame.resultCount, toHeight: frame.height) }
            for index in frame.endPatches { patch(index, to: code.count) }
            patchCatches(frame)
            if let elsePatch = frame.elsePatch { patch(elsePatch, to: code.count) }
            bindLabel()
            truncateStack(to: frame.height)
            for result in frame.resultTypes { _ = push(result) }
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
            let isDefined = Int(function) >= context.module.importedFunctionTypes.count
            if !isDefined || !joinCall(function, base: base) {
                emit(isDefined ? .callDefined : .call, base, 0, function)
            }
            emit(.data)  // the callee's entry, once installed (FunctionInstance.install)
            finishCall(calleeType)
        case (.returnCall, .index(let function)):
            let calleeType = context.functionTypes[Int(function)]
            let base = prepareArguments(calleeType.parameters.count)
            emit(.returnCall, base, 0, function)
            emit(.data)  // the callee's entry, once installed (FunctionInstance.install)
            // Reached only after a host callee: its results are returned as a call's would be.
            finishCall(calleeType)
            emitReturn()
            markUnreachable()
        case (.returnCallIndirect, .indexPair(let typeIndex, let table)):
            let calleeType = emitIndirectCall(typeIndex: typeIndex, table: table, isTailCall: true)
            // Reached only after a host callee: its results are returned as a call's would be.
            finishCall(calleeType)
            emitReturn()
            markUnreachable()
        case (.callIndirect, .indexPair(let typeIndex, let table)):
            finishCall(emitIndirectCall(typeIndex: typeIndex, table: table, isTailCall: false))
        default:
            try translateReferenceOrException(instruction)
        }
    }
}

extension Translator {
    /// `call_indirect` or `return_call_indirect` through `table` with its expected type in a data
    /// word; returns the callee's type. Only a type that is not final can have subtypes, whose
    /// functions match too: such a type gets the form that asks the type registry on a mismatch.
    mutating func emitIndirectCall(typeIndex: UInt32, table: UInt32, isTailCall: Bool) -> FunctionType {
        let calleeType = context.module.functionType(at: typeIndex) ?? FunctionType(parameters: [], results: [])
        narrowTableIndex(fromTop: 1, table)
        let index = pop()
        let base = prepareArguments(calleeType.parameters.count)
        let isFinal = Int(typeIndex) < context.module.types.count ? context.module.types[Int(typeIndex)].isFinal : true
        let op: InternalOp =
            switch (isTailCall, isFinal) {
            case (false, true): .callIndirect
            case (false, false): .callIndirectSubtype
            case (true, true): .returnCallIndirect
            case (true, false): .returnCallIndirectSubtype
            }
        emit(op, base, index, table)
        emit(.data, 0, 0, UInt32(context.typeIDs[Int(typeIndex)]))
        return calleeType
    }
}
