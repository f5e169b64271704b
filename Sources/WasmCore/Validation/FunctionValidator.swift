/// The spec's validation algorithm for one function body or constant expression: an operand stack
/// of types and a stack of control frames, fed one instruction at a time so that the translator
/// can run in the same pass. The instruction rules are in the extensions, by family.
struct FunctionValidator {
    /// What validation knows about an operand.
    enum OperandType: Equatable {
        /// The spec's ⊥: an operand popped in unreachable code, which matches any type.
        case unknown
        /// A non-null reference to ⊥ (`ref.as_non_null` of an unknown operand): any reference.
        case unknownReference
        case known(ValueType)

        var valueType: ValueType? {
            if case .known(let type) = self { return type }
            return nil
        }
    }

    struct ControlFrame {
        /// The instruction that opened the frame: `block`, `loop`, `if`, `else`, `try_table`, or
        /// legacy `try`, `catch` and `catch_all`.
        var opcode: Opcode
        var parameters: [ValueType]
        var results: [ValueType]
        var height: Int
        var isUnreachable: Bool
        /// How many locals had been initialized when the frame opened; the frame's end forgets
        /// the initializations made inside it.
        var initializedLocalsMark: Int

        /// What a branch to this frame carries.
        var labelTypes: [ValueType] { opcode == .loop ? parameters : results }
    }

    let context: ValidationContext
    let functionIndex: UInt32?
    private(set) var locals: [ValueType]
    /// Whether each local holds a value: parameters and defaultable locals always do; a
    /// non-nullable reference local only once it is set.
    private var localIsSet: [Bool]
    private var initializedLocals: [UInt32] = []
    private(set) var operands: [OperandType] = []
    private(set) var controls: [ControlFrame] = []
    let resultTypes: [ValueType]
    /// Set for a constant expression: how many globals it may read (the spec's context for
    /// initializers only holds the globals before them).
    private let constantGlobalLimit: Int?
    /// Features the instructions seen so far belong to.
    private(set) var usedFeatures = WasmFeatures()
    /// Offset of the instruction being validated, for errors.
    private var offset = 0
    private var instructionName = ""

    var isFinished: Bool { controls.isEmpty }
    var isConstantExpression: Bool { constantGlobalLimit != nil }
    var features: WasmFeatures { context.module.features }

    init(
        context: ValidationContext, type: FunctionType, body: FunctionBody, functionIndex: UInt32
    ) throws(ValidationError) {
        self.context = context
        self.functionIndex = functionIndex
        var locals = type.parameters
        var localIsSet = Array(repeating: true, count: locals.count)
        for (count, valueType) in zip(body.localCounts, body.localTypes) {
            guard context.isWellFormed(valueType) else {
                throw ValidationError("unknown type", offset: body.codeOffset, functionIndex: functionIndex)
            }
            locals.append(contentsOf: repeatElement(valueType, count: Int(count)))
            localIsSet.append(contentsOf: repeatElement(valueType.isDefaultable, count: Int(count)))
        }
        self.locals = locals
        self.localIsSet = localIsSet
        resultTypes = type.results
        constantGlobalLimit = nil
        controls = [
            ControlFrame(
                opcode: .block, parameters: [], results: type.results, height: 0, isUnreachable: false,
                initializedLocalsMark: 0)
        ]
    }

    /// A validator for a constant expression producing `type`, which may read the first
    /// `visibleGlobals` globals.
    init(context: ValidationContext, constantOf type: ValueType, visibleGlobals: Int) {
        self.context = context
        functionIndex = nil
        locals = []
        localIsSet = []
        resultTypes = [type]
        constantGlobalLimit = visibleGlobals
        controls = [
            ControlFrame(
                opcode: .block, parameters: [], results: [type], height: 0, isUnreachable: false,
                initializedLocalsMark: 0)
        ]
    }

    func error(_ message: String) -> ValidationError {
        ValidationError(message, offset: offset, functionIndex: functionIndex, instruction: instructionName)
    }

    // MARK: Operand stack

    mutating func push(_ type: ValueType) { operands.append(.known(type)) }

    mutating func push(_ types: [ValueType]) { for type in types { operands.append(.known(type)) } }

    mutating func push(_ operand: OperandType) { operands.append(operand) }

    mutating func pop() throws(ValidationError) -> OperandType {
        guard let frame = controls.last else { throw error("type mismatch") }
        if operands.count == frame.height {
            if frame.isUnreachable { return .unknown }
            throw error("type mismatch")
        }
        return operands.removeLast()
    }

