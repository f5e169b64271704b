/// The spec's validation algorithm for one function body: an operand stack of types (with
/// "unknown" for values produced in unreachable code) and a stack of control frames.
///
/// Instructions are fed one at a time so that the translator can run in the same pass.
struct FunctionValidator {
    struct ControlFrame {
        var opcode: Opcode
        var parameters: [ValueType]
        var results: [ValueType]
        var height: Int
        var isUnreachable: Bool

        /// What a branch to this frame carries.
        var labelTypes: [ValueType] { opcode == .loop ? parameters : results }
    }

    let context: ValidationContext
    let functionIndex: UInt32
    private(set) var locals: [ValueType]
    private(set) var operands: [ValueType?] = []
    private(set) var controls: [ControlFrame] = []
    let resultTypes: [ValueType]
    /// Features the instructions seen so far belong to.
    private(set) var usedFeatures = WasmFeatures()
    /// Offset of the instruction being validated, for errors.
    private var offset = 0
    private var instructionName = ""

    var isFinished: Bool { controls.isEmpty }

    init(
        context: ValidationContext, type: FunctionType, body: FunctionBody, functionIndex: UInt32
    ) throws(ValidationError) {
        self.context = context
        self.functionIndex = functionIndex
        var locals = type.parameters
        for (count, valueType) in zip(body.localCounts, body.localTypes) {
            locals.append(contentsOf: repeatElement(valueType, count: Int(count)))
        }
        self.locals = locals
        resultTypes = type.results
        controls = [
            ControlFrame(opcode: .block, parameters: [], results: type.results, height: 0, isUnreachable: false)
        ]
    }

    private func error(_ message: String) -> ValidationError {
        ValidationError(message, offset: offset, functionIndex: functionIndex, instruction: instructionName)
    }

    // MARK: Operand stack

    mutating func push(_ type: ValueType?) { operands.append(type) }

    mutating func push(_ types: [ValueType]) { for t in types { operands.append(t) } }

    mutating func pop() throws(ValidationError) -> ValueType? {
        guard let frame = controls.last else { throw error("type mismatch") }
        if operands.count == frame.height {
            if frame.isUnreachable { return nil }
            throw error("type mismatch")
        }
        return operands.removeLast()
    }

    /// Pops one operand of the expected type; returns what was popped (nil when unknown).
    @discardableResult
    mutating func pop(_ expected: ValueType?) throws(ValidationError) -> ValueType? {
        let actual = try pop()
        guard let actual else { return nil }
        guard let expected else { return actual }
        guard actual == expected else { throw error("type mismatch") }
        return actual
    }

    mutating func pop(_ types: [ValueType]) throws(ValidationError) {
        for type in types.reversed() { try pop(type) }
    }

    // MARK: Control stack

    mutating func pushControl(_ opcode: Opcode, _ signature: FunctionType) {
        controls.append(
            ControlFrame(
                opcode: opcode, parameters: signature.parameters, results: signature.results,
                height: operands.count, isUnreachable: false))
        push(signature.parameters)
    }

    mutating func popControl() throws(ValidationError) -> ControlFrame {
        guard let frame = controls.last else { throw error("unexpected end") }
        try pop(frame.results)
        guard operands.count == frame.height else { throw error("type mismatch") }
        controls.removeLast()
        return frame
    }

    mutating func markUnreachable() {
        guard !controls.isEmpty else { return }
        operands.removeSubrange(controls[controls.count - 1].height...)
        controls[controls.count - 1].isUnreachable = true
    }

    func label(_ depth: UInt32) throws(ValidationError) -> ControlFrame {
        guard Int(depth) < controls.count else { throw error("unknown label") }
        return controls[controls.count - 1 - Int(depth)]
    }

    // MARK: Index checks

    func local(_ index: UInt32) throws(ValidationError) -> ValueType {
        guard Int(index) < locals.count else { throw error("unknown local \(index)") }
        return locals[Int(index)]
    }

    func global(_ index: UInt32) throws(ValidationError) -> GlobalType {
        guard Int(index) < context.globals.count else { throw error("unknown global \(index)") }
        return context.globals[Int(index)]
    }

    func table(_ index: UInt32) throws(ValidationError) -> TableType {
        guard Int(index) < context.tables.count else { throw error("unknown table \(index)") }
        return context.tables[Int(index)]
    }

    func function(_ index: UInt32) throws(ValidationError) -> FunctionType {
        guard Int(index) < context.functions.count else { throw error("unknown function \(index)") }
        return context.functions[Int(index)]
    }

    func requireMemory(_ index: UInt32 = 0) throws(ValidationError) {
        guard Int(index) < context.memories.count else { throw error("unknown memory \(index)") }
    }

    /// (That the binary has a data count section is a decoding rule.)
    func requireDataSegment(_ index: UInt32) throws(ValidationError) {
        guard Int(index) < context.dataSegmentCount else { throw error("unknown data segment \(index)") }
    }

    func elementType(_ index: UInt32) throws(ValidationError) -> ValueType {
        guard Int(index) < context.elementTypes.count else { throw error("unknown elem segment \(index)") }
        return context.elementTypes[Int(index)]
    }

    func requireAlignment(_ align: UInt32, natural: UInt8) throws(ValidationError) {
        guard align <= UInt32(natural) else { throw error("alignment must not be larger than natural") }
    }

    // MARK: Instructions

