import WasmCore

/// Runs the commands of one script against its own store.
final class ScriptRun {
    /// A module slot: an instance, or a note that loading it failed (so later commands can say why).
    private enum Slot {
        case loaded(Instance)
        case unavailable(line: Int, skipReason: SkipReason?)
    }

    private enum ActionResult {
        case returned([Value])
        case trapped(Trap)
        case cannotRun(CommandOutcome)
    }

    private let directory: String
    /// "<folder>/<script>", for the list of known conversion defects.
    private let scriptName: String
    private let features: WasmFeatures
    private let store: Store
    private var imports = Imports()
    private var current: Slot?
    private var named: [String: Slot] = [:]

    init(directory: String, scriptName: String, features: WasmFeatures, configuration: EngineConfiguration) {
        self.directory = directory
        self.scriptName = scriptName
        self.features = features
        store = Store(configuration: configuration)
        SpectestHostModule.define(in: store, imports: &imports)
    }

    func run(_ command: SpecCommand) -> CommandOutcome {
        if let defect = ConversionDefects.defect(script: scriptName, line: command.line) {
            return .skipped(.conversionDefect(defect))
        }
        switch command.body {
        case .module(let filename, let name):
            return runModule(filename: filename, name: name, line: command.line)
        case .register(let asName, let moduleName):
            switch resolve(moduleName) {
            case .loaded(let instance):
                imports.define(module: asName, instance: instance)
                return .passed
            case .unavailable(let outcome):
                return outcome
            }
        case .action(let action):
            switch perform(action) {
            case .returned: return .passed
            case .trapped(let trap): return .failed(message: "unexpected trap", got: trap.reason.description)
            case .cannotRun(let outcome): return outcome
            }
        case .assertReturn(let action, let expected, let either):
            return assertReturn(action, expectedJSON: expected, either: either)
        case .assertTrap(let action, let text), .assertExhaustion(let action, let text):
            switch perform(action) {
            case .returned(let values):
                return .failed(message: "expected a trap", expected: text, got: describeResults(values))
            case .trapped(let trap): return .failure(expected: text, got: trap.reason.description)
            case .cannotRun(let outcome): return outcome
            }
        case .assertException(let action):
            // Exception handling is not implemented, so no module that throws ever loads: the
            // action resolves to that module's skip. Anything else is a failure.
            switch perform(action) {
            case .returned(let values):
                return .failed(message: "expected an exception", got: describeResults(values))
            case .trapped(let trap): return .failed(message: "expected an exception", got: "trap: \(trap.reason)")
            case .cannotRun(let outcome): return outcome
            }
        case .assertInvalid(let file):
            return assertRejected(file, malformed: false)
        case .assertMalformed(let file):
            return assertRejected(file, malformed: true)
        case .assertUnlinkable(let file):
            return assertInstantiationFails(file, wantsLinkError: true)
        case .assertUninstantiable(let file), .assertTrapModule(let file):
            return assertInstantiationFails(file, wantsLinkError: false)
        case .unknown(let type):
            return .failed(message: "unknown command type \"\(type)\"")
        }
    }

    // MARK: Modules

    private func runModule(filename: String, name: String?, line: Int) -> CommandOutcome {
        let result = compile(filename).flatMap(instantiate)
        let slot: Slot
        let outcome: CommandOutcome
        switch result {
        case .success(let instance):
            slot = .loaded(instance)
            outcome = .passed
        case .failure(.unsupported(let reason)):
            slot = .unavailable(line: line, skipReason: reason)
            outcome = .skipped(reason)
        case .failure(let failure):
            slot = .unavailable(line: line, skipReason: nil)
            outcome = .failed(message: "module failed to load", expected: "module loads", got: failure.description)
        }
        current = slot
        if let name { named[name] = slot }
        return outcome
    }

    private func compile(_ filename: String) -> Result<Module, LoadFailure> {
        guard let bytes = FileSystem.readFile(PathName.join(directory, filename)) else {
            return .failure(.unreadable(filename))
        }
        do {
            let module = try Module(bytes: bytes, features: features)
            try module.validate()
            return .success(module)
        } catch {
            return .failure(LoadFailure(error))
        }
    }

    private func instantiate(_ module: Module) -> Result<Instance, LoadFailure> {
        do {
            return .success(try store.instantiate(module, imports: imports))
        } catch {
            return .failure(LoadFailure(error))
        }
    }

