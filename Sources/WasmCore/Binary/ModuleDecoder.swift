/// Decodes the WebAssembly binary format into a ``Module``.
///
/// The decoder checks the binary format completely, function bodies included: their instructions
/// are decoded once here for their syntax (nesting, immediates) and kept as bytes; the validator
/// and the translator decode them again as they check and translate them. Errors use the spec
/// suite's words and follow its reference decoder, which reads on past a section's or a body's
/// declared end and only then compares ("section size mismatch").
public struct ModuleDecoder {
    public struct Limits: Sendable {
        /// Largest binary accepted, in bytes.
        public var maxModuleSize: Int = 1 << 30
        /// Largest number of functions, imports, exports, globals, segments or types.
        public var maxItemsPerSection: Int = 1_000_000
        /// Largest number of locals in one function (parameters included).
        public var maxLocalsPerFunction: UInt64 = 50_000
        public init() {}
    }

    public var limits: Limits
    /// The features a module may use; others are rejected as WebAssembly 2.0 rejects them.
    public var features: WasmFeatures

    public init(limits: Limits = Limits(), features: WasmFeatures = .default) {
        self.limits = limits
        self.features = features
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> Module {
        guard bytes.count <= limits.maxModuleSize else {
            throw DecodingError("module is larger than the limit of \(limits.maxModuleSize) bytes", offset: 0)
        }
        var reader = ByteReader(bytes: bytes)
        var module = Module()
        module.features = features
        try decodeHeader(&reader)

        var lastOrder = 0
        var functionCount: Int?
        while !reader.isAtEnd {
            let sectionStart = reader.offset
            let id = try reader.readByte()
            if id != 0 {
                guard let order = sectionOrder(id) else {
                    throw DecodingError("malformed section id", offset: sectionStart)
                }
                guard order > lastOrder else {
                    throw DecodingError("unexpected content after last section", offset: sectionStart)
                }
                lastOrder = order
            }
            let size = try reader.readLength()
            let contentStart = reader.offset
            if id != 0 { module.sectionOffsets[id] = contentStart }
            switch id {
            case 0: try decodeCustomSection(&reader, size: size, into: &module)
            case 1: try decodeTypeSection(&reader, into: &module)
            case 2: module.imports = try decodeVector(&reader) { r throws(DecodingError) in try decodeImport(&r) }
            case 3:
                module.functionTypeIndices = try decodeVector(&reader) { r throws(DecodingError) in try r.readU32() }
                functionCount = module.functionTypeIndices.count
            case 4: module.tables = try decodeVector(&reader) { r throws(DecodingError) in try decodeTable(&r) }
            case 5: module.memories = try decodeVector(&reader) { r throws(DecodingError) in try decodeMemoryType(&r) }
            case 6: module.globals = try decodeVector(&reader) { r throws(DecodingError) in try decodeGlobal(&r) }
            case 7: module.exports = try decodeVector(&reader) { r throws(DecodingError) in try decodeExport(&r) }
            case 8: module.start = try reader.readU32()
            case 9: module.elements = try decodeVector(&reader) { r throws(DecodingError) in try decodeElement(&r) }
            case 10: module.codes = try decodeVector(&reader) { r throws(DecodingError) in try decodeCode(&r) }
            case 11: module.data = try decodeVector(&reader) { r throws(DecodingError) in try decodeData(&r) }
            case 12: module.dataCount = try reader.readU32()
            case 13: module.tags = try decodeVector(&reader) { r throws(DecodingError) in try decodeTagType(&r) }
            default: throw DecodingError("malformed section id", offset: sectionStart)
            }
            guard reader.offset == contentStart + size else {
                throw DecodingError("section size mismatch", offset: contentStart)
            }
        }
        guard module.codes.count == (functionCount ?? 0) else {
            throw DecodingError("function and code section have inconsistent lengths", offset: reader.offset)
        }
        if let dataCount = module.dataCount, dataCount != module.data.count {
            throw DecodingError("data count and data section have inconsistent lengths", offset: reader.offset)
        }
        if module.dataCount == nil, let use = module.codes.first(where: \.usesDataSegments) {
            throw DecodingError("data count section required", offset: use.codeOffset)
        }
        return module
    }

    private func decodeHeader(_ reader: inout ByteReader) throws(DecodingError) {
        let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6D]
        guard try reader.readBytes(4) == magic else {
            throw DecodingError("magic header not detected", offset: 0)
        }
        guard try reader.readFixedU32() == 1 else { throw DecodingError("unknown binary version", offset: 4) }
    }

    /// The position of a known section id in the required order (the data count section sits
    /// between the element and code sections; the tag section, with exceptions, between the memory
    /// and global sections).
    private func sectionOrder(_ id: UInt8) -> Int? {
        switch id {
        case 1...5: Int(id) * 2
        case 13 where features.contains(.exceptionHandling): 11
        case 6...9: Int(id) * 2
        case 12: 19
        case 10: 20
        case 11: 22
        default: nil
        }
    }

