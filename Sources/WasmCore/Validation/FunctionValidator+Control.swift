extension FunctionValidator {
    /// Blocks, branches, calls and exceptions.
    mutating func validateControl(_ instruction: Instruction) throws(ValidationError) {
        switch (instruction.opcode, instruction.immediate) {
        case (.unreachable, _):
            markUnreachable()
        case (.nop, _):
            break
        case (.block, .blockType(let blockType)), (.loop, .blockType(let blockType)),
            (.try, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            try pop(signature.parameters)
            pushControl(instruction.opcode, signature)
        case (.if, .blockType(let blockType)):
            let signature = try blockSignature(blockType)
            try pop(.i32)
            try pop(signature.parameters)
            pushControl(.if, signature)
        case (.else, _):
            guard controls.last?.opcode == .if else { throw error("else without matching if") }
            let frame = try popControl()
            pushControl(.else, FunctionType(parameters: frame.parameters, results: frame.results))
        case (.end, _):
            let frame = try popControl()
            if frame.opcode == .if, !isSubtype(frame.parameters, of: frame.results) { throw error("type mismatch") }
            push(frame.results)
        case (.br, .index(let depth)):
            try pop(try label(depth).labelTypes)
            markUnreachable()
        case (.brIf, .index(let depth)):
            try pop(.i32)
            let types = try label(depth).labelTypes
            try pop(types)
            push(types)
        case (.brTable, .branchTable(let targets, let defaultTarget)):
            try pop(.i32)
            let arity = try label(defaultTarget).labelTypes.count
            for target in targets + [defaultTarget] {
                let types = try label(target).labelTypes
                guard types.count == arity else { throw error("type mismatch") }
                try peek(types)
            }
            try pop(try label(defaultTarget).labelTypes)
            markUnreachable()
        case (.return, _):
            try pop(resultTypes)
            markUnreachable()
        case (.call, .index(let index)):
            let type = try function(index)
            try pop(type.parameters)
            push(type.results)
        case (.callIndirect, .indexPair(let typeIndex, let tableIndex)):
            let type = try indirectCallee(typeIndex, tableIndex)
            try pop(type.parameters)
            push(type.results)
        case (.callRef, .index(let typeIndex)):
            let type = try functionType(typeIndex)
            try pop(.ref(ReferenceType(.concrete(typeIndex))))
            try pop(type.parameters)
            push(type.results)
        case (.returnCall, .index(let index)):
            let type = try function(index)
            try requireTailCallResults(type)
            try pop(type.parameters)
            markUnreachable()
        case (.returnCallIndirect, .indexPair(let typeIndex, let tableIndex)):
            let type = try indirectCallee(typeIndex, tableIndex)
            try requireTailCallResults(type)
            try pop(type.parameters)
            markUnreachable()
        case (.returnCallRef, .index(let typeIndex)):
            let type = try functionType(typeIndex)
            try requireTailCallResults(type)
            try pop(.ref(ReferenceType(.concrete(typeIndex))))
            try pop(type.parameters)
            markUnreachable()
        case (.brOnNull, .index(let depth)):
            let types = try label(depth).labelTypes
            let reference = try popReference()
            try pop(types)
            push(types)
            if let reference {
                push(.ref(ReferenceType(reference.heapType, nullable: false)))
            } else {
                push(.unknownReference)
            }
        case (.brOnNonNull, .index(let depth)):
            let types = try label(depth).labelTypes
            guard case .ref(let target)? = types.last else { throw error("type mismatch") }
            try pop(.ref(ReferenceType(target.heapType, nullable: true)))
            let carried = Array(types.dropLast())
            try pop(carried)
            push(carried)
        case (.brOnCast, .castBranch(let flags, let depth, let source, let target)),
            (.brOnCastFail, .castBranch(let flags, let depth, let source, let target)):
            try validateCastBranch(instruction.opcode, flags: flags, depth: depth, source: source, target: target)
        case (.throw, .index(let tag)):
            try pop(try tagType(tag).parameters)
            markUnreachable()
        case (.throwRef, _):
            try pop(.exnref)
            markUnreachable()
        case (.tryTable, .tryTable(let blockType, let clauses)):
            let signature = try blockSignature(blockType)
            try pop(signature.parameters)
            for clause in clauses { try validateCatchClause(clause) }
            pushControl(.tryTable, signature)
        case (.catch, .index(let tag)):
            let parameters = try tagType(tag).parameters
            let frame = try popLegacyTryFrame()
            pushControl(.catch, FunctionType(parameters: [], results: frame.results))
            push(parameters)
        case (.catchAll, _):
            let frame = try popLegacyTryFrame()
            pushControl(.catchAll, FunctionType(parameters: [], results: frame.results))
        case (.delegate, .index(let depth)):
            guard controls.last?.opcode == .try else { throw error("delegate without matching try") }
            let frame = try popControl()
            // The label is counted from outside the `try`.
            _ = try label(depth)
            push(frame.results)
        case (.rethrow, .index(let depth)):
            let frame = try label(depth)
            guard frame.opcode == .catch || frame.opcode == .catchAll else { throw error("invalid rethrow label") }
            markUnreachable()
        default:
            throw error("unexpected immediate for \(instruction.opcode.info.name)")
        }
    }

    private func blockSignature(_ blockType: BlockType) throws(ValidationError) -> FunctionType {
        if case .value(let type) = blockType { try requireWellFormed(type) }
        if case .typeIndex(let index) = blockType { _ = try functionType(index) }
        guard let signature = context.blockSignature(blockType) else { throw error("unknown type") }
        return signature
    }

    private mutating func indirectCallee(
        _ typeIndex: UInt32, _ tableIndex: UInt32
    ) throws(ValidationError) -> FunctionType {
        let table = try table(tableIndex)
        guard context.types.isSubtype(table.elementType, of: .funcref) else { throw error("type mismatch") }
        let type = try functionType(typeIndex)
        try pop(table.addressType)
        return type
    }

    private func requireTailCallResults(_ callee: FunctionType) throws(ValidationError) {
        guard isSubtype(callee.results, of: resultTypes) else { throw error("type mismatch") }
    }

    /// `catch` and `catch_all` close the `try` (or the previous `catch`) like `else` closes `if`.
    private mutating func popLegacyTryFrame() throws(ValidationError) -> ControlFrame {
        guard let opcode = controls.last?.opcode, opcode == .try || opcode == .catch else {
            throw error("catch without matching try")
        }
        return try popControl()
    }

    private func validateCatchClause(_ clause: CatchClause) throws(ValidationError) {
        var carried: [ValueType] = []
        if let tag = clause.tag { carried = try tagType(tag).parameters }
        if clause.kind == .catchRef || clause.kind == .catchAllRef {
            carried.append(.ref(ReferenceType(.exn, nullable: false)))
        }
        // The clause's label is counted as if the `try_table` frame were not yet pushed.
        let target = try label(clause.label).labelTypes
        guard isSubtype(carried, of: target) else { throw error("type mismatch") }
    }

    private mutating func validateCastBranch(
        _ opcode: Opcode, flags: UInt8, depth: UInt32, source: HeapType, target: HeapType
    ) throws(ValidationError) {
        try requireWellFormed(source)
        try requireWellFormed(target)
        let sourceType = ReferenceType(source, nullable: flags & 1 != 0)
        let targetType = ReferenceType(target, nullable: flags & 2 != 0)
        guard context.types.isSubtype(targetType, of: sourceType) else { throw error("type mismatch") }
        let types = try label(depth).labelTypes
        guard let last = types.last else { throw error("type mismatch") }
        // What the branch carries: the cast's target, or on failure what remains of the source.
        let difference = ReferenceType(source, nullable: sourceType.isNullable && !targetType.isNullable)
        let (taken, remaining) = opcode == .brOnCast ? (targetType, difference) : (difference, targetType)
        guard isSubtype(.ref(taken), of: last) else { throw error("type mismatch") }
        try pop(.ref(sourceType))
        let carried = Array(types.dropLast())
        try pop(carried)
        push(carried)
        push(.ref(remaining))
    }
}
