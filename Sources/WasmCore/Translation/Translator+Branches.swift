// Branches, returns and the values they carry to their target's slots.

extension Translator {
    /// Copies the top `count` operands to the slots starting at `height`'s home. Copying upwards
    /// is safe: each destination lies at or below every source still to be copied.
    mutating func moveTop(_ count: Int, toHeight height: Int) {
        let first = stack.count - count
        for k in 0..<count where stack[first + k] != home(k, of: count, toHeight: height) {
            emitCopy(home(k, of: count, toHeight: height), stack[first + k], wide: isWide(first + k))
        }
    }

    func topIsInPlace(_ count: Int, height: Int) -> Bool {
        let first = stack.count - count
        return (0..<count).allSatisfy { stack[first + $0] == home($0, of: count, toHeight: height) }
    }

    /// Results to slots 0..<n, then return. Values are first made home so that no copy into the
    /// low slots overwrites a local that a later result still reads.
    mutating func emitReturn() {
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
            } else if isWide(first) {
                emitCopy(0, result, wide: true)
                emit(.ret)
            } else {
                emit(.retFrom, result)
            }
            return
        }
        for k in 0..<count { materialize(first + k) }
        for k in 0..<count {
            emitCopy(UInt32(homeOffset(first + k) - homeOffset(first)), stack[first + k], wide: isWide(first + k))
        }
        emit(.ret)
    }

    /// An unconditional branch to the label `depth` levels out.
    mutating func emitBranch(depth: UInt32) {
        let depthIndex = controls.count - 1 - Int(depth)
        let target = controls[depthIndex]
        if target.kind == .function {
            emitReturn()
            return
        }
        moveTop(target.labelArity, toHeight: target.height)
        if target.kind == .loop {
            patch(emitJump(), to: target.loopStart)
        } else {
            controls[depthIndex].endPatches.append(emitJump())
        }
    }

    mutating func markUnreachable() {
        controls[controls.count - 1].isUnreachable = true
        truncateStack(to: controls[controls.count - 1].height)
    }

    /// Emits a conditional branch (taken when the condition is non-zero, or zero when `negated`),
    /// fused with its comparison when there is one; returns the branch's index, whose target is
    /// patched later. A branch back to a known target (`backTo`, a loop header) may also absorb
    /// the loop counter's step, and gets its target at once.
    mutating func emitConditionalBranch(
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
                    let temporary = Self.operandBase + UInt32(slotHeight + 1)
                    reserve(slots: slotHeight + 2)
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
            if let sumBranch = takeSum(into: branch, x, y) { return sumBranch }
            if let loadBranch = takeLoad(into: branch, x, y) { return loadBranch }
            if branch == .brIfI32Nez || branch == .brIfI32Eqz,
                let test = takeTest(of: x, negated: branch == .brIfI32Eqz)
            {
                return test
            }
            if let copied = takeCopy(before: branch, x, y) { return copied }
            x = fused.comparison.b
            return emit(branch, x, y)
        }
        if !negated, let target, let counter = takeCounterStep(before: .brIfI32Nez, condition, 0, target: target) {
            return emit(counter.op, counter.a, counter.b, counter.c, counter.d)
        }
        return takeTest(of: condition, negated: negated) ?? takeCopy(before: negated ? .brIfNot : .brIf, condition)
            ?? emitPlainBranch(condition, negated: negated)
    }

    /// An f64 sum computed right before the branch that compares it (x), into a temporary: the
    /// branch adds it itself. Returns the index of the fused branch's data word, which holds the
    /// target and is what the caller patches.
    mutating func takeSum(into branch: InternalOp, _ x: UInt32, _ y: UInt32) -> Int? {
        guard x != y, let sum = code.last, sum.op == .f64Add, sum.a == x, code.count - 1 >= lastLabel,
            isTemporary(x), let op = branch.fusion(of: .f64Add, resultIsFirstOperand: true)
        else { return nil }
        return replaceLast(with: op, sum.b, sum.c, y)
    }

    /// An i32 loaded right before the branch that compares it (either operand): the branch loads
    /// it itself, still writing it to its slot. Returns the index of the fused branch's data word.
    mutating func takeLoad(into branch: InternalOp, _ x: UInt32, _ y: UInt32) -> Int? {
        guard x != y, let load = code.last, load.op == .i32Load, load.a == x || load.a == y,
            code.count - 1 >= lastLabel, load.c <= UInt32(UInt16.max),
            let compared = load.a == x ? branch : branch.swappedForm,
            let op = compared.fusion(of: .i32Load, resultIsFirstOperand: true)
        else { return nil }
        return replaceLast(with: op, load.a, load.b, load.a == x ? y : x, load.c)
    }

    /// The instruction right before a branch on `condition` being non-zero (zero when `negated`),
    /// when it computes the condition and can test it itself: an i32 or byte load (still writing
    /// the value to its slot), or an and with a mask into a temporary. Returns the index of the fused
    /// branch's data word.
    mutating func takeTest(of condition: UInt32, negated: Bool) -> Int? {
        guard let producer = code.last, producer.a == condition, code.count - 1 >= lastLabel,
            let op = (negated ? InternalOp.brIfNot : .brIf).fusion(of: producer.op, resultIsFirstOperand: true)
        else { return nil }
        switch producer.op {
        case .i32Load where producer.c <= UInt32(UInt16.max), .i32Load8U where producer.c <= UInt32(UInt16.max):
            return replaceLast(with: op, producer.a, producer.b, 0, producer.c)
        case .i32AndImm where isTemporary(condition):
            return replaceLast(with: op, producer.b, 0, producer.c)
        default:
            return nil
        }
    }

    /// Replaces the last instruction with `op`, a branch whose target is in the data word that
    /// follows it; returns the data word's index, which the caller patches.
    private mutating func replaceLast(
        with op: InternalOp, _ a: UInt32, _ b: UInt32 = 0, _ c: UInt32 = 0, _ d: UInt32 = 0
    ) -> Int {
        code.removeLast()
        emit(op, a, b, c, d)
        return emit(.data)
    }

    /// An unconditional jump, absorbing a copy right before it (a block's result on its way out);
    /// returns the index to patch.
    mutating func emitJump() -> Int {
        let previous = code.count - 1
        guard previous >= lastLabel, code[previous].op == .copy,
            let op = InternalOp.br.fusion(of: .copy, resultIsFirstOperand: true)
        else { return emit(.br) }
        code[previous].op = op
        retargetable = nil
        return previous
    }

    /// A copy right before a branch (`br_if` on x, or a comparison of x with the constant y),
    /// whether or not it copies x: the branch makes the copy first. Returns the index of the
    /// fused branch's data word.
    mutating func takeCopy(before branch: InternalOp, _ x: UInt32, _ y: UInt32 = 0) -> Int? {
        guard let copy = code.last, copy.op == .copy, code.count - 1 >= lastLabel,
            let op = branch.fusion(of: .copy, resultIsFirstOperand: true)
        else { return nil }
        return replaceLast(with: op, copy.a, copy.b, x, y)
    }

    mutating func emitPlainBranch(_ condition: UInt32, negated: Bool) -> Int {
        emit(negated ? .brIfNot : .brIf, condition)
    }
}
