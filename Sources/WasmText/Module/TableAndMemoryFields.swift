/// `(table ...)` and `(memory ...)`, with their inline `(elem ...)` and `(data ...)` abbreviations.
extension ModuleParser {
    mutating func parseTable() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        let index = definedTables
        definedTables += 1
        try parseInlineExports(kind: 1, index: index)
        if let (module, name) = try parseInlineImport() {
            let (type, is64) = try parseTableType()
            tableIs64.append(is64)
            var writer = BinaryWriter()
            writer.string(module)
            writer.string(name)
            writer.byte(1)
            writer.append(type)
            assembly.imports.append(writer.bytes)
            try cursor.expectRightParen()
            return
        }
        // `addrtype? reftype (elem ...)`: the table's size is the number of elements.
        let is64 = cursor.isKeyword(.i64)
        let afterAddress = cursor.isKeyword(.i64) || cursor.isKeyword(.i32) ? 1 : 0
        if !cursor.peek(afterAddress).isNumber {
            if afterAddress == 1 { cursor.advance() }
            let elementType = try parseReferenceType()
            guard cursor.takeParenthesized(.elem) else { throw cursor.unexpected() }
            let items = try parseElementItems(defaultIndices: true)
            try cursor.expectRightParen()
            try cursor.expectRightParen()
            tableIs64.append(is64)
            var writer = BinaryWriter()
            elementType.encode(into: &writer)
            encodeLimits(min: UInt64(items.count), max: UInt64(items.count), is64: is64, shared: false, into: &writer)
            assembly.tables.append(writer.bytes)
            let offset: [UInt8] = is64 ? [0x42, 0x00, 0x0B] : [0x41, 0x00, 0x0B]
            assembly.elements.append(
                encodeElementSegment(type: elementType, items: items, mode: .active(table: index, offset: offset)))
            return
        }
        let (type, tableIs64Value) = try parseTableType()
        tableIs64.append(tableIs64Value)
        var writer = BinaryWriter()
        if cursor.atRightParen {
            writer.append(type)
        } else {
            // A table with an initialiser expression (typed function references).
            writer.byte(0x40)
            writer.byte(0x00)
            writer.append(type)
            try parseInstructions(into: &writer)
            writer.byte(0x0B)
        }
        assembly.tables.append(writer.bytes)
        try cursor.expectRightParen()
    }

    /// `addrtype? limits reftype`, encoded as the binary table type; and whether it is 64-bit.
    mutating func parseTableType() throws(TextFormatError) -> ([UInt8], Bool) {
        let is64 = cursor.take(.i64)
        if !is64 { _ = cursor.take(.i32) }
        let (min, max) = try parseLimits(is64: is64)
        let elementType = try parseReferenceType()
        var writer = BinaryWriter()
        elementType.encode(into: &writer)
        encodeLimits(min: min, max: max, is64: is64, shared: false, into: &writer)
        return (writer.bytes, is64)
    }

    mutating func parseLimits(is64: Bool) throws(TextFormatError) -> (UInt64, UInt64?) {
        let u32Only = !is64 && options.webAssembly2
        let min = u32Only ? UInt64(try cursor.expectU32()) : try cursor.expectU64()
        guard cursor.atNatural else { return (min, nil) }
        let max = u32Only ? UInt64(try cursor.expectU32()) : try cursor.expectU64()
        return (min, max)
    }

    func encodeLimits(
        min: UInt64, max: UInt64?, is64: Bool, shared: Bool, pageSizeLog2: UInt32? = nil,
        into writer: inout BinaryWriter
    ) {
        var flags: UInt8 = max == nil ? 0 : 1
        if shared { flags |= 2 }
        if is64 { flags |= 4 }
        if pageSizeLog2 != nil { flags |= 8 }
        writer.byte(flags)
        writer.unsigned(min)
        if let max { writer.unsigned(max) }
        if let pageSizeLog2 { writer.u32(pageSizeLog2) }
    }

    // MARK: Memories

    mutating func parseMemory() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        let index = definedMemories
        definedMemories += 1
        try parseInlineExports(kind: 2, index: index)
        if let (module, name) = try parseInlineImport() {
            let (type, is64) = try parseMemoryType()
            memoryIs64.append(is64)
            var writer = BinaryWriter()
            writer.string(module)
            writer.string(name)
            writer.byte(2)
            writer.append(type)
            assembly.imports.append(writer.bytes)
            try cursor.expectRightParen()
            return
        }
        if let (bytes, is64, pageSizeLog2) = try parseInlineDataMemory() {
            memoryIs64.append(is64)
            let pageSize = UInt64(1) << UInt64(pageSizeLog2 ?? 16)
            let pages = (UInt64(bytes.count) + pageSize - 1) / pageSize
            var writer = BinaryWriter()
            encodeLimits(min: pages, max: pages, is64: is64, shared: false, pageSizeLog2: pageSizeLog2, into: &writer)
            assembly.memories.append(writer.bytes)
            let offset: [UInt8] = is64 ? [0x42, 0x00, 0x0B] : [0x41, 0x00, 0x0B]
            assembly.data.append(encodeDataSegment(bytes: bytes, memory: index, offset: offset))
            return
        }
        let (type, memoryIs64Value) = try parseMemoryType()
        memoryIs64.append(memoryIs64Value)
        assembly.memories.append(type)
        try cursor.expectRightParen()
    }

    /// `addrtype? (pagesize n)? (data "..."*))`: the memory is as large as the bytes need, min = max.
    private mutating func parseInlineDataMemory() throws(TextFormatError) -> ([UInt8], Bool, UInt32?)? {
        var probe = cursor.position
        let is64 = cursor.isKeyword(.i64)
        if cursor.isKeyword(.i64) || cursor.isKeyword(.i32) { probe += 1 }
        let save = cursor.position
        cursor.position = probe
        var pageSizeLog2: UInt32?
        if cursor.isParenthesized(.pagesize) { pageSizeLog2 = try parsePageSize() }
        guard cursor.takeParenthesized(.data) else {
            cursor.position = save
            return nil
        }
        var bytes: [UInt8] = []
        while cursor.current.kind == .string { bytes.append(contentsOf: try cursor.expectString()) }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        return (bytes, is64, pageSizeLog2)
    }

    /// `(pagesize n)`: a power of two, as its exponent.
    private mutating func parsePageSize() throws(TextFormatError) -> UInt32 {
        cursor.position += 2
        let token = cursor.current
        let size = try cursor.expectU64()
        guard size != 0, size & (size - 1) == 0 else { throw cursor.error("invalid custom page size", at: token) }
        try cursor.expectRightParen()
        return UInt32(size.trailingZeroBitCount)
    }

    /// `addrtype? limits shared? (pagesize n)?`, encoded; and whether it is 64-bit.
    mutating func parseMemoryType() throws(TextFormatError) -> ([UInt8], Bool) {
        let is64 = cursor.take(.i64)
        if !is64 { _ = cursor.take(.i32) }
        let (min, max) = try parseLimits(is64: is64)
        let shared = cursor.take(.shared)
        if !shared { _ = cursor.take(.unshared) }
        var pageSizeLog2: UInt32?
        if cursor.isParenthesized(.pagesize) { pageSizeLog2 = try parsePageSize() }
        var writer = BinaryWriter()
        encodeLimits(min: min, max: max, is64: is64, shared: shared, pageSizeLog2: pageSizeLog2, into: &writer)
        return (writer.bytes, is64)
    }
}

extension Token {
    var isNumber: Bool { kind == .number }
}
