// Structs, arrays, `i31` and casts (see Handlers/GarbageCollection.swift). Field offsets and
// element widths are known here, from the module's types, so accesses need no type lookup when
// they run; allocations and bulk operations take their operands in consecutive slots, as calls do.

extension Translator {
    mutating func translateGarbageCollection(_ instruction: Instruction) throws {
        switch (instruction.opcode, instruction.immediate) {
        case (.structNew, .index(let type)):
            emitAllocation(.structNew, type: type, operandCount: structFields(type).count)
        case (.structNewDefault, .index(let type)):
            emitAllocation(.structNewDefault, type: type, operandCount: 0)
        case (.arrayNew, .index(let type)):
            emitAllocation(.arrayNew, type: type, operandCount: 2)
        case (.arrayNewDefault, .index(let type)):
            emitAllocation(.arrayNewDefault, type: type, operandCount: 1)
        case (.arrayNewFixed, .indexPair(let type, let count)):
            emitAllocation(.arrayNewFixed, type: type, operandCount: Int(count), second: count)
        case (.arrayNewData, .indexPair(let type, let segment)):
            emitAllocation(.arrayNewData, type: type, operandCount: 2, second: segment)
        case (.arrayNewElem, .indexPair(let type, let segment)):
            emitAllocation(.arrayNewElem, type: type, operandCount: 2, second: segment)
        case (.arrayFill, .index(let type)):
            emitUpdate(.arrayFill, type: type, operandCount: 4)
        case (.arrayCopy, .indexPair(let destination, _)):
            emitUpdate(.arrayCopy, type: destination, operandCount: 5)
        case (.arrayInitData, .indexPair(let type, let segment)):
            emitUpdate(.arrayInitData, type: type, operandCount: 4, second: segment)
        case (.arrayInitElem, .indexPair(let type, let segment)):
            emitUpdate(.arrayInitElem, type: type, operandCount: 4, second: segment)
        case (.structGet, .indexPair(let type, let field)), (.structGetS, .indexPair(let type, let field)),
            (.structGetU, .indexPair(let type, let field)):
            let fields = structFields(type)
            let offset = fieldOffset(type, field)
            let storage = fields[Int(field)].storage
            let reference = pop()
            if storage.isPacked {
                let packing = Packing(storage, signed: instruction.opcode == .structGetS)
                emitProducer(.structGetPacked, reference, packing.rawValue << 30 | offset)
            } else if storage == .value(.v128) {
                emitProducer(.structGet128, reference, offset, width: 2)
            } else {
                emitProducer(.structGet, reference, offset)
            }
        case (.structSet, .indexPair(let type, let field)):
            let fields = structFields(type)
            let offset = fieldOffset(type, field)
            let value = pop()
            let reference = pop()
            emit(fields[Int(field)].storage == .value(.v128) ? .structSet128 : .structSet, reference, value, offset)
        case (.arrayGet, .index(let type)), (.arrayGetS, .index(let type)), (.arrayGetU, .index(let type)):
            let kind = ElementKind(arrayElement(type).storage)
            let access = ElementAccess(kind, signed: instruction.opcode == .arrayGetS)
            let index = pop()
            let reference = pop()
            emitProducer(.arrayGet, reference, index, UInt32(access.rawValue), width: kind.slotWidth)
        case (.arraySet, .index(let type)):
            let kind = ElementKind(arrayElement(type).storage)
            let value = pop()
            let index = pop()
            let reference = pop()
            emit(.arraySet, reference, index, value, UInt32(ElementAccess(kind, signed: false).rawValue))
        case (.arrayLen, _):
            emitProducer(.arrayLen, pop())
        case (.refEq, _):
            let second = pop()
            emitProducer(.i64Eq, pop(), second)
        case (.refI31, _):
            emitProducer(.refI31, pop())
        case (.i31GetS, _), (.i31GetU, _):
            emitProducer(.i31Get, pop(), 0, instruction.opcode == .i31GetS ? 1 : 0)
        case (.anyConvertExtern, _), (.externConvertAny, _):
            // Both hierarchies encode references alike: the bits stay as they are.
            break
        case (.refTest, .heapType(let target)), (.refTestNull, .heapType(let target)):
            let cast = castTarget(target, nullable: instruction.opcode == .refTestNull)
            emitProducer(.refTest, pop(), cast.bits)
        case (.refCast, .heapType(let target)), (.refCastNull, .heapType(let target)):
            let cast = castTarget(target, nullable: instruction.opcode == .refCastNull)
            emit(.refCast, stack[stack.count - 1], 0, cast.bits)
        case (.brOnCast, .castBranch(let flags, let depth, _, let target)),
            (.brOnCastFail, .castBranch(let flags, let depth, _, let target)):
            let cast = castTarget(target, nullable: flags & 2 != 0)
            emitProducer(.refTest, stack[stack.count - 1], cast.bits)
            let passed = pop()
            emitBranch(passed, takenWhenZero: instruction.opcode == .brOnCastFail, depth: depth)
        default:
            throw unsupported(instruction)
        }
    }

    /// `gc.allocate` of `operation`, its operands the top `operandCount` of the stack (replaced
    /// by the new reference).
    private mutating func emitAllocation(
        _ operation: GCOperation, type: UInt32, operandCount: Int, second: UInt32 = 0
    ) {
        let base = prepareArguments(operandCount)
        truncateStack(to: stack.count - operandCount)
        emitProducer(.gcAllocate, base, 0, UInt32(operation.rawValue))
        emit(.data, second, 0, UInt32(context.typeIDs[Int(type)]))
    }

    /// `gc.update` of `operation`, its operands the top `operandCount` of the stack.
    private mutating func emitUpdate(_ operation: GCOperation, type: UInt32, operandCount: Int, second: UInt32 = 0) {
        let base = prepareArguments(operandCount)
        truncateStack(to: stack.count - operandCount)
        emit(.gcUpdate, base, 0, 0, UInt32(operation.rawValue))
        emit(.data, second, 0, UInt32(context.typeIDs[Int(type)]))
    }

    private func fieldOffset(_ type: UInt32, _ field: UInt32) -> UInt32 {
        if let offsets = context.fieldOffsets.offsets[type] { return UInt32(offsets[Int(field)]) }
        let offsets = ObjectLayout.fieldOffsets(structFields(type))
        context.fieldOffsets.offsets[type] = offsets
        return UInt32(offsets[Int(field)])
    }

    private func castTarget(_ heapType: HeapType, nullable: Bool) -> CastTarget {
        let canonical = heapType.mappingIndices { UInt32(context.typeIDs[Int($0)]) }
        return CastTarget(canonical, nullable: nullable)
    }

    private func structFields(_ type: UInt32) -> [FieldType] {
        guard case .structure(let fields) = context.module.types[Int(type)].composite else { return [] }
        return fields
    }

    private func arrayElement(_ type: UInt32) -> FieldType {
        guard case .array(let element) = context.module.types[Int(type)].composite else {
            return FieldType(.value(.i32))
        }
        return element
    }
}

/// Struct field offsets by the module's type index (see `Translator.Context.fieldOffsets`).
final class FieldOffsetCache {
    var offsets: [UInt32: [Int]] = [:]
}
