/// Reads the commands of a WAST script.
struct WastParser {
    var cursor: TokenCursor
    let options: TextFormatOptions
    /// Nesting of `(thread ...)` and `(either ...)`, the only recursive forms of a script; bounded
    /// so that hostile input cannot exhaust the native stack.
    var depth = 0
    static let maximumDepth = 100

    init(cursor: TokenCursor, options: TextFormatOptions) {
        self.cursor = cursor
        self.options = options
    }

    mutating func enterNested() throws(TextFormatError) {
        depth += 1
        if depth > Self.maximumDepth { throw cursor.error("nesting too deep") }
    }

    mutating func parseScript() throws(TextFormatError) -> [WastCommand] {
        // A script may also be a bare module: fields at the top level.
        if cursor.atLeftParen, cursor.peek(1).kind == .keyword, Self.isModuleField(cursor.peek(1).keyword) {
            let line = lineOfCurrent()
            let encoding = Self.capture { () throws(TextFormatError) in
                var inner = cursor
                let bytes = try ModuleParser.parseFields(&inner, options: options)
                guard inner.isAtEnd else { throw inner.unexpected() }
                return bytes
            }
            return [
                WastCommand(
                    line: line,
                    kind: .module(
                        WastModule(name: nil, isDefinition: false, form: .text, encoding: encoding, line: line)))
            ]
        }
        var commands: [WastCommand] = []
        while !cursor.isAtEnd {
            commands.append(try parseCommand())
        }
        return commands
    }

    private static func isModuleField(_ keyword: Keyword) -> Bool {
        switch keyword {
        case .type, .rec, .func, .table, .memory, .global, .tag, .import, .export, .elem, .data, .start: true
        default: false
        }
    }

    static func capture(_ body: () throws(TextFormatError) -> [UInt8]) -> Result<[UInt8], TextFormatError> {
        do {
            return .success(try body())
        } catch {
            return .failure(error)
        }
    }

    func lineOfCurrent() -> Int {
        cursor.text.line(of: cursor.current)
    }

    mutating func parseCommand() throws(TextFormatError) -> WastCommand {
        let line = lineOfCurrent()
        guard cursor.atLeftParen else { throw cursor.unexpected() }
        let head = cursor.peek(1)
        guard head.kind == .keyword else { throw cursor.unexpected(head) }
        let kind: WastCommand.Kind
        switch head.keyword {
        case .module:
            if cursor.isKeyword(.instance, at: 2) {
                cursor.position += 3
                let instance = takeName()
                let module = takeName()
                try cursor.expectRightParen()
                kind = .instance(instance: instance, module: module)
            } else {
                kind = .module(try parseModule())
            }
        case .register:
            cursor.position += 2
            let name = try cursor.expectString()
            let instance = takeName()
            try cursor.expectRightParen()
            kind = .register(as: String(decoding: name, as: UTF8.self), instance: instance)
        case .invoke, .get:
            kind = .action(try parseAction())
        case .assertReturn:
            cursor.position += 2
            let action = try parseAction()
            var results: [WastResult] = []
            while !cursor.atRightParen { results.append(try parseResult()) }
            try cursor.expectRightParen()
            kind = .assertReturn(action, results)
        case .assertTrap:
            cursor.position += 2
            if cursor.isParenthesized(.module) {
                let module = try parseModule()
                kind = .assertUninstantiable(module, message: try parseMessage())
            } else {
                let action = try parseAction()
                kind = .assertTrap(action, message: try parseMessage())
            }
        case .assertExhaustion:
            cursor.position += 2
            let action = try parseAction()
            kind = .assertExhaustion(action, message: try parseMessage())
        case .assertException:
            cursor.position += 2
            let action = try parseAction()
            try cursor.expectRightParen()
            kind = .assertException(action)
        case .assertUninstantiable, .assertInvalid, .assertMalformed, .assertUnlinkable, .assertMalformedCustom,
            .assertInvalidCustom:
            cursor.position += 2
            let module = try parseModule()
            let message = try parseMessage()
            switch head.keyword {
            case .assertUninstantiable: kind = .assertUninstantiable(module, message: message)
            case .assertInvalid: kind = .assertInvalid(module, message: message)
            case .assertMalformed: kind = .assertMalformed(module, message: message)
            case .assertUnlinkable: kind = .assertUnlinkable(module, message: message)
            case .assertMalformedCustom: kind = .assertMalformedCustom(module, message: message)
            default: kind = .assertInvalidCustom(module, message: message)
            }
        case .assertReturnCanonicalNan, .assertReturnArithmeticNan:
            // The old spelling of `(assert_return action (fNN.const nan:...))`.
            cursor.position += 2
            let action = try parseAction()
            try cursor.expectRightParen()
            let nan: WastNaN = head.keyword == .assertReturnCanonicalNan ? .canonical : .arithmetic
            kind = .assertReturn(action, [.either([.f32NaN(nan), .f64NaN(nan)])])
        case .thread:
            kind = try parseThread()
        case .wait:
            cursor.position += 2
            let name = takeName() ?? ""
            try cursor.expectRightParen()
            kind = .wait(thread: name)
        case .script, .input, .output:
            kind = .meta(cursor.text.text(of: head))
            try cursor.skipParenthesized()
        default:
            throw cursor.unexpected(head)
        }
        return WastCommand(line: line, kind: kind)
    }

