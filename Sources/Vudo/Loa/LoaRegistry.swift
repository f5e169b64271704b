/// The Loas Spirits can be linked against, by name and version. Several versions of one Loa may
/// be registered side by side; a Spirit's ``LoaGrant`` picks the highest that fits its requirement.
///
/// A registry is a value: register Loas, then hand it to ``SpiritOptions/loas``. Every registry
/// holds the core Loa (``Loa/core``), which cannot be removed, and starts with the messaging Loa
/// (``Loa/messaging``).
public struct LoaRegistry: Sendable {
    /// Per name, every registered version, highest first.
    private var loas: [String: [Loa]] = [:]

    /// A registry holding the core Loa and the messaging Loa.
    public init() {
        loas[Loa.coreName] = [Loa.core]
        loas[Loa.messagingName] = [Loa.messaging]
    }

    /// Adds a Loa. Throws ``LoaRegistryError/duplicate(name:version:)`` when this name and version
    /// are registered already, ``LoaRegistryError/duplicateFunction(loa:function:)`` when the Loa
    /// declares one function name twice.
    public mutating func register(_ loa: Loa) throws(LoaRegistryError) {
        if has(loa.name, version: loa.version) { throw .duplicate(name: loa.name, version: loa.version) }
        var seen: Set<String> = []
        for function in loa.functions where !seen.insert(function.name).inserted {
            throw .duplicateFunction(loa: loa.description, function: function.name)
        }
        loas[loa.name, default: []].append(loa)
        loas[loa.name]?.sort { $0.version > $1.version }
    }

    /// The Loa with this name and version, or nil.
    public func get(_ name: String, version: SemanticVersion) -> Loa? {
        loas[name]?.first { $0.version == version }
    }

    /// The highest registered version of the Loa named `name`, or nil.
    public func get(_ name: String) -> Loa? { loas[name]?.first }

    /// Whether a Loa of this name (and, when given, this version) is registered.
    public func has(_ name: String, version: SemanticVersion? = nil) -> Bool {
        guard let version else { return loas[name] != nil }
        return get(name, version: version) != nil
    }

    /// Every registered Loa, by name, highest version first.
    public var all: [Loa] { loas.keys.sorted().flatMap { loas[$0] ?? [] } }

    /// The registered versions of the Loa named `name`, highest first.
    public func versions(of name: String) -> [SemanticVersion] { loas[name]?.map(\.version) ?? [] }

    /// Removes one version of a Loa, or every version when `version` is nil, and returns what was
    /// removed (empty when nothing matched). The core Loa cannot be removed:
    /// ``LoaRegistryError/coreCannotBeRemoved``.
    @discardableResult
    public mutating func unregister(_ name: String, version: SemanticVersion? = nil) throws(LoaRegistryError) -> [Loa] {
        if name == Loa.coreName { throw .coreCannotBeRemoved }
        guard let registered = loas[name] else { return [] }
        let removed = registered.filter { version == nil || $0.version == version }
        let kept = registered.filter { version != nil && $0.version != version }
        loas[name] = kept.isEmpty ? nil : kept
        return removed
    }

    /// The highest registered version of `name` that meets `requirement`, or nil.
    public func resolve(_ name: String, _ requirement: VersionRequirement) -> Loa? {
        loas[name]?.first { requirement.isSatisfied(by: $0.version) }
    }

    /// The highest registered version meeting a requirement such as `http ^1.2`, or nil.
    public func resolve(_ requirement: LoaRequirement) -> Loa? { resolve(requirement.name, requirement.version) }
}

/// Why a ``LoaRegistry`` change was refused.
public enum LoaRegistryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A Loa with this name and version is registered already.
    case duplicate(name: String, version: SemanticVersion)
    /// The Loa declares two functions with one name.
    case duplicateFunction(loa: String, function: String)
    /// The core Loa is part of every registry.
    case coreCannotBeRemoved

    public var description: String {
        switch self {
        case .duplicate(let name, let version): "Loa \(name) \(version) is registered already"
        case .duplicateFunction(let loa, let function): "Loa \(loa) declares the function \(function) twice"
        case .coreCannotBeRemoved: "the core Loa cannot be removed"
        }
    }
}
