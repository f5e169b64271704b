/// Why an import could not be linked; carried by ``SpiritError/unresolvedImport(module:name:reason:)``.

import WasmCore

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
    /// Module `vudo` is the DOL compiler's host ABI, which has no function of this name.
    case notInDOLABI
    /// No granted Loa has a function of this name, which `env` or `loa` would link.
    case noGrantedLoaProvides(module: String)
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
        case .notInDOLABI:
            "module 'vudo' is \(DOLABI.description), which has no function of that name"
        case .noGrantedLoaProvides(let module):
            "no granted Loa has a function of that name (module '\(module)' links the granted Loas' functions by name)"
        case .unsupportedKind(let kind): "a \(kind) cannot be imported; Loas provide functions"
        }
    }
}