    /// `$name`, with the `$`.
    private mutating func takeName() -> String? {
        guard let name = cursor.takeIdentifier() else { return nil }
        return "$" + cursor.displayName(name)
    }

    private mutating func parseMessage() throws(TextFormatError) -> String {
        let message = try cursor.expectString()
        try cursor.expectRightParen()
        return String(decoding: message, as: UTF8.self)
    }

    /// `(thread $name (shared (module $m))* command*)`.
    private mutating func parseThread() throws(TextFormatError) -> WastCommand.Kind {
        try enterNested()
        defer { depth -= 1 }
        cursor.position += 2
        let name = takeName() ?? ""
        var shared: [String] = []
        while cursor.isParenthesized(.shared) {
            cursor.position += 2
            try cursor.expectLeftParen()
            try cursor.expectKeyword(.module)
            if let module = takeName() { shared.append(module) }
            try cursor.expectRightParen()
            try cursor.expectRightParen()
        }
        var commands: [WastCommand] = []
        while !cursor.atRightParen {
            guard !cursor.isAtEnd else { throw cursor.unexpected() }
            commands.append(try parseCommand())
        }
        try cursor.expectRightParen()
        return .thread(name: name, sharedModules: shared, commands: commands)
    }

    // MARK: Modules

    /// `(module definition? $name? field*)`, `(module ... binary "..."*)`, `(module ... quote "..."*)`.
    mutating func parseModule() throws(TextFormatError) -> WastModule {
        let line = lineOfCurrent()
        let open = cursor.current
        guard cursor.takeParenthesized(.module) else { throw cursor.unexpected() }
        let isDefinition = cursor.take(.definition)
        let name = takeName()
        if cursor.take(.binary) {
            var bytes: [UInt8] = []
            while cursor.current.kind == .string { bytes.append(contentsOf: try cursor.expectString()) }
            try cursor.expectRightParen()
            return WastModule(
                name: name, isDefinition: isDefinition, form: .binary, encoding: .success(bytes), line: line)
        }
        if cursor.take(.quote) {
            var text: [UInt8] = []
            while cursor.current.kind == .string { text.append(contentsOf: try cursor.expectString()) }
            try cursor.expectRightParen()
            let options = options
            let encoding = Self.capture { () throws(TextFormatError) in
                var inner = TokenCursor(try Lexer.tokenize(text))
                let bytes = try ModuleText.parseModule(&inner, options: options)
                guard inner.isAtEnd else { throw inner.unexpected() }
                return bytes
            }
            return WastModule(name: name, isDefinition: isDefinition, form: .quote, encoding: encoding, line: line)
        }
        let options = options
        var inner = cursor
        let encoding = Self.capture { () throws(TextFormatError) in
            let bytes = try ModuleParser.parseFields(&inner, options: options)
            guard inner.atRightParen else { throw inner.unexpected() }
            return bytes
        }
        // Whatever happened inside, the script goes on after the module's `)`.
        guard open.value >= 0 else { throw cursor.unexpected(cursor.endToken) }
        cursor.position = Int(open.value)
        cursor.advance()
        return WastModule(name: name, isDefinition: isDefinition, form: .text, encoding: encoding, line: line)
    }

    // MARK: Actions

    mutating func parseAction() throws(TextFormatError) -> WastAction {
        try cursor.expectLeftParen()
        let head = cursor.next()
        let instance = takeName()
        let field = String(decoding: try cursor.expectName(), as: UTF8.self)
        switch head.kind == .keyword ? head.keyword : .notAKeyword {
        case .invoke:
            var arguments: [WastValue] = []
            while !cursor.atRightParen { arguments.append(try parseValue()) }
            try cursor.expectRightParen()
            return .invoke(instance: instance, field: field, arguments: arguments)
        case .get:
            try cursor.expectRightParen()
            return .get(instance: instance, field: field)
        default:
            throw cursor.unexpected(head)
        }
    }
}
