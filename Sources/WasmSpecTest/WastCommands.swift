import WasmText

/// The commands of a `.wast` script (read by WasmText) in the runner's terms, so that both script
/// formats run through the same ``ScriptRun``.
extension SpecCommand {
    static func commands(from script: WastScript) -> [SpecCommand] {
        script.commands.map(SpecCommand.init(wast:))
    }

    init(wast command: WastCommand) {
        line = command.line
        switch command.kind {
        case .module(let module):
            kind = .module
            body = .module(Self.file(module, text: ""), name: module.name, isDefinition: module.isDefinition)
        case .instance(let instance, let module):
            kind = .instance
            body = .instance(name: instance, module: module)
        case .register(let name, let instance):
            kind = .register
            body = .register(as: name, moduleName: instance)
        case .action(let action):
            kind = .action
            body = .action(Self.action(action))
        case .assertReturn(let action, let results):
            kind = .assertReturn
            // `(either ...)` as the only result: one value, matching any alternative.
            if results.count == 1, case .either(let alternatives) = results[0] {
                body = .assertReturn(Self.action(action), expected: alternatives.map(SpecResult.wast), either: true)
            } else {
                body = .assertReturn(Self.action(action), expected: results.map(SpecResult.wast), either: false)
            }
        case .assertTrap(let action, let message):
            kind = .assertTrap
            body = .assertTrap(Self.action(action), text: message)
        case .assertExhaustion(let action, let message):
            kind = .assertExhaustion
            body = .assertExhaustion(Self.action(action), text: message)
        case .assertException(let action):
            kind = .assertException
            body = .assertException(Self.action(action))
        case .assertUninstantiable(let module, let message):
            kind = .assertUninstantiable
            body = .assertTrapModule(Self.file(module, text: message))
        case .assertInvalid(let module, let message):
            kind = .assertInvalid
            body = .assertInvalid(Self.file(module, text: message))
        case .assertMalformed(let module, let message):
            kind = .assertMalformed
            body = .assertMalformed(Self.file(module, text: message))
        case .assertUnlinkable(let module, let message):
            kind = .assertUnlinkable
            body = .assertUnlinkable(Self.file(module, text: message))
        case .assertMalformedCustom(let module, let message):
            // Vudo reads custom annotations (they become custom sections), so a malformed one is
            // malformed text like any other.
            kind = .assertMalformedCustom
            body = .assertMalformed(Self.file(module, text: message))
        case .assertInvalidCustom:
            // Whether a branch hint names a branch is a check of the `metadata.code.branch_hint`
            // section, which Vudo does not encode or read: a custom section never makes a module
            // invalid in the core specification.
            kind = .assertInvalidCustom
            body = .notDriven("assert_invalid_custom")
        case .thread:
            kind = .thread
            body = .notDriven("thread")
        case .wait:
            kind = .wait
            body = .notDriven("wait")
        case .meta(let name):
            kind = .meta
            body = .notDriven(name)
        }
    }

    private static func file(_ module: WastModule, text: String) -> SpecModuleFile {
        SpecModuleFile(source: .encoded(module.encoding), isText: module.form != .binary, text: text)
    }

    private static func action(_ action: WastAction) -> SpecAction {
        switch action {
        case .invoke(let instance, let field, let arguments):
            SpecAction(operation: .invoke(arguments: arguments.map(SpecValue.wast)), moduleName: instance, field: field)
        case .get(let instance, let field):
            SpecAction(operation: .get, moduleName: instance, field: field)
        }
    }
}
