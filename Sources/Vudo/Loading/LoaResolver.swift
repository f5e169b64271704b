/// Finds the Loa function an import names, within what a Spirit was granted.
///
/// The module name of an import is the Loa's name; `env`, `vudo` and `loa` reach the core Loa's
/// `vudo_*` functions by field name. Each check fails with the ``ImportFailure`` naming it, in
/// this order: the Loa is registered, granted, has a version meeting the grant, has the function,
/// the function's capability is granted, and its signature matches.
struct LoaResolver {
    let registry: LoaRegistry
    let grants: [LoaGrant]

    /// The Loa and function that satisfy `module.name` of `type`.
    func resolve(module: String, name: String, type: FunctionType) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        let loaName = try Self.loaName(module: module, name: name)
        let loa = try resolveLoa(loaName)
        guard let function = loa.function(named: name) else { throw .missingFunction(loa: loa.description) }
        guard grant(for: loaName)?.capabilities.contains(function.capability) == true else {
            throw .capabilityNotGranted(function.capability, loa: loa.name)
        }
        guard function.type == type else { throw .signatureMismatch(expected: type, provided: function.type) }
        return (loa, function)
    }

    /// The granted version of the Loa named `name`.
    func resolveLoa(_ name: String) throws(ImportFailure) -> Loa {
        guard registry.has(name) else { throw .unknownLoa(name) }
        guard let grant = grant(for: name) else { throw .loaNotGranted(name) }
        guard let loa = registry.resolve(grant.requirement) else {
            throw .noCompatibleVersion(grant.requirement, registered: registry.versions(of: name))
        }
        return loa
    }

    /// The last grant for a Loa wins, so appending a grant overrides an earlier one.
    func grant(for loa: String) -> LoaGrant? { grants.last { $0.loa == loa } }

    /// The Loa an import's module name means.
    static func loaName(module: String, name: String) throws(ImportFailure) -> String {
        guard Loa.coreCompatibilityModules.contains(module) else { return module }
        guard name.hasPrefix("vudo_") else { throw .notACoreFunction(module: module) }
        return Loa.coreName
    }
}
