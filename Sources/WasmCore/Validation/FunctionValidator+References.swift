extension FunctionValidator {
    /// References: null, functions, casts, `i31`, structs and arrays.
    mutating func validateReference(_ instruction: Instruction) throws(ValidationError) {
        switch (instruction.opcode, instruction.immediate) {
        case (.refNull, .heapType(let heapType)):
            try requireWellFormed(heapType)
            push(.ref(ReferenceType(heapType)))
        case (.refIsNull, _):
            _ = try popReference()
            push(.i32)
        case (.refAsNonNull, _):
            if let reference = try popReference() {
                push(.ref(ReferenceType(reference.heapType, nullable: false)))
            } else {
                push(.unknownReference)
            }
        case (.refFunc, .index(let index)):
            _ = try function(index)
            if !isConstantExpression, !context.declaredReferences.contains(index) {
                throw error("undeclared function reference")
            }
            // 2.0 has no typed references: there `ref.func` is a plain funcref.
            guard features.contains(.functionReferences) else { return push(.funcref) }
            push(.ref(ReferenceType(.concrete(context.functionTypeIndices[Int(index)]), nullable: false)))
        case (.refEq, _):
            try pop(.eqref)
            try pop(.eqref)
            push(.i32)
        case (.refTest, .heapType(let target)), (.refTestNull, .heapType(let target)):
            try requireWellFormed(target)
            try pop(.ref(ReferenceType(context.types.top(of: target))))
            push(.i32)
        case (.refCast, .heapType(let target)), (.refCastNull, .heapType(let target)):
            try requireWellFormed(target)
            try pop(.ref(ReferenceType(context.types.top(of: target))))
            push(.ref(ReferenceType(target, nullable: instruction.opcode == .refCastNull)))
        case (.refI31, _):
            try pop(.i32)
            push(.ref(ReferenceType(.i31, nullable: false)))
        case (.i31GetS, _), (.i31GetU, _):
            try pop(.i31ref)
            push(.i32)
        case (.anyConvertExtern, _), (.externConvertAny, _):
            let toAny = instruction.opcode == .anyConvertExtern
            let operand = try pop(toAny ? .externref : .anyref)
            let nullable = operand.valueType?.referenceType?.isNullable ?? false
            push(.ref(ReferenceType(toAny ? .any : .extern, nullable: nullable)))
        default:
            try validateAggregate(instruction)
        }
    }

    /// Structs and arrays.
    private mutating func validateAggregate(_ instruction: Instruction) throws(ValidationError) {
        switch (instruction.opcode, instruction.immediate) {
        case (.structNew, .index(let typeIndex)):
            let fields = try structFields(typeIndex)
            try pop(fields.map(\.storage.unpacked))
            push(Self.reference(to: typeIndex))
        case (.structNewDefault, .index(let typeIndex)):
            let fields = try structFields(typeIndex)
            guard fields.allSatisfy(\.storage.unpacked.isDefaultable) else {
                throw error("field type is not defaultable")
            }
            push(Self.reference(to: typeIndex))
        case (.structGet, .indexPair(let typeIndex, let fieldIndex)),
            (.structGetS, .indexPair(let typeIndex, let fieldIndex)),
            (.structGetU, .indexPair(let typeIndex, let fieldIndex)):
            let field = try structField(typeIndex, fieldIndex)
            guard field.storage.isPacked == (instruction.opcode != .structGet) else {
                throw error(field.storage.isPacked ? "field is packed" : "field is unpacked")
            }
            try pop(Self.nullableReference(to: typeIndex))
            push(field.storage.unpacked)
        case (.structSet, .indexPair(let typeIndex, let fieldIndex)):
            let field = try structField(typeIndex, fieldIndex)
            guard field.isMutable else { throw error("immutable field") }
            try pop(field.storage.unpacked)
            try pop(Self.nullableReference(to: typeIndex))
        case (.arrayNew, .index(let typeIndex)):
            let element = try arrayElement(typeIndex)
            try pop(.i32)
            try pop(element.storage.unpacked)
            push(Self.reference(to: typeIndex))
        case (.arrayNewDefault, .index(let typeIndex)):
            let element = try arrayElement(typeIndex)
            guard element.storage.unpacked.isDefaultable else { throw error("array type is not defaultable") }
            try pop(.i32)
            push(Self.reference(to: typeIndex))
        case (.arrayNewFixed, .indexPair(let typeIndex, let count)):
            let element = try arrayElement(typeIndex)
            try pop(element.storage.unpacked, count: count)
            push(Self.reference(to: typeIndex))
        case (.arrayNewData, .indexPair(let typeIndex, let data)):
            let element = try arrayElement(typeIndex)
            try requireDataSegment(data)
            try requireNumericOrVector(element)
            try pop([.i32, .i32])
            push(Self.reference(to: typeIndex))
        case (.arrayNewElem, .indexPair(let typeIndex, let segment)):
            let element = try arrayElement(typeIndex)
            guard isSubtype(.ref(try elementType(segment)), of: element.storage.unpacked) else {
                throw error("type mismatch")
            }
            try pop([.i32, .i32])
            push(Self.reference(to: typeIndex))
        case (.arrayGet, .index(let typeIndex)), (.arrayGetS, .index(let typeIndex)),
            (.arrayGetU, .index(let typeIndex)):
            let element = try arrayElement(typeIndex)
            guard element.storage.isPacked == (instruction.opcode != .arrayGet) else {
                throw error(element.storage.isPacked ? "array is packed" : "array is unpacked")
            }
            try pop([Self.nullableReference(to: typeIndex), .i32])
            push(element.storage.unpacked)
        case (.arraySet, .index(let typeIndex)):
            let element = try mutableArrayElement(typeIndex)
            try pop([Self.nullableReference(to: typeIndex), .i32, element.storage.unpacked])
        case (.arrayLen, _):
            try pop(.arrayref)
            push(.i32)
        case (.arrayFill, .index(let typeIndex)):
            let element = try mutableArrayElement(typeIndex)
            try pop([Self.nullableReference(to: typeIndex), .i32, element.storage.unpacked, .i32])
        case (.arrayCopy, .indexPair(let destination, let source)):
            let destinationElement = try mutableArrayElement(destination)
            let sourceElement = try arrayElement(source)
            guard
                context.types.registry.matches(
                    canonical(sourceElement.storage), canonical(destinationElement.storage))
            else { throw error("array types do not match") }
            try pop([
                Self.nullableReference(to: destination), .i32, Self.nullableReference(to: source), .i32, .i32,
            ])
        case (.arrayInitData, .indexPair(let typeIndex, let data)):
            let element = try mutableArrayElement(typeIndex)
            try requireDataSegment(data)
            try requireNumericOrVector(element)
            try pop([Self.nullableReference(to: typeIndex), .i32, .i32, .i32])
        case (.arrayInitElem, .indexPair(let typeIndex, let segment)):
            let element = try mutableArrayElement(typeIndex)
            guard isSubtype(.ref(try elementType(segment)), of: element.storage.unpacked) else {
                throw error("type mismatch")
            }
            try pop([Self.nullableReference(to: typeIndex), .i32, .i32, .i32])
        default:
            throw error("unexpected immediate for \(instruction.opcode.info.name)")
        }
    }

    private static func reference(to typeIndex: UInt32) -> ValueType {
        .ref(ReferenceType(.concrete(typeIndex), nullable: false))
    }

    private static func nullableReference(to typeIndex: UInt32) -> ValueType {
        .ref(ReferenceType(.concrete(typeIndex)))
    }

    private func canonical(_ storage: StorageType) -> StorageType {
        guard case .value(let type) = storage else { return storage }
        return .value(context.types.canonical(type))
    }

    private func structFields(_ typeIndex: UInt32) throws(ValidationError) -> [FieldType] {
        guard case .structure(let fields) = try definedType(typeIndex).composite else {
            throw error("non-structure type \(typeIndex)")
        }
        return fields
    }

    private func structField(_ typeIndex: UInt32, _ fieldIndex: UInt32) throws(ValidationError) -> FieldType {
        let fields = try structFields(typeIndex)
        guard Int(fieldIndex) < fields.count else { throw error("unknown field \(fieldIndex)") }
        return fields[Int(fieldIndex)]
    }

    private func arrayElement(_ typeIndex: UInt32) throws(ValidationError) -> FieldType {
        guard case .array(let element) = try definedType(typeIndex).composite else {
            throw error("non-array type \(typeIndex)")
        }
        return element
    }

    private func mutableArrayElement(_ typeIndex: UInt32) throws(ValidationError) -> FieldType {
        let element = try arrayElement(typeIndex)
        guard element.isMutable else { throw error("immutable array") }
        return element
    }

    private func requireNumericOrVector(_ element: FieldType) throws(ValidationError) {
        guard !element.storage.unpacked.isReference else { throw error("array type is not numeric or vector") }
    }
}
