/// `(global ...)`, `(tag ...)`, `(import ...)` and `(export ...)`.
extension ModuleParser {
    mutating func parseGlobal() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        let index = definedGlobals
        definedGlobals += 1
        try parseInlineExports(kind: 3, index: index)
        if let (module, name) = try parseInlineImport() {
            var writer = BinaryWriter()
            writer.string(module)
            writer.string(name)
            writer.byte(3)
            try parseGlobalType(into: &writer)
            assembly.imports.append(writer.bytes)
            try cursor.expectRightParen()
            return
        }
        var writer = BinaryWriter()
        try parseGlobalType(into: &writer)
        try parseInstructions(into: &writer)
        writer.byte(0x0B)
        assembly.globals.append(writer.bytes)
        try cursor.expectRightParen()
    }

    /// `valtype` or `(mut valtype)`.
    mutating func parseGlobalType(into writer: inout BinaryWriter) throws(TextFormatError) {
        if cursor.takeParenthesized(.mut) {
            try parseValueType().encode(into: &writer)
            writer.byte(1)
            try cursor.expectRightParen()
        } else {
            try parseValueType().encode(into: &writer)
            writer.byte(0)
        }
    }

    mutating func parseTag() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        let index = definedTags
        definedTags += 1
        try parseInlineExports(kind: 4, index: index)
        let imported = try parseInlineImport()
        let (typeIndex, _) = try resolve(try parseTypeUse(allowNames: true))
        var writer = BinaryWriter()
        if let (module, name) = imported {
            writer.string(module)
            writer.string(name)
            writer.byte(4)
        }
        writer.byte(0)
        writer.u32(typeIndex)
        if imported != nil {
            assembly.imports.append(writer.bytes)
        } else {
            assembly.tags.append(writer.bytes)
        }
        try cursor.expectRightParen()
    }

    /// `(import "module" "name" (kind $id? type))`.
    mutating func parseImport() throws(TextFormatError) {
        cursor.position += 2
        var writer = BinaryWriter()
        writer.string(try cursor.expectName())
        writer.string(try cursor.expectName())
        try cursor.expectLeftParen()
        let kind = cursor.next()
        _ = cursor.takeIdentifier()
        switch kind.keyword {
        case .func:
            names.locals.append((definedFunctions, []))
            definedFunctions += 1
            writer.byte(0)
            writer.u32(try resolve(try parseTypeUse(allowNames: true)).index)
        case .table:
            definedTables += 1
            writer.byte(1)
            let (type, is64) = try parseTableType()
            tableIs64.append(is64)
            writer.append(type)
        case .memory:
            definedMemories += 1
            writer.byte(2)
            let (type, is64) = try parseMemoryType()
            memoryIs64.append(is64)
            writer.append(type)
        case .global:
            definedGlobals += 1
            writer.byte(3)
            try parseGlobalType(into: &writer)
        case .tag:
            definedTags += 1
            writer.byte(4)
            writer.byte(0)
            writer.u32(try resolve(try parseTypeUse(allowNames: true)).index)
        default:
            throw cursor.unexpected(kind)
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        assembly.imports.append(writer.bytes)
    }

    /// `(export "name" (kind index))`.
    mutating func parseExport() throws(TextFormatError) {
        cursor.position += 2
        let name = try cursor.expectName()
        try cursor.expectLeftParen()
        let kind = cursor.next()
        let index: UInt32
        let code: UInt8
        switch kind.keyword {
        case .func: (code, index) = (0, try cursor.expectIndex(in: functions))
        case .table: (code, index) = (1, try cursor.expectIndex(in: tables))
        case .memory: (code, index) = (2, try cursor.expectIndex(in: memories))
        case .global: (code, index) = (3, try cursor.expectIndex(in: globals))
        case .tag: (code, index) = (4, try cursor.expectIndex(in: tags))
        default: throw cursor.unexpected(kind)
        }
        try cursor.expectRightParen()
        try cursor.expectRightParen()
        appendExport(name: name, kind: code, index: index)
    }
}
