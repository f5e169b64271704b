/// Why a ``Seance`` operation failed.
public enum SeanceError: Error, Sendable, CustomStringConvertible {
    /// The Séance was dismissed; nothing can be done with it any more.
    case dismissed
    /// A Spirit (or Ghost) of this name is in the Séance already.
    case duplicateName(String)
    /// The name belongs to the host or to a Loa Spirits import from (`host`, `messaging`,
    /// `state`, the core Loa's modules).
    case reservedName(String)
    /// The name is longer than ``MessageBus/maximumNameLength`` UTF-8 bytes, the DOL ABI's cap on
    /// a sender's name.
    case nameTooLong(String)
    /// No Spirit (or Ghost) of this name is in the Séance.
    case unknownSpirit(String)
    /// Loading the Spirit named `spirit` failed.
    case summon(spirit: String, SpiritError)
    /// An import naming another Spirit of the Séance does not fit that Spirit's exports.
    case crossSpiritImport(spirit: String, module: String, name: String, reason: String)
    /// A call into the Spirit named `spirit` failed.
    case call(spirit: String, SpiritError)
    /// A cross-Spirit import was called after the Spirit exporting it was released.
    case released(String)
    /// A cross-Spirit call would re-enter a Spirit that is already running in this call chain
    /// (A calls B, which calls A). Refused rather than deadlocked; `chain` names the Spirits.
    case reentrantCall(chain: [String])
    /// A Ghost failed validation; nothing of it was summoned. Every problem is listed.
    case invalidGhost(name: String, problems: [String])

    public var description: String {
        switch self {
        case .dismissed: "the séance was dismissed"
        case .duplicateName(let name): "a spirit named '\(name)' is already summoned"
        case .reservedName(let name): "'\(name)' is reserved and cannot name a spirit"
        case .nameTooLong(let name):
            "a spirit's name has at most \(MessageBus.maximumNameLength) bytes; '\(name.prefix(32))...' has \(name.utf8.count)"
        case .unknownSpirit(let name): "no spirit named '\(name)' in this séance"
        case .summon(let spirit, let error): "cannot summon '\(spirit)': \(error)"
        case .crossSpiritImport(let spirit, let module, let name, let reason):
            "'\(spirit)' cannot import \(module).\(name): \(reason)"
        case .call(let spirit, let error): "\(spirit): \(error)"
        case .released(let name): "the spirit '\(name)' was released"
        case .reentrantCall(let chain): "re-entrant call: " + chain.joined(separator: " -> ")
        case .invalidGhost(let name, let problems):
            "ghost '\(name)' is invalid:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
        }
    }
}
