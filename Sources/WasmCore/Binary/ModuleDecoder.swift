/// Decodes the WebAssembly binary format into a ``Module``.
///
/// The decoder checks the binary format only (structure, encodings, section order and sizes);
/// instruction sequences inside function bodies are decoded by their consumers (the validator and
/// the translator), which share ``ByteReader/readInstruction()``.
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

    public init(limits: Limits = Limits()) {
        self.limits = limits
    }

    public func decode(_ bytes: [UInt8]) throws(DecodingError) -> Module {
        guard bytes.count <= limits.maxModuleSize else {
            throw DecodingError("module is larger than the limit of \(limits.maxModuleSize) bytes", offset: 0)
        }
        var reader = ByteReader(bytes: bytes)
        var module = Module()
        try decodeHeader(&reader)

        var lastOrder = 0
        var functionCount: Int?
        while !reader.isAtEnd {
            let sectionStart = reader.offset
            let id = try reader.readByte()
            let size = Int(try reader.readU32())
            guard size <= reader.remaining else {
                throw DecodingError("unexpected end of section or function", offset: reader.offset)
            }
            let end = reader.offset + size
            var section = ByteReader(bytes: bytes, offset: reader.offset, limit: end)
            if id != 0 { module.sectionOffsets[id] = reader.offset }
            if id != 0 {
                guard let order = Self.sectionOrder(id) else {
                    throw DecodingError("malformed section id", offset: sectionStart)
                }
                guard order > lastOrder else {
                    throw DecodingError("unexpected content after last section", offset: sectionStart)
                }
                lastOrder = order
            }
            switch id {
            case 0: module.customSections.append(try decodeCustomSection(&section, into: &module))
            case 1: module.types = try decodeVector(&section) { r throws(DecodingError) in try decodeFunctionType(&r) }
            case 2: module.imports = try decodeVector(&section) { r throws(DecodingError) in try decodeImport(&r) }
            case 3:
                module.functionTypeIndices = try decodeVector(&section) { r throws(DecodingError) in try r.readU32() }
                functionCount = module.functionTypeIndices.count
            case 4: module.tables = try decodeVector(&section) { r throws(DecodingError) in try decodeTableType(&r) }
            case 5: module.memories = try decodeVector(&section) { r throws(DecodingError) in try decodeMemoryType(&r) }
            case 6: module.globals = try decodeVector(&section) { r throws(DecodingError) in try decodeGlobal(&r) }
            case 7: module.exports = try decodeVector(&section) { r throws(DecodingError) in try decodeExport(&r) }
            case 8: module.start = try section.readU32()
            case 9: module.elements = try decodeVector(&section) { r throws(DecodingError) in try decodeElement(&r) }
            case 10:
                module.codes = try decodeVector(&section) { r throws(DecodingError) in try decodeCode(&r) }
                guard module.codes.count == (functionCount ?? 0) else {
                    throw DecodingError("function and code section have inconsistent lengths", offset: sectionStart)
                }
            case 11:
                module.data = try decodeVector(&section) { r throws(DecodingError) in try decodeData(&r) }
                if let dataCount = module.dataCount, dataCount != module.data.count {
                    throw DecodingError("data count and data section have inconsistent lengths", offset: sectionStart)
                }
            case 12: module.dataCount = try section.readU32()
            default: throw DecodingError("malformed section id", offset: sectionStart)
            }
            guard section.offset == end else {
                throw DecodingError("section size mismatch", offset: section.offset)
            }
            try reader.skip(size)
        }
        if module.codes.isEmpty, let functionCount, functionCount != 0 {
            throw DecodingError("function and code section have inconsistent lengths", offset: reader.offset)
        }
        if let dataCount = module.dataCount, dataCount != 0, module.data.isEmpty {
            throw DecodingError("data count and data section have inconsistent lengths", offset: reader.offset)
        }
        return module
    }

    private func decodeHeader(_ reader: inout ByteReader) throws(DecodingError) {
        let magic: [UInt8] = [0x00, 0x61, 0x73, 0x6D]
        guard reader.remaining >= 4 else { throw DecodingError("unexpected end", offset: reader.bytes.count) }
        guard try reader.readBytes(4) == magic else {
            throw DecodingError("magic header not detected", offset: 0)
        }
        guard reader.remaining >= 4 else { throw DecodingError("unexpected end", offset: reader.bytes.count) }
        guard try reader.readFixedU32() == 1 else { throw DecodingError("unknown binary version", offset: 4) }
    }

    /// The position of a known section id in the required order (the data count section sits
    /// between the element and code sections).
    private static func sectionOrder(_ id: UInt8) -> Int? {
        switch id {
        case 1...9: Int(id)
        case 12: 10
        case 10: 11
        case 11: 12
        default: nil
        }
    }

    private func decodeVector<T>(
        _ reader: inout ByteReader, _ element: (inout ByteReader) throws(DecodingError) -> T
    ) throws(DecodingError) -> [T] {
        let start = reader.offset
        let count = try reader.readCount()
        guard count <= limits.maxItemsPerSection else {
            throw DecodingError("section has \(count) items, more than the limit of \(limits.maxItemsPerSection)", offset: start)
        }
        var items: [T] = []
        items.reserveCapacity(count)
        for _ in 0..<count { items.append(try element(&reader)) }
        return items
    }

    private func decodeCustomSection(_ reader: inout ByteReader, into module: inout Module) throws(DecodingError) -> CustomSection {
        let name = try reader.readName()
        let bytes = try reader.readBytes(reader.remaining)
        if name == "name" {
            // A malformed name section is not a malformed module: keep whatever parsed.
            module.names = NameSectionParser.parse(bytes)
        }
        return CustomSection(name: name, bytes: bytes)
    }

    private func decodeFunctionType(_ reader: inout ByteReader) throws(DecodingError) -> FunctionType {
        let start = reader.offset
        guard try reader.readByte() == 0x60 else {
            throw DecodingError("integer representation too long", offset: start)
        }
        let parameters = try decodeVector(&reader) { r throws(DecodingError) in try r.readValueType() }
        let results = try decodeVector(&reader) { r throws(DecodingError) in try r.readValueType() }
        return FunctionType(parameters: parameters, results: results)
    }

    private func decodeLimits(_ reader: inout ByteReader) throws(DecodingError) -> WasmCore.Limits {
        let start = reader.offset
        let flags = try reader.readByte()
        switch flags {
        case 0x00:
            return WasmCore.Limits(min: try reader.readUnsigned(bits: 32))
        case 0x01:
            let min = try reader.readUnsigned(bits: 32)
            return WasmCore.Limits(min: min, max: try reader.readUnsigned(bits: 32))
        default:
            throw DecodingError("integer too large", offset: start)
        }
    }

    private func decodeTableType(_ reader: inout ByteReader) throws(DecodingError) -> TableType {
        let element = try reader.readReferenceType()
        return TableType(elementType: element, limits: try decodeLimits(&reader))
    }

    private func decodeMemoryType(_ reader: inout ByteReader) throws(DecodingError) -> MemoryType {
        MemoryType(limits: try decodeLimits(&reader))
    }

    private func decodeGlobalType(_ reader: inout ByteReader) throws(DecodingError) -> GlobalType {
        let type = try reader.readValueType()
        let start = reader.offset
        let mutability = try reader.readByte()
        guard mutability <= 1 else { throw DecodingError("malformed mutability", offset: start) }
        return GlobalType(valueType: type, isMutable: mutability == 1)
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
        default: throw DecodingError("malformed import kind", offset: start)
        }
        return Import(module: module, name: name, descriptor: descriptor)
    }

    private func decodeExport(_ reader: inout ByteReader) throws(DecodingError) -> Export {
        let name = try reader.readName()
        let start = reader.offset
        guard let kind = ExternalKind(rawValue: try reader.readByte()) else {
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
        while true {
            let instruction = try reader.readInstruction()
            if instruction.opcode == .end { return ConstantExpression(instructions: instructions) }
            instructions.append(instruction)
        }
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
        var type = ValueType.funcref
        if isPassiveOrDeclarative || hasTableIndex {
            if usesExpressions {
                type = try reader.readReferenceType()
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
        let size = Int(try reader.readU32())
        guard size <= reader.remaining else {
            throw DecodingError("unexpected end of section or function", offset: reader.offset)
        }
        let end = reader.offset + size
        var body = ByteReader(bytes: reader.bytes, offset: reader.offset, limit: end)
        let groupCount = try body.readCount(minElementSize: 2)
        var counts: [UInt32] = []
        var types: [ValueType] = []
        var total: UInt64 = 0
        for _ in 0..<groupCount {
            let countOffset = body.offset
            let count = try body.readU32()
            total += UInt64(count)
            guard total <= UInt64(UInt32.max) else { throw DecodingError("too many locals", offset: countOffset) }
            counts.append(count)
            types.append(try body.readValueType())
        }
        guard total <= limits.maxLocalsPerFunction else {
            throw DecodingError("too many locals", offset: body.offset)
        }
        let codeOffset = body.offset
        let code = Array(reader.bytes[codeOffset..<end])
        try reader.skip(size)
        return FunctionBody(localCounts: counts, localTypes: types, code: code, codeOffset: codeOffset)
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
        let length = Int(try reader.readU32())
        let bytes = try reader.readBytes(length)
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
