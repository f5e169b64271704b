/// Why an import could not be linked; carried by ``SpiritError/unresolvedImport(module:name:reason:)``.
public enum ImportFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// No Loa of this name is registered.
    case unknownLoa(String)
    /// The Loa is registered, but the options grant the Spirit nothing of it.
    case loaNotGranted(String)
    /// No registered version meets the grant's requirement.
    case noCompatibleVersion(LoaRequirement, registered: [SemanticVersion])
    /// The Loa (this name and version) has no function of the import's name.
    case missingFunction(loa: String)
    /// The function's capability is not among those granted for its Loa.
    case capabilityNotGranted(Capability, loa: String)
    /// The Loa's function has another signature than the import declares.
    case signatureMismatch(expected: FunctionType, provided: FunctionType)
    /// `env`, `vudo` and `loa` lead only to the core Loa's `vudo_*` functions.
    case notACoreFunction(module: String)
    /// Loas provide functions; a Spirit may import only its memory beside them.
    case unsupportedKind(String)

    public var description: String {
        switch self {
        case .unknownLoa(let name): "no Loa named '\(name)' is registered"
        case .loaNotGranted(let name): "the Loa '\(name)' is not granted to this Spirit"
        case .noCompatibleVersion(let requirement, let registered):
            "no registered version of \(requirement.name) satisfies \(requirement.version) (registered: "
                + (registered.isEmpty ? "none" : registered.map(\.description).joined(separator: ", ")) + ")"
        case .missingFunction(let loa): "the Loa \(loa) has no function of that name"
        case .capabilityNotGranted(let capability, let loa):
            "it needs the capability '\(capability)' of \(loa), which is not granted"
        case .signatureMismatch(let expected, let provided):
            "the module expects \(expected), the Loa provides \(provided)"
        case .notACoreFunction(let module):
            "module '\(module)' provides only the core Loa's vudo_* functions"
        case .unsupportedKind(let kind): "a \(kind) cannot be imported; Loas provide functions"
        }
    }
}
