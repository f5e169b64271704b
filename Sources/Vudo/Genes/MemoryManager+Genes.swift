/// Reading and writing genes by their ``GeneLayout``, dynamically (``GeneValues``) or statically
/// (a ``Gene`` type).
extension MemoryManager {
    /// Reads the gene at `pointer` (which must be aligned to the layout's alignment).
    public func readGene(_ layout: GeneLayout, at pointer: UInt32) throws(MemoryError) -> GeneValues {
        try checkAlignment(pointer, layout)
        let bytes = try readBytes(at: pointer, count: layout.size)
        return try decode(layout, from: bytes, at: 0)
    }

    /// Writes a gene at `pointer`. Every field must be given, with a value of its type, and no
    /// others. All checks happen before any byte is written; string fields are allocated
    /// (length-prefixed) and their pointers stored.
    public func writeGene(_ values: GeneValues, as layout: GeneLayout, at pointer: UInt32) throws(MemoryError) {
        try Self.check(values, against: layout)
        try checkAlignment(pointer, layout)
        _ = try checkRange(UInt64(pointer), count: UInt64(layout.size))
        var bytes = [UInt8](repeating: 0, count: layout.size)
        var strings: [UInt32] = []
        do {
            try encode(values, as: layout, into: &bytes, at: 0, strings: &strings)
        } catch {
            // The gene itself is untouched; give back the strings allocated for it.
            for string in strings { try? free(string) }
            throw error
        }
        try writeBytes(bytes, at: pointer)
    }

    /// Allocates room for a gene and writes it; returns its address.
    public func allocateGene(_ values: GeneValues, as layout: GeneLayout) throws(MemoryError) -> UInt32 {
        try Self.check(values, against: layout)
        let pointer = try alloc(layout.size, alignment: layout.alignment)
        do {
            try writeGene(values, as: layout, at: pointer)
        } catch {
            try? free(pointer)
            throw error
        }
        return pointer
    }

    public func readGene<G: Gene>(_ type: G.Type, at pointer: UInt32) throws(MemoryError) -> G {
        try G(geneValues: readGene(G.geneLayout, at: pointer))
    }

    public func writeGene<G: Gene>(_ gene: G, at pointer: UInt32) throws(MemoryError) {
        try writeGene(gene.geneValues, as: G.geneLayout, at: pointer)
    }

    public func allocateGene<G: Gene>(_ gene: G) throws(MemoryError) -> UInt32 {
        try allocateGene(gene.geneValues, as: G.geneLayout)
    }

    // MARK: Encoding

    private func checkAlignment(_ pointer: UInt32, _ layout: GeneLayout) throws(MemoryError) {
        guard Int(pointer) % layout.alignment == 0 else {
            throw .misaligned(address: pointer, alignment: layout.alignment)
        }
    }

    /// Unknown, missing and mistyped fields, found before anything is allocated or written.
    static func check(_ values: GeneValues, against layout: GeneLayout) throws(MemoryError) {
        for name in values.keys.sorted() where layout.field(named: name) == nil {
            throw .unknownField(gene: layout.name, field: name)
        }
        for field in layout.fields {
            guard let value = values[field.name] else { throw .missingField(gene: layout.name, field: field.name) }
            switch (field.type, value) {
            case (.i32, .i32), (.i64, .i64), (.f32, .f32), (.f64, .f64), (.bool, .bool), (.string, .string): break
            case (.gene(let inner), .gene(let nested)): try check(nested, against: inner)
            default:
                throw .typeMismatch(
                    gene: layout.name, field: field.name, expected: field.type.description, got: value.kindName)
            }
        }
    }

    private func encode(
        _ values: GeneValues, as layout: GeneLayout, into bytes: inout [UInt8], at base: Int, strings: inout [UInt32]
    ) throws(MemoryError) {
        for field in layout.fields {
            let offset = base + field.offset
            let encoded: [UInt8]
            switch values[field.name] {
            case .i32(let v): encoded = v.littleEndianBytes
            case .i64(let v): encoded = v.littleEndianBytes
            case .f32(let v): encoded = v.littleEndianBytes
            case .f64(let v): encoded = v.littleEndianBytes
            case .bool(let v): encoded = v.littleEndianBytes
            case .string(let v):
                let pointer = try encodeString(v)
                strings.append(pointer)
                encoded = pointer.littleEndianBytes
            case .gene(let nested):
                guard case .gene(let inner) = field.type else { continue }
                try encode(nested, as: inner, into: &bytes, at: offset, strings: &strings)
                continue
            case nil: continue  // ruled out by check(_:against:)
            }
            bytes.replaceSubrange(offset..<offset + encoded.count, with: encoded)
        }
    }

    private func decode(_ layout: GeneLayout, from bytes: [UInt8], at base: Int) throws(MemoryError) -> GeneValues {
        var values: GeneValues = [:]
        for field in layout.fields {
            let offset = base + field.offset
            let slice = bytes[offset..<offset + field.type.size]
            switch field.type {
            case .i32: values[field.name] = .i32(Int32(littleEndianBytes: slice))
            case .i64: values[field.name] = .i64(Int64(littleEndianBytes: slice))
            case .f32: values[field.name] = .f32(Float(littleEndianBytes: slice))
            case .f64: values[field.name] = .f64(Double(littleEndianBytes: slice))
            case .bool: values[field.name] = .bool(Bool(littleEndianBytes: slice))
            case .string: values[field.name] = .string(try decodeString(at: UInt32(littleEndianBytes: slice)))
            case .gene(let inner): values[field.name] = .gene(try decode(inner, from: bytes, at: offset))
            }
        }
        return values
    }
}