    private func decodeVector<T>(
        _ reader: inout ByteReader, _ element: (inout ByteReader) throws(DecodingError) -> T
    ) throws(DecodingError) -> [T] {
        let start = reader.offset
        let count = try reader.readCount()
        guard count <= limits.maxItemsPerSection else {
            throw DecodingError(
                "section has \(count) items, more than the limit of \(limits.maxItemsPerSection)", offset: start)
        }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&reader)) }
        return items
    }

    private func decodeCustomSection(
        _ reader: inout ByteReader, size: Int, into module: inout Module
    ) throws(DecodingError) {
        let start = reader.offset
        let name = try reader.readName()
        let bytes = try reader.readBytes(size - (reader.offset - start))
        if name == "name" {
            // A malformed name section is not a malformed module: keep whatever parsed.
            module.names = NameSectionParser.parse(bytes)
        }
        module.customSections.append(CustomSection(name: name, bytes: bytes))
    }

    /// The type section: recursion groups of subtypes (WebAssembly 3.0), or plain function types.
    private func decodeTypeSection(_ reader: inout ByteReader, into module: inout Module) throws(DecodingError) {
        let groups = try decodeVector(&reader) { r throws(DecodingError) in try decodeRecursionGroup(&r) }
        for group in groups {
            let start = module.types.count
            guard module.types.count + group.count <= limits.maxItemsPerSection else {
                throw DecodingError("too many types", offset: reader.offset)
            }
            module.types.append(contentsOf: group)
            module.recursionGroups.append(start..<module.types.count)
        }
    }

    private func decodeRecursionGroup(_ reader: inout ByteReader) throws(DecodingError) -> [SubType] {
        guard reader.peekByte() == 0x4E, features.contains(.gc) else { return [try decodeSubType(&reader)] }
        reader.offset += 1
        return try decodeVector(&reader) { r throws(DecodingError) in try decodeSubType(&r) }
    }

    private func decodeSubType(_ reader: inout ByteReader) throws(DecodingError) -> SubType {
        let form = reader.peekByte()
        guard form == 0x50 || form == 0x4F, features.contains(.gc) else {
            return SubType(try decodeCompositeType(&reader))
        }
        reader.offset += 1
        let supertypes = try decodeVector(&reader) { r throws(DecodingError) in try r.readU32() }
        return SubType(try decodeCompositeType(&reader), final: form == 0x4F, supertypes: supertypes)
    }

    private func decodeCompositeType(_ reader: inout ByteReader) throws(DecodingError) -> CompositeType {
        let start = reader.offset
        // The form is a signed 7-bit LEB128 value: a continuation bit makes it too long.
        let form = try reader.readByte()
        guard form & 0x80 == 0 else { throw DecodingError("integer representation too long", offset: start) }
        switch form {
        case 0x60:
            let parameters = try decodeVector(&reader) { r throws(DecodingError) in
                try r.readValueType(features: features)
            }
            let results = try decodeVector(&reader) { r throws(DecodingError) in
                try r.readValueType(features: features)
            }
            return .function(FunctionType(parameters: parameters, results: results))
        case 0x5F where features.contains(.gc):
            return .structure(try decodeVector(&reader) { r throws(DecodingError) in try decodeFieldType(&r) })
        case 0x5E where features.contains(.gc):
            return .array(try decodeFieldType(&reader))
        default:
            throw DecodingError(
                features.contains(.gc) ? "malformed definition type" : "malformed function type", offset: start)
        }
    }

    private func decodeFieldType(_ reader: inout ByteReader) throws(DecodingError) -> FieldType {
        let storage: StorageType
        switch reader.peekByte() {
        case 0x78:
            reader.offset += 1
            storage = .i8
        case 0x77:
            reader.offset += 1
            storage = .i16
        default:
            storage = .value(try reader.readValueType(features: features))
        }
        return FieldType(storage, mutable: try decodeMutability(&reader))
    }

    private func decodeMutability(_ reader: inout ByteReader) throws(DecodingError) -> Bool {
        let start = reader.offset
        let mutability = try reader.readByte()
        guard mutability <= 1 else { throw DecodingError("malformed mutability", offset: start) }
        return mutability == 1
    }

    private func decodeTagType(_ reader: inout ByteReader) throws(DecodingError) -> TagType {
        let start = reader.offset
        guard try reader.readByte() == 0 else { throw DecodingError("malformed tag attribute", offset: start) }
        return TagType(typeIndex: try reader.readU32())
    }

    /// Limits and whether they are 64-bit. In WebAssembly 2.0 the flags are a one-bit LEB128 value
    /// (so `0x81 0x00` is too long and `0x02` too large); with 64-bit memories they are a byte whose
    /// bit 2 selects i64 addresses, and bit 1 (shared) needs threads.
    private func decodeLimits(_ reader: inout ByteReader) throws(DecodingError) -> (WasmCore.Limits, is64: Bool) {
        let start = reader.offset
        let flags = try reader.readByte()
        if features.contains(.memory64) {
            let allowed: UInt8 = features.contains(.threads) ? 0x07 : 0x05
            guard flags & ~allowed == 0 else { throw DecodingError("malformed limits flags", offset: start) }
            if flags & 0x02 != 0 { throw .unsupported(.threads, offset: start) }
        } else {
            if flags & 0x02 != 0, flags & 0x80 == 0, flags <= 0x03, features.contains(.threads) {
                throw .unsupported(.threads, offset: start)
            }
            guard flags & 0x7F <= 1 else { throw DecodingError("integer too large", offset: start) }
            guard flags & 0x80 == 0 else {
                throw DecodingError("integer representation too long", offset: start + 1)
            }
        }
        let is64 = flags & 0x04 != 0
        // With 64-bit memories enabled, every limit is read as a u64 and its range checked by the
        // validator, as the reference decoder does.
        let bits = features.contains(.memory64) ? 64 : 32
        let min = try reader.readUnsigned(bits: bits)
        guard flags & 0x01 != 0 else { return (WasmCore.Limits(min: min), is64) }
        return (WasmCore.Limits(min: min, max: try reader.readUnsigned(bits: bits)), is64)
    }

    private func decodeTableType(_ reader: inout ByteReader) throws(DecodingError) -> TableType {
        let element = try reader.readReferenceType(features: features)
        let (limits, is64) = try decodeLimits(&reader)
        return TableType(elementType: element, limits: limits, is64: is64)
    }

    /// A table definition; with typed references it may start with `0x40 0x00` and carry an
    /// initializer expression.
    private func decodeTable(_ reader: inout ByteReader) throws(DecodingError) -> Table {
        let start = reader.offset
        guard reader.peekByte() == 0x40, features.contains(.functionReferences) else {
            return Table(type: try decodeTableType(&reader))
        }
        reader.offset += 1
        guard try reader.readByte() == 0 else { throw DecodingError("malformed table", offset: start) }
        let type = try decodeTableType(&reader)
        return Table(type: type, initializer: try decodeConstantExpression(&reader))
    }

    private func decodeMemoryType(_ reader: inout ByteReader) throws(DecodingError) -> MemoryType {
        let (limits, is64) = try decodeLimits(&reader)
        return MemoryType(limits: limits, is64: is64)
    }

    private func decodeGlobalType(_ reader: inout ByteReader) throws(DecodingError) -> GlobalType {
        let type = try reader.readValueType(features: features)
        return GlobalType(valueType: type, isMutable: try decodeMutability(&reader))
    }

    private func decodeImport(_ reader: inout ByteReader) throws(DecodingError) -> Import {
        let module = try reader.readName()
        let name = try reader.readName()
        let start = reader.offset
        let kind = try reader.readByte()
        let descriptor: Import.Descriptor
        switch kind {
        case 0: descriptor = .function(try reader.readU32())
        case 1: descriptor = .table(try decodeTableType(&reader))
        case 2: descriptor = .memory(try decodeMemoryType(&reader))
        case 3: descriptor = .global(try decodeGlobalType(&reader))
        case 4 where features.contains(.exceptionHandling): descriptor = .tag(try decodeTagType(&reader))
        default: throw DecodingError("malformed import kind", offset: start)
        }
        return Import(module: module, name: name, descriptor: descriptor)
    }

    private func decodeExport(_ reader: inout ByteReader) throws(DecodingError) -> Export {
        let name = try reader.readName()
        let start = reader.offset
        guard let kind = ExternalKind(rawValue: try reader.readByte()),
            kind != .tag || features.contains(.exceptionHandling)
        else {
            throw DecodingError("malformed export kind", offset: start)
        }
        return Export(name: name, kind: kind, index: try reader.readU32())
    }

    private func decodeGlobal(_ reader: inout ByteReader) throws(DecodingError) -> Global {
        let type = try decodeGlobalType(&reader)
        return Global(type: type, initializer: try decodeConstantExpression(&reader))
    }

    /// Reads instructions up to and including `end`; which ones are allowed is a validation rule.
    func decodeConstantExpression(_ reader: inout ByteReader) throws(DecodingError) -> ConstantExpression {
        var instructions: [Instruction] = []
        try InstructionSequence.read(&reader, features: features) { instructions.append($0) }
        return ConstantExpression(instructions: instructions)
    }

    private func decodeElement(_ reader: inout ByteReader) throws(DecodingError) -> ElementSegment {
        let start = reader.offset
        let flags = try reader.readU32()
        guard flags <= 7 else { throw DecodingError("malformed elements segment kind", offset: start) }
        let isPassiveOrDeclarative = flags & 1 != 0
        let hasTableIndex = flags & 2 != 0
        let usesExpressions = flags & 4 != 0

        var mode: ElementSegment.Mode
        if isPassiveOrDeclarative {
            mode = hasTableIndex ? .declarative : .passive
        } else {
            let table = hasTableIndex ? try reader.readU32() : 0
            mode = .active(table: table, offset: try decodeConstantExpression(&reader))
        }
        // Function indices make non-null references in WebAssembly 3.0, where that type exists.
        var type = ReferenceType(.func, nullable: usesExpressions || !features.contains(.functionReferences))
        if isPassiveOrDeclarative || hasTableIndex {
            if usesExpressions {
                type = try reader.readReferenceType(features: features)
            } else {
                let kindOffset = reader.offset
                guard try reader.readByte() == 0x00 else {
                    throw DecodingError("malformed element kind", offset: kindOffset)
                }
            }
        }
        let initializers: [ConstantExpression]
        if usesExpressions {
            initializers = try decodeVector(&reader) { r throws(DecodingError) in try decodeConstantExpression(&r) }
        } else {
            initializers = try decodeVector(&reader) { r throws(DecodingError) in
                let offset = r.offset
                let index = try r.readU32()
                return ConstantExpression(instructions: [Instruction(.refFunc, .index(index), offset: offset)])
            }
        }
        return ElementSegment(type: type, initializers: initializers, mode: mode)
    }

    private func decodeCode(_ reader: inout ByteReader) throws(DecodingError) -> FunctionBody {
        let size = try reader.readLength()
        let start = reader.offset
        let localsOffset = reader.offset
        let groupCount = try reader.readCount(minElementSize: 2)
        var counts: [UInt32] = []
        var types: [ValueType] = []
        var total: UInt64 = 0
        for _ in 0..<groupCount {
            let count = try reader.readU32()
            total += UInt64(count)
            counts.append(count)
            types.append(try reader.readValueType(features: features))
        }
        guard total < 1 << 32, total <= limits.maxLocalsPerFunction else {
            throw DecodingError("too many locals", offset: localsOffset)
        }
        let codeOffset = reader.offset
        var usesDataSegments = false
        try InstructionSequence.read(&reader, features: features) { instruction in
            if instruction.opcode == .memoryInit || instruction.opcode == .dataDrop { usesDataSegments = true }
        }
        guard reader.offset == start + size else {
            throw DecodingError("section size mismatch", offset: start)
        }
        let code = Array(reader.bytes[codeOffset..<reader.offset])
        return FunctionBody(
            localCounts: counts, localTypes: types, code: code, codeOffset: codeOffset,
            usesDataSegments: usesDataSegments)
    }

    private func decodeData(_ reader: inout ByteReader) throws(DecodingError) -> DataSegment {
        let start = reader.offset
        let flags = try reader.readU32()
        let mode: DataSegment.Mode
        switch flags {
        case 0: mode = .active(memory: 0, offset: try decodeConstantExpression(&reader))
        case 1: mode = .passive
        case 2:
            let memory = try reader.readU32()
            mode = .active(memory: memory, offset: try decodeConstantExpression(&reader))
        default: throw DecodingError("malformed data segment kind", offset: start)
        }
        let bytes = try reader.readBytes(Int(try reader.readU32()))
        return DataSegment(bytes: bytes, mode: mode)
    }
}

/// Best-effort reader of the `name` custom section.
enum NameSectionParser {
    static func parse(_ bytes: [UInt8]) -> NameSection {
        var names = NameSection()
        var reader = ByteReader(bytes: bytes)
        do {
            while !reader.isAtEnd {
                let id = try reader.readByte()
                let size = Int(try reader.readU32())
                guard size <= reader.remaining else { break }
                var sub = ByteReader(bytes: bytes, offset: reader.offset, limit: reader.offset + size)
                switch id {
                case 0: names.moduleName = try sub.readName()
                case 1:
                    let count = try sub.readCount()
                    for _ in 0..<count {
                        let index = try sub.readU32()
                        names.functionNames[index] = try sub.readName()
                    }
                case 2:
                    let count = try sub.readCount()
                    for _ in 0..<count {
                        let function = try sub.readU32()
                        let localCount = try sub.readCount()
                        var locals: [UInt32: String] = [:]
                        for _ in 0..<localCount {
                            let index = try sub.readU32()
                            locals[index] = try sub.readName()
                        }
                        names.localNames[function] = locals
                    }
                default: break
                }
                try reader.skip(size)
            }
        } catch {
            // Keep the names read so far.
        }
        return names
    }
}