    /// Pops one operand that must match `expected`; returns what was popped.
    @discardableResult
    mutating func pop(_ expected: ValueType) throws(ValidationError) -> OperandType {
        guard let frame = controls.last else { throw error("type mismatch") }
        guard operands.count > frame.height else {
            if frame.isUnreachable { return .unknown }
            throw error(mismatch(requires: [expected], has: []))
        }
        let operand = operands[operands.count - 1]
        guard matches(operand, expected) else { throw error(mismatch(requires: [expected], has: [operand])) }
        operands.removeLast()
        return operand
    }

    /// Pops operands that must match `types` (the last one on top). On a mismatch the error says
    /// what was required and what the stack had, in the reference interpreter's words.
    mutating func pop(_ types: [ValueType]) throws(ValidationError) {
        guard let frame = controls.last else { throw error("type mismatch") }
        let available = operands.count - frame.height
        for (depth, type) in types.reversed().enumerated() {
            let operand = depth < available ? operands[operands.count - 1 - depth] : nil
            if let operand, matches(operand, type) { continue }
            if operand == nil, frame.isUnreachable { continue }
            throw error(mismatch(requires: types, has: Array(operands.suffix(min(types.count, available)))))
        }
        operands.removeLast(min(types.count, available))
    }

    func mismatch(requires types: [ValueType], has operands: [OperandType], what: String = "instruction") -> String {
        func text(_ operand: OperandType) -> String {
            switch operand {
            case .unknown: "_"
            case .unknownReference: "(ref _)"
            case .known(let type): type.description
            }
        }
        let required = types.map(\.description).joined(separator: " ")
        let had = operands.map(text).joined(separator: " ")
        return "type mismatch: \(what) requires [\(required)] but stack has [\(had)]"
    }

    /// Pops `count` operands of one type. The count comes from the module (`array.new_fixed`), so
    /// it is compared with the stack first rather than looped over.
    mutating func pop(_ type: ValueType, count: UInt32) throws(ValidationError) {
        guard let frame = controls.last else { throw error("type mismatch") }
        let available = operands.count - frame.height
        guard Int(count) <= available || frame.isUnreachable else { throw error("type mismatch") }
        for _ in 0..<min(Int(count), available) { try pop(type) }
    }

    /// Pops a reference of any type; returns it, nil when unknown.
    mutating func popReference() throws(ValidationError) -> ReferenceType? {
        switch try pop() {
        case .unknown, .unknownReference: return nil
        case .known(.ref(let type)): return type
        case .known: throw error("type mismatch")
        }
    }

    func matches(_ operand: OperandType, _ expected: ValueType) -> Bool {
        switch operand {
        case .unknown: true
        case .unknownReference: expected.isReference
        case .known(let type): context.types.isSubtype(type, of: expected)
        }
    }

    func isSubtype(_ sub: ValueType, of supertype: ValueType) -> Bool {
        context.types.isSubtype(sub, of: supertype)
    }

    func isSubtype(_ sub: [ValueType], of supertype: [ValueType]) -> Bool {
        context.types.isSubtype(sub, of: supertype)
    }

    // MARK: Control stack

    mutating func pushControl(_ opcode: Opcode, _ signature: FunctionType) {
        controls.append(
            ControlFrame(
                opcode: opcode, parameters: signature.parameters, results: signature.results,
                height: operands.count, isUnreachable: false, initializedLocalsMark: initializedLocals.count))
        push(signature.parameters)
    }

