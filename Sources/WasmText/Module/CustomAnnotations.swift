/// `(@custom "name" (before|after section)? "contents"*)` annotations between module fields become
/// custom sections. The annotations the spec's appendix defines are checked where they stand, with
/// the reference interpreter's messages: `@custom` only between fields, `@name` only right after a
/// definition's keyword (and identifier), once, `@metadata.code.branch_hint` only inside a
/// function, once per instruction. (Names and branch hints are not encoded: the `name` section
/// comes from identifiers with `debugNames`.)
extension ModuleParser {
    mutating func collectCustomSections(tokens: ClosedRange<Int>) throws(TextFormatError) {
        let annotations = cursor.text.annotations.filter { tokens.contains($0.followingToken) }
        guard !annotations.isEmpty else { return }
        let placement = AnnotationPlacement(cursor.text, fields: tokens)
        var named = Set<Int>()
        var hinted = Set<Int>()
        for annotation in annotations {
            switch String(decoding: annotation.name, as: UTF8.self) {
            case "custom":
                guard placement.isBetweenFields(annotation.followingToken) else {
                    throw annotationError("misplaced @custom annotation", annotation)
                }
                assembly.customSections.append(try parseCustomAnnotation(annotation))
            case "name":
                guard let definition = placement.definitionNamed(before: annotation.followingToken) else {
                    throw annotationError("misplaced @name annotation", annotation)
                }
                guard named.insert(annotation.followingToken).inserted else {
                    throw annotationError("@name annotation: multiple \(definition)", annotation)
                }
            case "metadata.code.branch_hint":
                guard placement.isInFunction(annotation.followingToken) else {
                    throw annotationError("@metadata.code.branch_hint annotation: not in a function", annotation)
                }
                guard hinted.insert(annotation.followingToken).inserted else {
                    throw annotationError("@metadata.code.branch_hint annotation: duplicate annotation", annotation)
                }
            default:
                continue
            }
        }
    }

    private func annotationError(_ message: String, _ annotation: Annotation) -> TextFormatError {
        SourcePosition.error(message, at: annotation.offset, in: cursor.text.source)
    }

    private func parseCustomAnnotation(_ annotation: Annotation) throws(TextFormatError) -> CustomSectionText {
        let items = Array(cursor.text.annotationTokens[annotation.tokens])
        let source = cursor.text
        func failure(_ detail: String, _ token: Token?) -> TextFormatError {
            if let token { return source.error("@custom annotation: \(detail)", at: token) }
            return SourcePosition.error("@custom annotation: \(detail)", at: annotation.offset, in: source.source)
        }
        var position = 0
        guard let nameToken = items.first, nameToken.kind == .string else {
            throw failure("missing section name", items.first)
        }
        let name = source.strings[Int(nameToken.value)]
        guard Lexer.isValidUTF8(name) else { throw failure("malformed UTF-8 encoding", nameToken) }
        position = 1
        var placement = CustomSectionText.Placement.afterLast
        if position < items.count, items[position].kind == .leftParen {
            let direction = position + 1 < items.count ? source.text(of: items[position + 1]) : ""
            guard direction == "before" || direction == "after" else {
                throw failure("malformed placement", items[min(position + 1, items.count - 1)])
            }
            guard position + 3 < items.count, items[position + 2].kind == .keyword,
                items[position + 3].kind == .rightParen
            else { throw failure("malformed section kind", items[min(position + 2, items.count - 1)]) }
            let section = source.text(of: items[position + 2])
            let sectionIds: [String: UInt8] = [
                "type": 1, "import": 2, "func": 3, "table": 4, "memory": 5, "tag": 13, "global": 6, "export": 7,
                "start": 8, "elem": 9, "datacount": 12, "code": 10, "data": 11,
            ]
            switch (direction, section) {
            case ("before", "first"): placement = .beforeFirst
            case ("after", "last"): placement = .afterLast
            case ("before", _):
                guard let id = sectionIds[section] else { throw failure("malformed section kind", items[position + 2]) }
                placement = .before(id)
            case ("after", _):
                guard let id = sectionIds[section] else { throw failure("malformed section kind", items[position + 2]) }
                placement = .after(id)
            default:
                throw failure("malformed placement", items[position + 1])
            }
            position += 4
        }
        var contents: [UInt8] = []
        while position < items.count {
            guard items[position].kind == .string else { throw failure("unexpected token", items[position]) }
            contents.append(contentsOf: source.strings[Int(items[position].value)])
            position += 1
        }
        return CustomSectionText(name: name, placement: placement, contents: contents)
    }
}

/// Where each regular token of a module's fields stands: between fields, or inside a function.
private struct AnnotationPlacement {
    let text: TokenizedSource
    let fields: ClosedRange<Int>
    /// For each token of `fields`, its nesting depth before it (0: between fields), and whether it
    /// lies inside a `func` field.
    private var depths: [Int] = []
    private var inFunction: [Bool] = []

    init(_ text: TokenizedSource, fields: ClosedRange<Int>) {
        self.text = text
        self.fields = fields
        var depth = 0
        var isFunction = false
        for index in fields {
            let token = text.tokens[index]
            if depth == 0 {
                isFunction =
                    token.kind == .leftParen && index + 1 < text.tokens.count && text.tokens[index + 1].keyword == .func
            }
            depths.append(depth)
            inFunction.append(depth > 0 && isFunction)
            switch token.kind {
            case .leftParen: depth += 1
            case .rightParen: depth = max(depth - 1, 0)
            default: break
            }
        }
    }

    func isBetweenFields(_ index: Int) -> Bool { depths[index - fields.lowerBound] == 0 }

    func isInFunction(_ index: Int) -> Bool { inFunction[index - fields.lowerBound] }

    /// The definition whose keyword (and identifier) the token follows: `module`, or a field or
    /// parameter or local; nil when it follows anything else.
    func definitionNamed(before index: Int) -> String? {
        var keyword = index - 1
        if keyword >= 0, text.tokens[keyword].kind == .identifier { keyword -= 1 }
        guard keyword >= 1, text.tokens[keyword].kind == .keyword, text.tokens[keyword - 1].kind == .leftParen else {
            return nil
        }
        let named: Set<Keyword> = [.module, .func, .tag, .global, .table, .memory, .type, .elem, .data, .param, .local]
        let definition = text.tokens[keyword].keyword
        return named.contains(definition) ? text.text(of: text.tokens[keyword]) : nil
    }
}
