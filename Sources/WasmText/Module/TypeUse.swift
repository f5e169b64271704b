/// Type uses: `(type $t)?` followed by inline parameters and results, as functions, imports, tags,
/// `call_indirect` and blocks write them.
struct TypeUse {
    var explicitIndex: UInt32?
    var explicitToken: Token?
    var signature: TextFunctionType
    /// Parameter name tokens (nil for unnamed ones), where names are allowed.
    var parameterNames: [Token?]

    var hasInlineSignature: Bool { !signature.parameters.isEmpty || !signature.results.isEmpty }
}

extension ModuleParser {
    mutating func parseTypeUse(allowNames: Bool) throws(TextFormatError) -> TypeUse {
        var explicitIndex: UInt32?
        var explicitToken: Token?
        if cursor.isParenthesized(.type) {
            cursor.position += 2
            explicitToken = cursor.current
            explicitIndex = try cursor.expectIndex(in: types.space)
            try cursor.expectRightParen()
        }
        let (signature, names) = try parseFunctionSignature(allowNames: allowNames)
        return TypeUse(
            explicitIndex: explicitIndex, explicitToken: explicitToken, signature: signature, parameterNames: names)
    }

    /// The type index a use denotes and the function type it stands for (nil when an explicit index
    /// does not name a function type, which validation reports).
    mutating func resolve(_ use: TypeUse) throws(TextFormatError) -> (index: UInt32, type: TextFunctionType?) {
        guard let index = use.explicitIndex else {
            return (types.index(for: use.signature), use.signature)
        }
        let defined = types.functionType(index)
        if use.hasInlineSignature {
            guard let token = use.explicitToken else { return (index, defined) }
            guard let defined else { throw cursor.error("unknown type \(index)", at: token) }
            guard defined == use.signature else {
                throw cursor.error("inline function type does not match explicit type", at: token)
            }
        }
        return (index, defined)
    }
}
