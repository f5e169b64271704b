/// A Loa name with the versions accepted: `http ^1.2`.
public struct LoaRequirement: Sendable, Hashable, CustomStringConvertible {
    public var name: String
    public var version: VersionRequirement

    public init(_ name: String, _ version: VersionRequirement = .any) {
        self.name = name
        self.version = version
    }

    /// Parses `http ^1.2`, `http >=1.0`, or a bare `http` (any version); nil when the name is
    /// missing or the version requirement does not parse.
    public init?(parsing text: String) {
        let trimmed = text.trimmingSpaces
        guard let space = trimmed.firstIndex(of: " ") else {
            guard !trimmed.isEmpty else { return nil }
            self.init(trimmed)
            return
        }
        guard let version = VersionRequirement(String(trimmed[space...])) else { return nil }
        self.init(String(trimmed[..<space]), version)
    }

    /// `http ^1.2`.
    public var description: String { "\(name) \(version)" }
}

/// What a Spirit may use of one Loa: the versions it may be linked against and the capabilities
/// whose functions it may import. Anything not granted is never linked, so never callable.
public struct LoaGrant: Sendable, Hashable, CustomStringConvertible {
    public var requirement: LoaRequirement
    public var capabilities: CapabilityGrant

    public init(_ loa: String, _ version: VersionRequirement = .any, capabilities: CapabilityGrant) {
        self.init(LoaRequirement(loa, version), capabilities: capabilities)
    }

    public init(_ requirement: LoaRequirement, capabilities: CapabilityGrant) {
        self.requirement = requirement
        self.capabilities = capabilities
    }

    public var loa: String { requirement.name }

    /// The core Loa 1.x with `print`, `alloc`, `time`, `random`, `debug` and `effects`: what
    /// ``SpiritOptions`` grants unless told otherwise.
    public static let core = LoaGrant(
        Loa.coreName, "^1.0", capabilities: .only([.print, .alloc, .time, .random, .debug, .effects])
    )

    /// The messaging Loa 1.x with every capability (`send`, `receive`, `broadcast`): granted by
    /// ``SpiritOptions`` unless told otherwise. It reaches only the bus of the Séance a Spirit is
    /// summoned into; a Spirit loaded alone has no one to message.
    public static let messaging = LoaGrant(Loa.messagingName, "^1.0", capabilities: .all)

    /// `http ^1.2 [fetch, post]`.
    public var description: String { "\(requirement) \(capabilities)" }
}

/// The capabilities a grant gives: all that the Loa declares, or only those listed.
public enum CapabilityGrant: Sendable, Hashable, CustomStringConvertible, ExpressibleByArrayLiteral {
    case all
    case only(Set<Capability>)

    public init(arrayLiteral capabilities: Capability...) { self = .only(Set(capabilities)) }

    public func contains(_ capability: Capability) -> Bool {
        switch self {
        case .all: true
        case .only(let granted): granted.contains(capability)
        }
    }

    /// This grant without `withheld`; `.all` is first narrowed to what `declared` lists.
    func removing(_ withheld: Set<Capability>, declared: Set<Capability>) -> CapabilityGrant {
        switch self {
        case .all: .only(declared.subtracting(withheld))
        case .only(let granted): .only(granted.subtracting(withheld))
        }
    }

    public var description: String {
        switch self {
        case .all: "[all]"
        case .only(let granted): "[" + granted.sorted().map(\.name).joined(separator: ", ") + "]"
        }
    }
}
