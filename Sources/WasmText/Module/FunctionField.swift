/// `(func ...)`: an imported function or a definition with locals and a body.
extension ModuleParser {
    mutating func parseFunction() throws(TextFormatError) {
        cursor.position += 2
        _ = cursor.takeIdentifier()
        let index = definedFunctions
        definedFunctions += 1
        try parseInlineExports(kind: 0, index: index)
        if let (module, name) = try parseInlineImport() {
            names.locals.append((index, []))
            let use = try parseTypeUse(allowNames: true)
            let (typeIndex, _) = try resolve(use)
            var writer = BinaryWriter()
            writer.string(module)
            writer.string(name)
            writer.byte(0)
            writer.u32(typeIndex)
            assembly.imports.append(writer.bytes)
            try cursor.expectRightParen()
            return
        }
        let use = try parseTypeUse(allowNames: true)
        let (typeIndex, type) = try resolve(use)
        assembly.functionTypeIndices.append(typeIndex)

        function = FunctionScope()
        names.currentLocals = []
        if use.hasInlineSignature {
            for name in use.parameterNames { try declareLocal(name, at: cursor.current) }
        } else {
            // Parameters taken from the type definition have no names.
            function.localCount = UInt32(type?.parameters.count ?? 0)
        }
        var localTypes: [TextValueType] = []
        while cursor.isParenthesized(.local) {
            cursor.position += 2
            if let name = cursor.takeIdentifierToken() {
                try declareLocal(name, at: name)
                localTypes.append(try parseValueType())
            } else {
                while !cursor.atRightParen {
                    try declareLocal(nil, at: cursor.current)
                    localTypes.append(try parseValueType())
                }
            }
            try cursor.expectRightParen()
        }

        var code = BinaryWriter()
        encodeLocals(localTypes, into: &code)
        function.labels = [-1]
        try parseInstructions(into: &code)
        code.byte(0x0B)
        try cursor.expectRightParen()
        assembly.codes.append(code.bytes)
        names.locals.append((index, names.currentLocals))
        function = FunctionScope()
    }

    private mutating func declareLocal(_ name: Token?, at token: Token) throws(TextFormatError) {
        if let name {
            guard function.localNames[name.value] == nil else {
                throw cursor.error("duplicate local $\(cursor.displayName(name.value))", at: name)
            }
            function.localNames[name.value] = function.localCount
            names.currentLocals.append((function.localCount, cursor.text.names[Int(name.value)]))
        }
        guard function.localCount < UInt32.max else { throw cursor.error("too many local bindings", at: token) }
        function.localCount += 1
    }

    /// Runs of equal types become one `(count, type)` entry.
    private func encodeLocals(_ types: [TextValueType], into writer: inout BinaryWriter) {
        var runs: [(count: UInt32, type: TextValueType)] = []
        for type in types {
            if let last = runs.last, last.type == type {
                runs[runs.count - 1].count += 1
            } else {
                runs.append((1, type))
            }
        }
        writer.u32(runs.count)
        for run in runs {
            writer.u32(run.count)
            run.type.encode(into: &writer)
        }
    }

    // MARK: Shared by definitions

    /// `(export "name")*` abbreviations, each adding an export of the entity being defined.
    mutating func parseInlineExports(kind: UInt8, index: UInt32) throws(TextFormatError) {
        while cursor.takeParenthesized(.export) {
            let name = try cursor.expectName()
            try cursor.expectRightParen()
            appendExport(name: name, kind: kind, index: index)
        }
    }

    mutating func appendExport(name: [UInt8], kind: UInt8, index: UInt32) {
        var writer = BinaryWriter()
        writer.string(name)
        writer.byte(kind)
        writer.u32(index)
        assembly.exports.append(writer.bytes)
    }

    /// `(import "module" "name")`, if next.
    mutating func parseInlineImport() throws(TextFormatError) -> (module: [UInt8], name: [UInt8])? {
        guard cursor.takeParenthesized(.import) else { return nil }
        let module = try cursor.expectName()
        let name = try cursor.expectName()
        try cursor.expectRightParen()
        return (module, name)
    }
}
