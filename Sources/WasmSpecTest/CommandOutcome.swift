import WasmCore

/// What became of one command.
enum CommandOutcome {
    case passed
    case failed(message: String, expected: String? = nil, got: String? = nil)
    case skipped(SkipReason)

    /// A failure of the right kind passes only with the text the suite expects: the reference
    /// interpreter's message, which ours may extend ("unknown function 3" for "unknown function").
    static func failure(expected: String, got: String) -> CommandOutcome {
        let wanted = RenamedMessages.current(for: expected)
        return got.hasPrefix(wanted) ? .passed : .failed(message: "wrong error message", expected: expected, got: got)
    }
}

/// Messages the reference interpreter reworded between the scripts' eras. The engine speaks the
/// WebAssembly 3.0 wording; a script of an older era (the 2.0 suite, the GC proposal's snapshot)
/// expecting the older wording of the same error gets it through this table, which is fixed in
/// advance and lists nothing but renames.
enum RenamedMessages {
    static let renames: [String: String] = [
        "global is immutable": "immutable global",
        "field is immutable": "immutable field",
        "array is immutable": "immutable array",
    ]

    static func current(for expected: String) -> String { renames[expected] ?? expected }
}

/// Why a command was not run. The list is closed: every reason is known before the command runs,
/// from the command's form or from what its module declares; nothing that happens while code runs
/// (a trap, an engine error) ever becomes a skip.
public enum SkipReason: Hashable, Sendable, CustomStringConvertible {
    /// The module uses an enabled feature this engine cannot decode and validate yet.
    case feature(WasmFeature)
    /// The module validates, but uses a feature this engine cannot run yet.
    case featureExecution(WasmFeature)
    /// A command this runner does not drive (`thread`, `wait`, `assert_malformed_custom`, ...).
    case command(String)
    /// wast2json 1.0.32 wrote a binary that says something else than the script's text, so the
    /// expected outcome does not apply to it (listed in `ConversionDefects`).
    case conversionDefect(String)

    public var description: String {
        switch self {
        case .feature(let feature): "\(feature)"
        case .featureExecution(let feature): "\(feature) execution"
        case .command(let name): "\(name) command"
        case .conversionDefect(let what): "conversion defect: \(what)"
        }
    }
}

/// Why a module could not be compiled or instantiated.
enum LoadFailure: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)
    case invalid(String)
    case unlinkable(String)
    case trapped(String)
    case unsupported(SkipReason)
    case other(String)

    var description: String {
        switch self {
        case .unreadable(let m): "cannot read module file: \(m)"
        case .malformed(let m): "malformed: \(m)"
        case .invalid(let m): "invalid: \(m)"
        case .unlinkable(let m): "link error: \(m)"
        case .trapped(let m): "trap during instantiation: \(m)"
        case .unsupported(let reason): "unsupported: \(reason)"
        case .other(let m): "error: \(m)"
        }
    }

    /// Sorts what decoding, `validate()` and `instantiate` may throw into the spec's failure kinds.
    init(_ error: any Error) {
        switch error {
        case let error as DecodingError:
            self = error.unsupportedFeature.map { .unsupported(.feature($0)) } ?? .malformed(error.message)
        case let error as ValidationError:
            self = error.unsupportedFeature.map { .unsupported(.feature($0)) } ?? .invalid(error.message)
        case let error as InstantiationError:
            switch error.kind {
            case .link: self = .unlinkable(error.message)
            case .trap: self = .trapped(error.message)
            case .limit: self = .other("resource limit: \(error.message)")
            case .unsupportedFeature:
                self = error.unsupportedFeature.map { .unsupported(.featureExecution($0)) } ?? .other(error.message)
            }
        case let trap as Trap: self = .trapped(trap.reason.description)
        default: self = .other(String(describing: error))
        }
    }
}
