extension Translator {
    /// Constants (operands in slots, or immediates of their consumer) and numeric instructions.
    mutating func translateNumeric(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.i32Const, .i32(let value)):
            pushConstant(UInt64(UInt32(bitPattern: value)))
        case (.f32Const, .f32(let bits)):
            pushConstant(UInt64(bits))
        case (.i64Const, .i64(let value)):
            pushConstant(UInt64(bitPattern: value))
        case (.f64Const, .f64(let bits)):
            pushConstant(bits)
        default:
            guard let op = InternalOp.direct(instruction.opcode), let signature = instruction.opcode.info.signature
            else {
                throw unsupported(instruction)
            }
            if signature.parameters.count == 2 {
                let y = pop()
                let x = pop()
                let isWide = signature.parameters[0] == .i64
                if let immediateOp = op.immediateForm, let immediate = smallConstant(y, isWide: isWide) {
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
                } else if let fused = takeFoldableOperand(into: op, x, y) {
                    let joined = joinRotation(fused) ?? fused
                    emitProducer(joined.op, joined.b, joined.c, joined.d)
                } else {
                    emitProducer(op, x, y)
                }
            } else {
                let x = pop()
                emitProducer(op, x)
            }
        }
    }
}
