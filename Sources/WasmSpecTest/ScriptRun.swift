import WasmCore
import WasmText

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

    /// A module defined by `(module definition ...)`, waiting for `(module instance ...)`.
    private enum Definition {
        case compiled(Module)
        case unavailable(line: Int, skipReason: SkipReason?)
    }

    private let directory: String
    /// "<folder>/<script>" of a wast2json script, for the list of known conversion defects; nil
    /// for a `.wast` script, which has no conversion.
    private let convertedScriptName: String?
    private let features: WasmFeatures
    private let textOptions: TextFormatOptions
    private let store: Store
    private var imports = Imports()
    private var current: Slot?
    private var named: [String: Slot] = [:]
    private var definitions: [String: Definition] = [:]
    private var lastDefinition: Definition?
    /// Names registered for modules that were skipped: a module importing from one of them is
    /// skipped for the same reason rather than failing to link.
    private var skippedRegistrations: [String: SkipReason] = [:]

    init(directory: String, convertedScriptName: String?, features: WasmFeatures, configuration: EngineConfiguration) {
        self.directory = directory
        self.convertedScriptName = convertedScriptName
        self.features = features
        textOptions = TextFormatOptions(features: features)
        store = Store(configuration: configuration)
        SpectestHostModule.define(in: store, imports: &imports)
    }

    func run(_ command: SpecCommand) -> CommandOutcome {
        if let convertedScriptName,
            let defect = ConversionDefects.defect(script: convertedScriptName, line: command.line)
        {
            return .skipped(.conversionDefect(defect))
        }
        switch command.body {
        case .module(let file, let name, let isDefinition):
            if isDefinition { return define(file, name: name, line: command.line) }
            return runModule(file, name: name, line: command.line)
        case .instance(let name, let moduleName):
            return instantiateDefinition(moduleName, as: name, line: command.line)
        case .notDriven(let name):
            return .skipped(.command(name))
        case .register(let asName, let moduleName):
            switch resolve(moduleName) {
            case .loaded(let instance):
                imports.define(module: asName, instance: instance)
                return .passed
            case .unavailable(let outcome):
                if case .skipped(let reason) = outcome { skippedRegistrations[asName] = reason }
                return outcome
            }
        case .action(let action):
            switch perform(action) {
            case .returned: return .passed
            case .trapped(let trap): return .failed(message: "unexpected trap", got: trap.reason.description)
            case .cannotRun(let outcome): return outcome
            }
        case .assertReturn(let action, let expected, let either):
            return assertReturn(action, expected: expected, either: either)
        case .assertTrap(let action, let text), .assertExhaustion(let action, let text):
            switch perform(action) {
            case .returned(let values):
                return .failed(message: "expected a trap", expected: text, got: describeResults(values))
            case .trapped(let trap): return .failure(expected: text, got: trap.reason.description)
            case .cannotRun(let outcome): return outcome
            }
        case .assertException(let action):
            // A wasm exception that leaves the guest ends the call with `TrapReason.exception`.
            switch perform(action) {
            case .returned(let values):
                return .failed(message: "expected an exception", got: describeResults(values))
            case .trapped(let trap):
                if case .exception = trap.reason { return .passed }
                return .failed(message: "expected an exception", got: "trap: \(trap.reason)")
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

    /// A module command defines the module (under its name, for `module instance`) and
    /// instantiates it.
    private func runModule(_ file: SpecModuleFile, name: String?, line: Int) -> CommandOutcome {
        let compiled = compile(file)
        let definition: Definition
        switch compiled {
        case .success(let module): definition = .compiled(module)
        case .failure(.unsupported(let reason)): definition = .unavailable(line: line, skipReason: reason)
        case .failure: definition = .unavailable(line: line, skipReason: nil)
        }
        lastDefinition = definition
        if let name { definitions[name] = definition }
        return install(compiled.flatMap(instantiate), name: name, line: line)
    }

    /// Makes the result of instantiating the current module (and, if named, a named one).
    private func install(_ result: Result<Instance, LoadFailure>, name: String?, line: Int) -> CommandOutcome {
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

    private func define(_ file: SpecModuleFile, name: String?, line: Int) -> CommandOutcome {
        let definition: Definition
        let outcome: CommandOutcome
        switch compile(file) {
        case .success(let module):
            definition = .compiled(module)
            outcome = .passed
        case .failure(.unsupported(let reason)):
            definition = .unavailable(line: line, skipReason: reason)
            outcome = .skipped(reason)
        case .failure(let failure):
            definition = .unavailable(line: line, skipReason: nil)
            outcome = .failed(
                message: "module failed to compile", expected: "module compiles", got: failure.description)
        }
        lastDefinition = definition
        if let name { definitions[name] = definition }
        return outcome
    }

    private func instantiateDefinition(_ moduleName: String?, as name: String?, line: Int) -> CommandOutcome {
        switch moduleName.map({ definitions[$0] }) ?? lastDefinition {
        case .compiled(let module):
            return install(instantiate(module), name: name, line: line)
        case .unavailable(let definitionLine, let skipReason):
            let slot = Slot.unavailable(line: line, skipReason: skipReason)
            current = slot
            if let name { named[name] = slot }
            if let skipReason { return .skipped(skipReason) }
            return .failed(message: "module definition (line \(definitionLine)) failed to compile")
        case nil:
            return .failed(message: "no module definition \(moduleName ?? "(last)")")
        }
    }

    /// The module's bytes: a file beside a wast2json script, or what the `.wast` parser produced.
    /// Text is read by WasmText, with the script's version of the text format.
    private func moduleBytes(_ file: SpecModuleFile, expectingMalformedText: Bool) -> Result<[UInt8], LoadFailure> {
        let parsed: Result<[UInt8], TextFormatError>
        switch file.source {
        case .file(let filename):
            guard let bytes = FileSystem.readFile(PathName.join(directory, filename)) else {
                return .failure(.unreadable(filename))
            }
            guard file.isText else { return .success(bytes) }
            let options = textOptions
            parsed = Result { () throws(TextFormatError) in try WAT.encode(bytes, options: options) }
        case .encoded(let result):
            parsed = result
        }
        switch parsed {
        case .success(let bytes):
            return .success(bytes)
        case .failure(let error):
            // The text of a proposal whose instructions the opcode table does not list yet cannot
            // be read; outside an assertion that the text is malformed, that is the proposal's
            // skip, known from the script's features.
            if !expectingMalformedText, let feature = TextFormatSupport.unreadableFeature(in: features) {
                return .failure(.unsupported(.feature(feature)))
            }
            return .failure(.malformed(error.message))
        }
    }

    private func compile(_ file: SpecModuleFile, expectingMalformedText: Bool = false) -> Result<Module, LoadFailure> {
        let bytes: [UInt8]
        switch moduleBytes(file, expectingMalformedText: expectingMalformedText) {
        case .success(let encoded): bytes = encoded
        case .failure(let failure): return .failure(failure)
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
        for entry in module.imports where imports.lookup(module: entry.module, name: entry.name) == nil {
            if let reason = skippedRegistrations[entry.module] { return .failure(.unsupported(reason)) }
        }
        do {
            return .success(try store.instantiate(module, imports: imports))
        } catch {
            return .failure(LoadFailure(error))
        }
    }

    /// `assert_malformed` must fail in decoding, `assert_invalid` in validation, each with the
    /// suite's text.
    private func assertRejected(_ file: SpecModuleFile, malformed: Bool) -> CommandOutcome {
        switch compile(file, expectingMalformedText: malformed) {
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
        let wanted = wantsLinkError ? "link error" : "trap during instantiation"
        switch compile(file).flatMap(instantiate) {
        case .success:
            return .failed(message: "module was instantiated", expected: "\(wanted): \(file.text)", got: "instance")
        case .failure(.unlinkable(let message)) where wantsLinkError:
            return .failure(expected: file.text, got: message)
        case .failure(.trapped(let message)) where !wantsLinkError:
            return .failure(expected: file.text, got: message)
        case .failure(.unsupported(let reason)):
            return .skipped(reason)
        case .failure(let failure):
            return .failed(
                message: "wrong kind of failure", expected: "\(wanted): \(file.text)", got: failure.description)
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
            for argument in argumentsJSON {
                switch argument {
                case .json(let json):
                    do {
                        arguments.append(try ValueParser.argument(json))
                    } catch {
                        return .cannotRun(.failed(message: "bad argument: \(error.message)"))
                    }
                case .wast(let value):
                    do {
                        arguments.append(try WastValueConversion.argument(value))
                    } catch {
                        return .cannotRun(Self.outcome(error, what: "argument"))
                    }
                }
            }
            // The store expects well-typed arguments; a mismatch is a script or export bug, not a trap.
            let parameters = store.functionType(function).parameters
            if arguments.count == parameters.count {
                arguments = zip(arguments, parameters).map { adapt($0, to: $1) }
            }
            guard arguments.count == parameters.count,
                zip(arguments, parameters).allSatisfy({ store.accepts($0, as: $1) })
            else {
                return .cannotRun(
                    .failed(
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

    /// A null argument as the null of the parameter's hierarchy: the script's `ref.null $t` does
    /// not say which hierarchy `$t` is in.
    private func adapt(_ argument: Value, to parameter: ValueType) -> Value {
        guard argument.isNull, case .ref = parameter, !store.accepts(argument, as: parameter) else { return argument }
        let nulls: [Value] = [.funcref(nil), .externref(nil), .anyref(nil), .exnref(nil)]
        return nulls.first { store.accepts($0, as: parameter) } ?? argument
    }

    private static func outcome(_ refusal: WastValueConversion.Refusal, what: String) -> CommandOutcome {
        switch refusal {
        case .unsupported(let feature): .skipped(.feature(feature))
        case .malformed(let message): .failed(message: "bad \(what): \(message)")
        }
    }

    private func assertReturn(_ action: SpecAction, expected results: [SpecResult], either: Bool) -> CommandOutcome {
        var expectedValues: [ExpectedValue] = []
        expectedValues.reserveCapacity(results.count)
        for result in results {
            switch result {
            case .json(let json):
                do {
                    expectedValues.append(try ValueParser.expected(json))
                } catch {
                    return .failed(message: "bad expected value: \(error.message)")
                }
            case .wast(let pattern):
                do {
                    expectedValues.append(try WastValueConversion.expected(pattern))
                } catch {
                    return Self.outcome(error, what: "expected value")
                }
            }
        }
        let expected: ExpectedResults = either ? .either(expectedValues) : .values(expectedValues)
        switch perform(action) {
        case .returned(let values):
            if ValueMatching.matches(values, expected) { return .passed }
            let wanted = expectedValues.map(\.description).joined(separator: either ? " | " : ", ")
            return .failed(message: "wrong results", expected: wanted, got: describeResults(values))
        case .trapped(let trap):
            return .failed(
                message: "unexpected trap", expected: expectedValues.map(\.description).joined(separator: ", "),
                got: "trap: \(trap.reason.description)")
        case .cannotRun(let outcome):
            return outcome
        }
    }

    private func describeResults(_ values: [Value]) -> String {
        values.isEmpty ? "(no results)" : values.map(describe).joined(separator: ", ")
    }
}