    mutating func popControl() throws(ValidationError) -> ControlFrame {
        guard let frame = controls.last else { throw error("unexpected end") }
        let stack = Array(operands[frame.height...])
        try pop(frame.results)
        guard operands.count == frame.height else {
            throw error(mismatch(requires: frame.results, has: stack, what: "block"))
        }
        controls.removeLast()
        for index in initializedLocals[frame.initializedLocalsMark...] { localIsSet[Int(index)] = false }
        initializedLocals.removeSubrange(frame.initializedLocalsMark...)
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

    /// Checks that the operands on top of the stack fit `types` without consuming them (for
    /// branches that fall through or share operands).
    mutating func peek(_ types: [ValueType]) throws(ValidationError) {
        var popped: [OperandType] = []
        for type in types.reversed() { popped.append(try pop(type)) }
        for operand in popped.reversed() { push(operand) }
    }

    // MARK: Index spaces

    func local(_ index: UInt32) throws(ValidationError) -> ValueType {
        guard Int(index) < locals.count else { throw error("unknown local \(index)") }
        return locals[Int(index)]
    }

    func isLocalSet(_ index: UInt32) -> Bool { localIsSet[Int(index)] }

    mutating func markLocalSet(_ index: UInt32) {
        guard !localIsSet[Int(index)] else { return }
        localIsSet[Int(index)] = true
        initializedLocals.append(index)
    }

    func global(_ index: UInt32) throws(ValidationError) -> GlobalType {
        let visible = constantGlobalLimit ?? context.globals.count
        guard Int(index) < min(visible, context.globals.count) else { throw error("unknown global \(index)") }
        return context.globals[Int(index)]
    }

    func table(_ index: UInt32) throws(ValidationError) -> TableType {
        guard Int(index) < context.tables.count else { throw error("unknown table \(index)") }
        return context.tables[Int(index)]
    }

    func memory(_ index: UInt32) throws(ValidationError) -> MemoryType {
        guard Int(index) < context.memories.count else { throw error("unknown memory \(index)") }
        return context.memories[Int(index)]
    }

    func function(_ index: UInt32) throws(ValidationError) -> FunctionType {
        guard let type = context.functionType(ofFunction: index) else { throw error("unknown function \(index)") }
        return type
    }

    /// (That the binary has a data count section is a decoding rule.)
    func requireDataSegment(_ index: UInt32) throws(ValidationError) {
        guard Int(index) < context.dataSegmentCount else { throw error("unknown data segment \(index)") }
    }

    func elementType(_ index: UInt32) throws(ValidationError) -> ReferenceType {
        guard Int(index) < context.elementTypes.count else { throw error("unknown elem segment \(index)") }
        return context.elementTypes[Int(index)]
    }

    func tagType(_ index: UInt32) throws(ValidationError) -> FunctionType {
        guard Int(index) < context.tags.count else { throw error("unknown tag \(index)") }
        guard let type = context.module.functionType(at: context.tags[Int(index)]) else {
            throw error("unknown type")
        }
        return type
    }

    func definedType(_ index: UInt32) throws(ValidationError) -> SubType {
        guard Int(index) < context.module.types.count else { throw error("unknown type \(index)") }
        return context.module.types[Int(index)]
    }

    func functionType(_ index: UInt32) throws(ValidationError) -> FunctionType {
        guard let type = try definedType(index).functionType else { throw error("non-function type \(index)") }
        return type
    }

    func requireWellFormed(_ type: HeapType) throws(ValidationError) {
        guard context.isWellFormed(type) else { throw error("unknown type") }
    }

    func requireWellFormed(_ type: ValueType) throws(ValidationError) {
        guard context.isWellFormed(type) else { throw error("unknown type") }
    }

    // MARK: Instructions

    mutating func validate(_ instruction: Instruction) throws(ValidationError) {
        offset = instruction.offset
        let info = instruction.opcode.info
        instructionName = info.name
        // `return_call_ref` belongs to typed references, but runs with the tail calls.
        if instruction.opcode == .returnCallRef { usedFeatures.insert(.tailCall) }
        if let feature = info.feature {
            usedFeatures.insert(feature)
            guard feature.support >= .validation else {
                var unsupported = ValidationError.unsupported(feature, offset: offset)
                unsupported.functionIndex = functionIndex
                unsupported.instruction = info.name
                throw unsupported
            }
        }
        if constantGlobalLimit != nil, !isConstant(instruction) {
            throw error("constant expression required")
        }
        switch info.category {
        case .control: try validateControl(instruction)
        case .memory, .table: try validateMemoryOrTable(instruction, info: info)
        case .vector where isMemoryAccess(info.immediates): try validateMemoryOrTable(instruction, info: info)
        case .reference: try validateReference(instruction)
        case .parametric, .variable: try validateVariable(instruction)
        case .numeric, .vector:
            guard let signature = info.signature else { throw error("no rule for \(info.name)") }
            try validateLanes(instruction, info: info)
            try pop(signature.parameters)
            push(signature.results)
        }
    }

    private func isMemoryAccess(_ kind: ImmediateKind) -> Bool {
        switch kind {
        case .memoryArgument, .memoryLane: true
        default: false
        }
    }

    /// The instructions a constant expression may contain (3.0: with extended constants, the
    /// integer arithmetic, and with GC, allocation and conversions).
    private func isConstant(_ instruction: Instruction) -> Bool {
        switch instruction.opcode {
        case .i32Const, .i64Const, .f32Const, .f64Const, .v128Const, .refNull, .refFunc, .globalGet, .end:
            return true
        case .i32Add, .i32Sub, .i32Mul, .i64Add, .i64Sub, .i64Mul:
            return features.contains(.extendedConst)
        case .refI31, .structNew, .structNewDefault, .arrayNew, .arrayNewDefault, .arrayNewFixed,
            .anyConvertExtern, .externConvertAny:
            return features.contains(.gc)
        default:
            return false
        }
    }

    private func validateLanes(_ instruction: Instruction, info: OpcodeInfo) throws(ValidationError) {
        switch (info.immediates, instruction.immediate) {
        case (.lane(let count), .lane(let lane)):
            guard lane < count else { throw error("invalid lane index") }
        case (.shuffleLanes, .shuffle(let lanes)):
            for i in 0..<16 where lanes.byte(i) >= 32 { throw error("invalid lane index") }
        default:
            break
        }
    }
}
