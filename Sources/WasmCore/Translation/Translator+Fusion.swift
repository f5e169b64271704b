// Superinstructions: the rewrites that fold the instruction just emitted into the one that
// consumes its result (docs/interpreter.md lists each and why). Each checks that nothing can
// branch in between (`lastLabel`) and that the folded result lives in a temporary slot.

extension Translator {
    /// The last instruction, when it produced the operand in temporary slot `slot` and nothing can
    /// branch between it and here: it can be folded into the instruction that consumes `slot`.
    func foldableProducer(of slot: UInt32) -> EmittedInstruction? {
        guard let producer = retargetable, producer == code.count - 1, producer >= lastLabel,
            isTemporary(slot), code[producer].a == slot
        else { return nil }
        return code[producer]
    }

    /// What an `i32.add x, K` or `i32.sub x, K` adds to x, wrapped to 32 bits (a subtraction's
    /// constant negated); nil for any other instruction.
    func addedConstant(_ instruction: EmittedInstruction) -> UInt32? {
        switch instruction.op {
        case .i32AddImm: instruction.c
        case .i32SubImm: 0 &- instruction.c
        default: nil
        }
    }

    /// `addedConstant`, when it fits a 16-bit signed field: the field's bits.
    func shortAddedConstant(_ instruction: EmittedInstruction) -> UInt32? {
        guard let added = addedConstant(instruction), let short = Int16(exactly: Int32(bitPattern: added)) else {
            return nil
        }
        return UInt32(UInt16(bitPattern: short))
    }

    /// Removes an `i32.add x, K` (or `i32.sub x, K`) computing `address`, for a load or store to
    /// absorb. A store's value is usually computed after its address: the sum may lie further back,
    /// as long as everything since only computes into other slots (no branch, call or store, and
    /// nothing writes `x`), so that computing the sum later gives the same address.
    mutating func takeAddressSum(_ address: UInt32, isStore: Bool) -> (base: UInt32, addend: UInt32)? {
        guard isTemporary(address) else { return nil }
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
        guard let addend = addedConstant(sum) else { return nil }
        guard !code[(index + 1)...].contains(where: { $0.a == sum.b }) else { return nil }
        code.remove(at: index)
        retargetable = nil
        return (sum.b, addend)
    }

    /// Removes an `i32.add x, K` (or `sub`, K of 16 bits) into the local `slot` a few instructions
    /// back, for the instruction reading `slot` next to compute and write it itself: everything
    /// since only computes into other slots, and nothing since reads `slot` or writes `x`.
    mutating func takeSumKept(in slot: UInt32) -> (base: UInt32, addend: UInt32)? {
        guard !isTemporary(slot) else { return nil }
        var index = code.count - 1
        while index >= lastLabel, code[index].a != slot {
            guard code[index].op.writesOnlyResult else { return nil }
            index -= 1
        }
        guard index >= lastLabel, let addend = shortAddedConstant(code[index]) else { return nil }
        let base = code[index].b
        // Exact slots: a v128's second slot is never a live i32 local or operand.
        for later in code[(index + 1)...] {
            if later.a == base || later.a == slot { return nil }
            for operand in later.op.operands where operand.role == .slot && later[field: operand.field] == slot {
                return nil
            }
        }
        code.remove(at: index)
        retargetable = nil
        return (base, addend)
    }

