/// `(@custom "name" (before|after section)? "contents"*)` annotations between module fields become
/// custom sections.
extension ModuleParser {
    mutating func collectCustomSections(tokens: ClosedRange<Int>) throws(TextFormatError) {
        for annotation in cursor.text.annotations
        where annotation.name == Array("custom".utf8) && tokens.contains(annotation.followingToken) {
            assembly.customSections.append(try parseCustomAnnotation(annotation))
        }
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
            guard position + 3 < items.count, items[position + 1].kind == .keyword,
                items[position + 2].kind == .keyword, items[position + 3].kind == .rightParen
            else { throw failure("malformed placement", items[position]) }
            let direction = source.text(of: items[position + 1])
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
