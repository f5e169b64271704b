import WasmText

/// The command types of a script (wast2json's names for them), in the order reports list them.
public enum SpecCommandKind: String, Sendable, CaseIterable, Comparable {
    case module
    /// `(module instance ...)` of a `.wast` script.
    case instance
    case register
    case action
    case assertReturn = "assert_return"
    case assertTrap = "assert_trap"
    case assertExhaustion = "assert_exhaustion"
    case assertException = "assert_exception"
    case assertInvalid = "assert_invalid"
    case assertMalformed = "assert_malformed"
    case assertUnlinkable = "assert_unlinkable"
    case assertUninstantiable = "assert_uninstantiable"
    case assertMalformedCustom = "assert_malformed_custom"
    case assertInvalidCustom = "assert_invalid_custom"
    case thread
    case wait
    /// `(script ...)`, `(input ...)`, `(output ...)` of the reference interpreter.
    case meta
    /// A command type this runner does not know; counted as a failure so it is not overlooked.
    case unknown

    public static func < (lhs: Self, rhs: Self) -> Bool {
        allCases.firstIndex(of: lhs) ?? 0 < allCases.firstIndex(of: rhs) ?? 0
    }
}

/// An argument or an expected value, as the script wrote it: wast2json's JSON or a `.wast` value.
enum SpecValue: Sendable {
    case json(JSONValue)
    case wast(WastValue)
}

/// An expected result: a value, or (from `.wast` scripts) one of the patterns only results have.
enum SpecResult: Sendable {
    case json(JSONValue)
    case wast(WastResult)
}

/// An `invoke` or `get` on a module's export.
struct SpecAction: Sendable {
    enum Operation: Sendable {
        case invoke(arguments: [SpecValue])
        case get
    }
    var operation: Operation
    /// The `$name` of the target module; nil means the current module.
    var moduleName: String?
    var field: String
}

/// Where a module's bytes come from.
enum SpecModuleSource: Sendable {
    /// wast2json: a file beside the script, `.wasm`, or `.wat` for a module given as quoted text.
    case file(String)
    /// A `.wast` script: the module's binary, or why its text could not be read.
    case encoded(Result<[UInt8], TextFormatError>)
}

/// A module referred to by a command, with the text the reference interpreter gave.
struct SpecModuleFile: Sendable {
    var source: SpecModuleSource
    /// Given in the text format (a `.wat` file or a `module quote`), so the text parser reads it.
    var isText: Bool
    var text: String
}

/// One parsed command. Values stay as written until run, so a bad value fails only its own command.
struct SpecCommand: Sendable {
    enum Body: Sendable {
        /// A `definition` is compiled but not instantiated.
        case module(SpecModuleFile, name: String?, isDefinition: Bool)
        /// Instantiates a module defined earlier (the last one when `module` is nil).
        case instance(name: String?, module: String?)
        case register(as: String, moduleName: String?)
        case action(SpecAction)
        /// With `either`, the single result must match one of `expected` (relaxed SIMD).
        case assertReturn(SpecAction, expected: [SpecResult], either: Bool)
        case assertTrap(SpecAction, text: String)
        /// `assert_trap` on a module: instantiation must trap.
        case assertTrapModule(SpecModuleFile)
        case assertExhaustion(SpecAction, text: String)
        case assertException(SpecAction)
        case assertInvalid(SpecModuleFile)
        case assertMalformed(SpecModuleFile)
        case assertUnlinkable(SpecModuleFile)
        case assertUninstantiable(SpecModuleFile)
        /// A command this runner does not drive (threads, custom-section assertions, meta commands).
        case notDriven(String)
        case unknown(type: String)
    }

    var line: Int
    var kind: SpecCommandKind
    var body: Body
}

struct CommandParseError: Error, Sendable {
    var message: String
}

extension SpecCommand {
    /// The kind and line of a command, readable even when the rest of it is not.
    static func header(_ json: JSONValue) -> (kind: SpecCommandKind, line: Int) {
        let type = json["type"]?.stringValue ?? ""
        return (SpecCommandKind(rawValue: type) ?? .unknown, json["line"]?.intValue ?? 0)
    }

    init(json: JSONValue) throws(CommandParseError) {
        let (kind, line) = Self.header(json)
        self.line = line
        self.kind = kind
        switch kind {
        case .module:
            let file = SpecModuleFile(source: .file(try Self.string(json, "filename")), isText: false, text: "")
            body = .module(file, name: json["name"]?.stringValue, isDefinition: false)
        case .register:
            body = .register(as: try Self.string(json, "as"), moduleName: json["name"]?.stringValue)
        case .action:
            body = .action(try Self.action(json))
        case .assertReturn:
            if let expected = json["expected"]?.arrayValue {
                body = .assertReturn(try Self.action(json), expected: expected.map(SpecResult.json), either: false)
            } else if let alternatives = json["either"]?.arrayValue {
                body = .assertReturn(try Self.action(json), expected: alternatives.map(SpecResult.json), either: true)
            } else {
                throw CommandParseError(message: "assert_return without expected values")
            }
        case .assertTrap:
            if json["action"] != nil {
                body = .assertTrap(try Self.action(json), text: json["text"]?.stringValue ?? "")
            } else {
                body = .assertTrapModule(try Self.moduleFile(json))
            }
        case .assertExhaustion:
            body = .assertExhaustion(try Self.action(json), text: json["text"]?.stringValue ?? "")
        case .assertException:
            body = .assertException(try Self.action(json))
        case .assertInvalid:
            body = .assertInvalid(try Self.moduleFile(json))
        case .assertMalformed:
            body = .assertMalformed(try Self.moduleFile(json))
        case .assertUnlinkable:
            body = .assertUnlinkable(try Self.moduleFile(json))
        case .assertUninstantiable:
            body = .assertUninstantiable(try Self.moduleFile(json))
        case .instance, .assertMalformedCustom, .assertInvalidCustom, .thread, .wait, .meta, .unknown:
            body = .unknown(type: json["type"]?.stringValue ?? "(no type)")
        }
    }

    private static func string(_ json: JSONValue, _ key: String) throws(CommandParseError) -> String {
        guard let value = json[key]?.stringValue else { throw CommandParseError(message: "missing \"\(key)\"") }
        return value
    }

    private static func moduleFile(_ json: JSONValue) throws(CommandParseError) -> SpecModuleFile {
        let filename = try string(json, "filename")
        let isText = json["module_type"]?.stringValue == "text" || filename.hasSuffix(".wat")
        return SpecModuleFile(source: .file(filename), isText: isText, text: json["text"]?.stringValue ?? "")
    }

    private static func action(_ json: JSONValue) throws(CommandParseError) -> SpecAction {
        guard let action = json["action"] else { throw CommandParseError(message: "missing \"action\"") }
        let field = try string(action, "field")
        let moduleName = action["module"]?.stringValue
        switch action["type"]?.stringValue {
        case "invoke":
            let arguments = (action["args"]?.arrayValue ?? []).map(SpecValue.json)
            return SpecAction(operation: .invoke(arguments: arguments), moduleName: moduleName, field: field)
        case "get":
            return SpecAction(operation: .get, moduleName: moduleName, field: field)
        case let other:
            throw CommandParseError(message: "unknown action type \(other ?? "(none)")")
        }
    }
}