    /// `assert_malformed` must fail in decoding, `assert_invalid` in validation, each with the
    /// suite's text.
    private func assertRejected(_ file: SpecModuleFile, malformed: Bool) -> CommandOutcome {
        if file.isText { return .skipped(.textFormat) }
        switch compile(file.filename) {
        case .success: return .failed(message: "module was accepted", expected: file.text, got: "valid module")
        case .failure(.malformed(let message)) where malformed:
            return .failure(expected: file.text, got: message)
        case .failure(.invalid(let message)) where !malformed:
            return .failure(expected: file.text, got: message)
        case .failure(.unsupported(let reason)):
            return .skipped(reason)
        case .failure(let failure):
            return .failed(message: "wrong kind of failure", expected: file.text, got: failure.description)
        }
    }

    private func assertInstantiationFails(_ file: SpecModuleFile, wantsLinkError: Bool) -> CommandOutcome {
        if file.isText { return .skipped(.textFormat) }
        let wanted = wantsLinkError ? "link error" : "trap during instantiation"
        switch compile(file.filename).flatMap(instantiate) {
        case .success:
            return .failed(message: "module was instantiated", expected: "\(wanted): \(file.text)", got: "instance")
        case .failure(.unlinkable(let message)) where wantsLinkError:
            return .failure(expected: file.text, got: message)
        case .failure(.trapped(let message)) where !wantsLinkError:
            return .failure(expected: file.text, got: message)
        case .failure(.unsupported(let reason)):
            return .skipped(reason)
        case .failure(let failure):
            return .failed(message: "wrong kind of failure", expected: "\(wanted): \(file.text)", got: failure.description)
        }
    }

    // MARK: Actions

    private enum Resolution {
        case loaded(Instance)
        case unavailable(CommandOutcome)
    }

    private func resolve(_ moduleName: String?) -> Resolution {
        let slot = moduleName.map { named[$0] } ?? current
        switch slot {
        case .loaded(let instance):
            return .loaded(instance)
        case .unavailable(let line, let skipReason):
            if let skipReason { return .unavailable(.skipped(skipReason)) }
            let which = moduleName.map { "module \($0)" } ?? "current module"
            return .unavailable(.failed(message: "\(which) (line \(line)) failed to load"))
        case nil:
            return .unavailable(.failed(message: "no module \(moduleName ?? "(current)") defined"))
        }
    }

    private func perform(_ action: SpecAction) -> ActionResult {
        let instance: Instance
        switch resolve(action.moduleName) {
        case .loaded(let loaded): instance = loaded
        case .unavailable(let outcome): return .cannotRun(outcome)
        }
        let export = instance.export(action.field)
        switch action.operation {
        case .get:
            guard case .global(let global) = export else {
                return .cannotRun(.failed(message: "no exported global \"\(action.field)\""))
            }
            return .returned([store.globalValue(global)])
        case .invoke(let argumentsJSON):
            guard case .function(let function) = export else {
                return .cannotRun(.failed(message: "no exported function \"\(action.field)\""))
            }
            var arguments: [Value] = []
            arguments.reserveCapacity(argumentsJSON.count)
            for json in argumentsJSON {
                do {
                    arguments.append(try ValueParser.argument(json))
                } catch {
                    return .cannotRun(.failed(message: "bad argument: \(error.message)"))
                }
            }
            // The store expects well-typed arguments; a mismatch is a script or export bug, not a trap.
            let parameters = store.functionType(function).parameters
            guard parameters == arguments.map(\.type) else {
                return .cannotRun(.failed(
                    message: "arguments do not match the function type",
                    expected: parameters.map(\.description).joined(separator: " "),
                    got: arguments.map(\.type.description).joined(separator: " ")))
            }
            do {
                return .returned(try store.invoke(function, arguments))
            } catch {
                return .trapped(error)
            }
        }
    }

    private func assertReturn(_ action: SpecAction, expectedJSON: [JSONValue], either: Bool) -> CommandOutcome {
        var expectedValues: [ExpectedValue] = []
        expectedValues.reserveCapacity(expectedJSON.count)
        for json in expectedJSON {
            do {
                expectedValues.append(try ValueParser.expected(json))
            } catch {
                return .failed(message: "bad expected value: \(error.message)")
            }
        }
        let expected: ExpectedResults = either ? .either(expectedValues) : .values(expectedValues)
        switch perform(action) {
        case .returned(let values):
            if ValueMatching.matches(values, expected) { return .passed }
            let wanted = expectedValues.map(\.description).joined(separator: either ? " | " : ", ")
            return .failed(message: "wrong results", expected: wanted, got: describeResults(values))
        case .trapped(let trap):
            return .failed(message: "unexpected trap", expected: expectedValues.map(\.description).joined(separator: ", "),
                           got: "trap: \(trap.reason.description)")
        case .cannotRun(let outcome):
            return outcome
        }
    }

    private func describeResults(_ values: [Value]) -> String {
        values.isEmpty ? "(no results)" : values.map(describe).joined(separator: ", ")
    }
}
