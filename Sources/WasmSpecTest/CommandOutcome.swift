import WasmCore

/// What became of one command.
enum CommandOutcome {
    /// `mismatch` holds the expected and actual failure texts when the right kind of failure
    /// happened with a different message.
    case passed(mismatch: (expected: String, got: String)?)
    case failed(message: String, expected: String? = nil, got: String? = nil)
    case skipped(reason: String)

    static let pass = CommandOutcome.passed(mismatch: nil)

    /// A pass that notes whether the failure text agrees with the reference interpreter's.
    /// The texts are matched loosely: the reference wording is often longer or shorter.
    static func pass(expectedText: String, got: String) -> CommandOutcome {
        if expectedText.isEmpty || got.contains(expectedText) || expectedText.hasPrefix(got) && !got.isEmpty {
            return .pass
        }
        return .passed(mismatch: (expectedText, got))
    }
}

/// Why a module could not be compiled or instantiated.
enum LoadFailure: Error, CustomStringConvertible {
    case unreadable(String)
    case malformed(String)
    case invalid(String)
    case unlinkable(String)
    case trapped(String)
    case unsupported(String)
    case other(String)

    var message: String {
        switch self {
        case .unreadable(let m), .malformed(let m), .invalid(let m), .unlinkable(let m),
             .trapped(let m), .unsupported(let m), .other(let m): m
        }
    }

    var description: String {
        switch self {
        case .unreadable(let m): "cannot read module file: \(m)"
        case .malformed(let m): "malformed: \(m)"
        case .invalid(let m): "invalid: \(m)"
        case .unlinkable(let m): "link error: \(m)"
        case .trapped(let m): "trap during instantiation: \(m)"
        case .unsupported(let m): "unsupported: \(m)"
        case .other(let m): "error: \(m)"
        }
    }

    /// Sorts what `validate()` and `instantiate` may throw into the spec's failure kinds.
    init(_ error: any Error) {
        switch error {
        case let error as DecodingError: self = .malformed(error.message)
        case let error as ValidationError: self = .invalid(error.message)
        case let error as InstantiationError:
            switch error.kind {
            case .link: self = .unlinkable(error.message)
            case .trap: self = .trapped(error.message)
            case .limit: self = .other("resource limit: \(error.message)")
            }
        case let trap as Trap:
            if case .unsupported = trap.reason {
                self = .unsupported(trap.reason.description)
            } else {
                self = .trapped(trap.reason.description)
            }
        default: self = .other(String(describing: error))
        }
    }
}