    mutating func validate(_ instruction: Instruction) throws {
        offset = instruction.offset
        let info = instruction.opcode.info
        instructionName = info.name
        if let feature = info.feature {
            usedFeatures.insert(feature)
            guard feature.support >= .validation else {
                var unsupported = ValidationError.unsupported(feature, offset: offset)
                unsupported.functionIndex = functionIndex
                unsupported.instruction = info.name
                throw unsupported
            }
        }
        if let signature = info.signature {
            try validateImmediates(instruction, info: info)
            try pop(signature.parameters)
            push(signature.results)
            return
        }
        try validateSpecial(instruction)
    }

    /// Checks the immediates of instructions whose stack effect is fixed (memory and lane ops).
    private mutating func validateImmediates(_ instruction: Instruction, info: OpcodeInfo) throws {
        switch (info.immediates, instruction.immediate) {
        case (.memoryArgument(let natural), .memory(let align, _)):
            try requireMemory()
            try requireAlignment(align, natural: natural)
        case (.memoryLane(let natural), .memoryLane(let align, _, let lane)):
            try requireMemory()
            try requireAlignment(align, natural: natural)
            guard lane < 16 >> natural else { throw error("invalid lane index") }
        case (.lane(let count), .lane(let lane)):
            guard lane < count else { throw error("invalid lane index") }
        case (.shuffleLanes, .shuffle(let lanes)):
            for i in 0..<16 where lanes.byte(i) >= 32 { throw error("invalid lane index") }
        case (.memoryIndex, .index(let memory)):
            try requireMemory(memory)
        case (.memoryInit, .indexPair(let data, let memory)):
            try requireMemory(memory)
            try requireDataSegment(data)
        case (.dataIndex, .index(let data)):
            try requireDataSegment(data)
        case (.memoryCopy, .indexPair(let destination, let source)):
            try requireMemory(destination)
            try requireMemory(source)
        case (.tableInit, .indexPair(let element, let tableIndex)):
            let tableType = try table(tableIndex)
            guard try elementType(element) == tableType.elementType else { throw error("type mismatch") }
        case (.elementIndex, .index(let element)):
            _ = try elementType(element)
        case (.tableCopy, .indexPair(let destination, let source)):
            let destinationType = try table(destination)
            let sourceType = try table(source)
            guard destinationType.elementType == sourceType.elementType else { throw error("type mismatch") }
        case (.tableIndex, .index(let tableIndex)):
            _ = try table(tableIndex)
        default:
            break
        }
    }

    private mutating func validateSpecial(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.unreachable, _):
            markUnreachable()
        case (.nop, _):
            break
        case (.block, .blockType(let blockType)), (.loop, .blockType(let blockType)):
            guard let signature = context.blockSignature(blockType) else { throw error("unknown type") }
            try pop(signature.parameters)
            pushControl(instruction.opcode, signature)
        case (.if, .blockType(let blockType)):
            guard let signature = context.blockSignature(blockType) else { throw error("unknown type") }
            try pop(.i32)
            try pop(signature.parameters)
            pushControl(.if, signature)
        case (.else, _):
            guard controls.last?.opcode == .if else { throw error("else without matching if") }
            let frame = try popControl()
            pushControl(.else, FunctionType(parameters: frame.parameters, results: frame.results))
        case (.end, _):
            let frame = try popControl()
            if frame.opcode == .if, frame.parameters != frame.results { throw error("type mismatch") }
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
                // Check each label against the same operands without consuming them.
                var popped: [ValueType?] = []
                for type in types.reversed() { popped.append(try pop(type)) }
                for type in popped.reversed() { push(type) }
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
            let tableType = try table(tableIndex)
            guard tableType.elementType == .funcref else { throw error("type mismatch") }
            guard Int(typeIndex) < context.types.count else { throw error("unknown type") }
            let type = context.types[Int(typeIndex)]
            try pop(.i32)
            try pop(type.parameters)
            push(type.results)
        case (.drop, _):
            _ = try pop()
        case (.select, _):
            try pop(.i32)
            let first = try pop()
            let second = try pop()
            if let first, first.isReference { throw error("type mismatch") }
            if let second, second.isReference { throw error("type mismatch") }
            if let first, let second, first != second { throw error("type mismatch") }
            push(first ?? second)
        case (.selectTyped, .selectTypes(let types)):
            guard types.count == 1 else { throw error("invalid result arity") }
            try pop(.i32)
            try pop(types[0])
            try pop(types[0])
            push(types[0])
        case (.localGet, .index(let index)):
            push(try local(index))
        case (.localSet, .index(let index)):
            try pop(try local(index))
        case (.localTee, .index(let index)):
            let type = try local(index)
            try pop(type)
            push(type)
        case (.globalGet, .index(let index)):
            push(try global(index).valueType)
        case (.globalSet, .index(let index)):
            let type = try global(index)
            guard type.isMutable else { throw error("global is immutable") }
            try pop(type.valueType)
        case (.tableGet, .index(let index)):
            let type = try table(index)
            try pop(.i32)
            push(type.elementType)
        case (.tableSet, .index(let index)):
            let type = try table(index)
            try pop(type.elementType)
            try pop(.i32)
        case (.tableGrow, .index(let index)):
            let type = try table(index)
            try pop(.i32)
            try pop(type.elementType)
            push(.i32)
        case (.tableFill, .index(let index)):
            let type = try table(index)
            try pop(.i32)
            try pop(type.elementType)
            try pop(.i32)
        case (.refNull, .referenceType(let type)):
            push(type)
        case (.refIsNull, _):
            let type = try pop()
            if let type, !type.isReference { throw error("type mismatch") }
            push(.i32)
        case (.refFunc, .index(let index)):
            _ = try function(index)
            guard context.declaredReferences.contains(index) else { throw error("undeclared function reference") }
            push(.funcref)
        default:
            throw error("unexpected immediate for \(instruction.opcode.info.name)")
        }
    }
}
