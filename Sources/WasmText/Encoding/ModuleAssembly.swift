/// A module's sections as the parser produces them: each entry already encoded, in index order.
/// ``encode()`` puts them together into a binary module.
struct ModuleAssembly {
    var types: [TextRecursionGroup] = []
    var imports: [[UInt8]] = []
    var functionTypeIndices: [UInt32] = []
    var tables: [[UInt8]] = []
    var memories: [[UInt8]] = []
    var tags: [[UInt8]] = []
    var globals: [[UInt8]] = []
    var exports: [[UInt8]] = []
    var start: UInt32?
    var elements: [[UInt8]] = []
    /// Function bodies, each with its size prefix left to the encoder.
    var codes: [[UInt8]] = []
    var data: [[UInt8]] = []
    /// Whether some instruction names a data segment, which requires the data count section.
    var usesDataCount = false
    var customSections: [CustomSectionText] = []

    /// Binary section ids in the order the sections must appear (the tag section, 13, sits between
    /// memories and globals; the data count section, 12, before the code).
    static let sectionOrder: [UInt8] = [1, 2, 3, 4, 5, 13, 6, 7, 8, 9, 12, 10, 11]

    func encode() -> [UInt8] {
        var writer = BinaryWriter()
        writer.append([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00])
        appendCustomSections(.beforeFirst, to: &writer)
        for id in Self.sectionOrder {
            appendCustomSections(.before(id), to: &writer)
            if let contents = sectionContents(id) {
                writer.byte(id)
                writer.string(contents)
            }
            appendCustomSections(.after(id), to: &writer)
        }
        appendCustomSections(.afterLast, to: &writer)
        return writer.bytes
    }

    private func appendCustomSections(_ placement: CustomSectionText.Placement, to writer: inout BinaryWriter) {
        for section in customSections where section.placement == placement {
            var contents = BinaryWriter()
            contents.string(section.name)
            contents.append(section.contents)
            writer.byte(0)
            writer.string(contents.bytes)
        }
    }

    private func sectionContents(_ id: UInt8) -> [UInt8]? {
        var writer = BinaryWriter()
        func vector(_ entries: [[UInt8]]) -> [UInt8]? {
            guard !entries.isEmpty else { return nil }
            writer.u32(entries.count)
            for entry in entries { writer.append(entry) }
            return writer.bytes
        }
        switch id {
        case 1:
            guard !types.isEmpty else { return nil }
            writer.u32(types.count)
            for group in types { group.encode(into: &writer) }
            return writer.bytes
        case 2: return vector(imports)
        case 3:
            guard !functionTypeIndices.isEmpty else { return nil }
            writer.u32(functionTypeIndices.count)
            for index in functionTypeIndices { writer.u32(index) }
            return writer.bytes
        case 4: return vector(tables)
        case 5: return vector(memories)
        case 13: return vector(tags)
        case 6: return vector(globals)
        case 7: return vector(exports)
        case 8:
            guard let start else { return nil }
            writer.u32(start)
            return writer.bytes
        case 9: return vector(elements)
        case 12:
            // As the reference encoder: present whenever code names a data segment, even if there
            // are none (so that validation reports the unknown segment, not a missing section).
            guard usesDataCount else { return nil }
            writer.u32(data.count)
            return writer.bytes
        case 10:
            guard !codes.isEmpty else { return nil }
            writer.u32(codes.count)
            for code in codes { writer.string(code) }
            return writer.bytes
        case 11: return vector(data)
        default: return nil
        }
    }
}

/// A custom section from an `(@custom "name" (placement)? "contents"*)` annotation.
struct CustomSectionText {
    enum Placement: Equatable {
        case beforeFirst
        case before(UInt8)
        case after(UInt8)
        case afterLast
    }
    var name: [UInt8]
    var placement: Placement
    var contents: [UInt8]
}