    /// Removes the instruction that just produced operand `x` or `y` of `op` when the two fuse (a
    /// binary operation, a shift feeding an add, an `f64.load`), returning the fused operation and
    /// its operands b, c and d (see `InternalOp.fusion(of:resultIsFirstOperand:)`).
    mutating func takeFoldableOperand(
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

    /// `rotl(x, K) ^ z` (a fused `i32RotlXor`) where the instruction right before computed `z` as
    /// rotations of the same `x` by constants: one instruction rotating by each count. The two
    /// read `x` with nothing between, so at once is the same.
    mutating func joinRotation(
        _ fused: (op: InternalOp, b: UInt32, c: UInt32, d: UInt32)
    ) -> (op: InternalOp, b: UInt32, c: UInt32, d: UInt32)? {
        let previous = code.count - 1
        guard fused.op == .i32RotlXor, let count = smallConstant(fused.c, isWide: false), previous >= lastLabel,
            isTemporary(fused.d), code[previous].a == fused.d, code[previous].b == fused.b
        else { return nil }
        let counts: UInt32
        switch code[previous].op {
        case .i32Rotl:
            guard let first = smallConstant(code[previous].c, isWide: false) else { return nil }
            counts = first & 31 | (count & 31) << 5
        case .i32Rotl2Xor:
            counts = code[previous].c | (count & 31) << 10
        default:
            return nil
        }
        guard let op = fused.op.fusion(of: code[previous].op, resultIsFirstOperand: true) else { return nil }
        code.removeLast()
        retargetable = nil
        return (op, fused.b, counts, 0)
    }

    /// The last two instructions, when each steps a local in place by a 16-bit constant (`i++`
    /// then `p += 4`) with no label between: one instruction.
    mutating func joinSteps() {
        let second = code.count - 1
        let first = second - 1
        guard first >= lastLabel, let firstStep = inPlaceStep(code[first]), let secondStep = inPlaceStep(code[second])
        else { return }
        code[first] = EmittedInstruction(.i32AddImm2, code[first].a, firstStep, code[second].a, secondStep)
        code.removeLast()
        retargetable = nil
    }

    /// What an `x += K` (or `x -= K`) adds, in 16 bits, when the instruction is one.
    private func inPlaceStep(_ instruction: EmittedInstruction) -> UInt32? {
        instruction.a == instruction.b ? shortAddedConstant(instruction) : nil
    }

    /// `x op immediate`; a mask of a just-shifted value becomes one bit-field extraction, a global
    /// or a loaded word stepped (a shadow stack's frame, `a[i] + 1`) one instruction.
    mutating func emitImmediateForm(_ op: InternalOp, _ x: UInt32, _ immediate: UInt32) {
        if let (read, addend) = takeProducer(of: x, steppedBy: op, immediate, where: { $0.op == .globalGet }) {
            emitProducer(.globalGetAddImm, addend, read.c)
        } else if let (load, addend) = takeProducer(
            of: x, steppedBy: op, immediate, where: { $0.op == .i32Load && $0.c <= UInt32(UInt16.max) })
        {
            emitProducer(.i32LoadThenAddImm, load.b, load.c, addend)
        } else if op == .i32AndImm, immediate <= UInt32(UInt16.max), let field = takeShiftForMask(x) {
            emitProducer(.i32ShrUImmAndImm, field.x, field.shift, immediate)
        } else {
            emitProducer(op, x, immediate)
        }
    }

    /// Removes the instruction that just produced `slot` when it is one `fuses` accepts and `op`
    /// (an add or sub of `immediate`) consumes it next, adding a constant that fits 16 bits;
    /// returns it and that constant's field.
    mutating func takeProducer(
        of slot: UInt32, steppedBy op: InternalOp, _ immediate: UInt32, where fuses: (EmittedInstruction) -> Bool
    ) -> (producer: EmittedInstruction, addend: UInt32)? {
        guard let producer = foldableProducer(of: slot), fuses(producer),
            let addend = shortAddedConstant(EmittedInstruction(op, 0, slot, immediate))
        else { return nil }
        code.removeLast()
        retargetable = nil
        return (producer, addend)
    }

    /// The instruction right before (no label between), when it computed `value` as a global, or
    /// a slot, plus a 16-bit constant: it sets `global` too, as the `global.set` of `value` would.
    mutating func joinGlobalSet(_ global: UInt32, of value: UInt32) -> Bool {
        let previous = code.count - 1
        guard previous >= lastLabel, code[previous].a == value else { return false }
        if code[previous].op == .globalGetAddImm, code[previous].c == global {
            code[previous].op = .globalAddImm
        } else if let addend = shortAddedConstant(code[previous]), let index = UInt16(exactly: global) {
            code[previous] = EmittedInstruction(.i32AddImmGlobalSet, value, code[previous].b, addend, UInt32(index))
        } else {
            return false
        }
        retargetable = nil
        return true
    }

    /// The instruction right before (no label between), when it computed the first argument at
    /// `base` as a slot plus a 16-bit constant: it becomes the call of defined `function` too.
    mutating func joinCall(_ function: UInt32, base: UInt32) -> Bool {
        let previous = code.count - 1
        guard previous >= lastLabel, code[previous].a == base, let addend = shortAddedConstant(code[previous]),
            let index = UInt16(exactly: function)
        else { return false }
        code[previous] = EmittedInstruction(.i32AddImmCallDefined, base, code[previous].b, addend, UInt32(index))
        retargetable = nil
        return true
    }

    /// Removes an `i32.shr_u x, s` whose result `slot` is masked next.
    mutating func takeShiftForMask(_ slot: UInt32) -> (x: UInt32, shift: UInt32)? {
        guard let shift = foldableProducer(of: slot), shift.op == .i32ShrUImm else { return nil }
        code.removeLast()
        retargetable = nil
        return (shift.b, shift.c & 31)
    }

    /// When the condition was just computed by a comparison into its home slot, removes that
    /// comparison so that it can be re-emitted fused with the branch. `i32.eqz` of a comparison
    /// (C's `!(a < b)`) fuses too, as the negated comparison.
    mutating func takeFusableComparison(
        _ condition: UInt32
    ) -> (comparison: EmittedInstruction, inverted: Bool)? {
        guard let producer = retargetable, producer == code.count - 1, isTemporary(condition),
            code[producer].a == condition, code[producer].op.branchForm(negated: false) != nil
        else { return nil }
        retargetable = nil
        let last = code.removeLast()
        let previous = code.count - 1
        if last.op == .i32Eqz, previous >= 0, previous >= lastLabel, code[previous].a == last.b,
            isTemporary(last.b), code[previous].op != .i32Eqz,
            code[previous].op.branchForm(negated: false) != nil
        {
            return (code.removeLast(), true)
        }
        return (last, false)
    }

    /// The slot whose value the store right before (no label between) wrote, when `load` reads
    /// back the same bytes as the same type: `address` and `offset` are the store's, and the store
    /// having passed its bounds check, the load would pass it too. Unoptimized C stores every local
    /// to the shadow stack and loads it again at once.
    func storedValue(reloadedBy load: Opcode, _ address: UInt32, _ offset: UInt64) -> UInt32? {
        guard let store = lastStore, code.last == store.instruction, code.count - 1 >= lastLabel else { return nil }
        switch (store.opcode, load) {
        case (.i32Store, .i32Load), (.i64Store, .i64Load), (.f32Store, .f32Load), (.f64Store, .f64Load): break
        default: return nil
        }
        guard store.instruction.a == address, UInt64(store.instruction.c) == offset else { return nil }
        return store.instruction.b
    }

    /// Removes the copy into `destination` right before (no label between), for the instruction
    /// reading `destination` to make it too; returns the copy's source.
    mutating func takeCopy(into destination: UInt32) -> UInt32? {
        guard let copy = code.last, copy.op == .copy, copy.a == destination, code.count - 1 >= lastLabel else {
            return nil
        }
        code.removeLast()
        retargetable = nil
        return copy.b
    }

    /// A loop's `x += K` (or `x += y`) right before a branch testing x, back to `target`, joins the
    /// branch: removes the add and returns the fused branch with its target filled in.
    mutating func takeCounterStep(
        before branch: InternalOp, _ x: UInt32, _ y: UInt32, target: Int
    )
        -> (op: InternalOp, a: UInt32, b: UInt32, c: UInt32, d: UInt32)?
    {
        // Two steps joined (`i32AddImm2`): the second is the counter's, one instruction either way.
        guard let pair = code.last, pair.op == .i32AddImm2, code.count - 1 >= lastLabel else {
            return takeSingleCounterStep(before: branch, x, y, target: target)
        }
        code[code.count - 1] = EmittedInstruction(.i32AddImm, pair.a, pair.a, signExtended(pair.b))
        emit(.i32AddImm, pair.c, pair.c, signExtended(pair.d))
        if let fused = takeSingleCounterStep(before: branch, x, y, target: target) { return fused }
        joinSteps()
        return nil
    }

    private func signExtended(_ step: UInt32) -> UInt32 {
        UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: step)))
    }

    private mutating func takeSingleCounterStep(
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
        let producer: InternalOp
        if let short = shortAddedConstant(code[previous]) {
            step = short
            producer = .i32AddImm
        } else if code[previous].op == .i32Add {
            step = code[previous].c
            producer = .i32Add
        } else {
            return nil
        }
        if x != counter {
            // Inequality is symmetric: the counter may be either operand.
            guard branch == .brIfI32Ne, y == counter else { return nil }
            other = x
            consumer = .brIfI32Ne
        }
        guard let op = consumer.fusion(of: producer, resultIsFirstOperand: true) else { return nil }
        code.removeLast()
        retargetable = nil
        return (op, counter, step, other, UInt32(UInt16(bitPattern: offset)))
    }
}
