extension FunctionValidator {
    /// Loads, stores and the memory and table instructions. Addresses, sizes and counts are i64
    /// where the memory or table is 64-bit, so the opcode table's `i32` there is replaced by the
    /// address type.
    mutating func validateMemoryOrTable(_ instruction: Instruction, info: OpcodeInfo) throws(ValidationError) {
        switch (instruction.opcode, instruction.immediate) {
        case (_, .memory(let argument)):
            guard case .memoryArgument(let natural) = info.immediates, let signature = info.signature else {
                throw error("unexpected immediate for \(info.name)")
            }
            let memory = try memoryAccess(argument, natural: natural)
            try pop(Array(signature.parameters.dropFirst()))
            try pop(memory.addressType)
            push(signature.results)
        case (_, .memoryLane(let argument, let lane)):
            guard case .memoryLane(let natural) = info.immediates, let signature = info.signature else {
                throw error("unexpected immediate for \(info.name)")
            }
            let memory = try memoryAccess(argument, natural: natural)
            guard lane < 16 >> natural else { throw error("invalid lane index") }
            try pop(Array(signature.parameters.dropFirst()))
            try pop(memory.addressType)
            push(signature.results)
        case (.memorySize, .index(let index)):
            push(try memory(index).addressType)
        case (.memoryGrow, .index(let index)):
            let address = try memory(index).addressType
            try pop(address)
            push(address)
        case (.memoryFill, .index(let index)):
            let address = try memory(index).addressType
            try pop([address, .i32, address])
        case (.memoryCopy, .indexPair(let destination, let source)):
            let destinationAddress = try memory(destination).addressType
            let sourceAddress = try memory(source).addressType
            try pop([destinationAddress, sourceAddress, Self.smaller(destinationAddress, sourceAddress)])
        case (.memoryInit, .indexPair(let data, let index)):
            let address = try memory(index).addressType
            try requireDataSegment(data)
            try pop([address, .i32, .i32])
        case (.dataDrop, .index(let data)):
            try requireDataSegment(data)
        case (.tableGet, .index(let index)):
            let type = try table(index)
            try pop(type.addressType)
            push(.ref(type.elementType))
        case (.tableSet, .index(let index)):
            let type = try table(index)
            try pop(.ref(type.elementType))
            try pop(type.addressType)
        case (.tableSize, .index(let index)):
            push(try table(index).addressType)
        case (.tableGrow, .index(let index)):
            let type = try table(index)
            try pop(type.addressType)
            try pop(.ref(type.elementType))
            push(type.addressType)
        case (.tableFill, .index(let index)):
            let type = try table(index)
            try pop([type.addressType, .ref(type.elementType), type.addressType])
        case (.tableCopy, .indexPair(let destination, let source)):
            let destinationType = try table(destination)
            let sourceType = try table(source)
            guard context.types.isSubtype(sourceType.elementType, of: destinationType.elementType) else {
                throw error("type mismatch")
            }
            let destinationAddress = destinationType.addressType
            let sourceAddress = sourceType.addressType
            try pop([destinationAddress, sourceAddress, Self.smaller(destinationAddress, sourceAddress)])
        case (.tableInit, .indexPair(let element, let index)):
            let type = try table(index)
            guard context.types.isSubtype(try elementType(element), of: type.elementType) else {
                throw error("type mismatch")
            }
            try pop([type.addressType, .i32, .i32])
        case (.elemDrop, .index(let element)):
            _ = try elementType(element)
        default:
            throw error("unexpected immediate for \(info.name)")
        }
    }

    /// Checks a `memarg` against its memory and returns the memory's type.
    private func memoryAccess(_ argument: MemoryArgument, natural: UInt8) throws(ValidationError) -> MemoryType {
        let memory = try memory(argument.memory)
        guard argument.align <= UInt32(natural) else { throw error("alignment must not be larger than natural") }
        if !memory.is64, argument.offset > UInt64(UInt32.max) { throw error("offset out of range") }
        return memory
    }

    /// The type of a count between a 32-bit and a 64-bit memory or table: i32 fits both.
    private static func smaller(_ a: ValueType, _ b: ValueType) -> ValueType { a == .i64 && b == .i64 ? .i64 : .i32 }
}
