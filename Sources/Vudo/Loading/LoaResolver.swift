/// Finds the Loa function an import names, within what a Spirit was granted.
///
/// The module name of an import is the Loa's name, except for the ABI modules (``Loa/abiModules``):
/// `vudo` is the DOL compiler's ABI (each function covered by the core or messaging Loa's grant),
/// `env` links any granted Loa's function by name, and `loa` is `vudo` when the signature fits,
/// else `env`. Each check fails with the ``ImportFailure`` naming it, in this order: the Loa is
/// registered, granted, has a version meeting the grant, has the function, the function's
/// capability is granted, and its signature matches.

import WasmCore

struct LoaResolver {
    let registry: LoaRegistry
    let grants: [LoaGrant]

    /// The Loa and function that satisfy `module.name` of `type`. For `vudo` the Loa is the one
    /// whose grant covers the function.
    func resolve(
        module: String, name: String, type: FunctionType
    ) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        switch module {
        case DOLABI.moduleName: try resolveDOL(name, type)
        case "env": try resolveByName(name, type, module: module)
        case "loa": try resolveCompiled(name, type)
        default: try resolve(name, type, inLoa: module)
        }
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

    private func resolve(
        _ name: String, _ type: FunctionType, inLoa loaName: String
    ) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        let loa = try resolveLoa(loaName)
        guard let function = loa.function(named: name) else { throw .missingFunction(loa: loa.description) }
        try check(function, of: loa, type)
        return (loa, function)
    }

    private func check(_ function: LoaFunction, of loa: Loa, _ type: FunctionType) throws(ImportFailure) {
        guard grant(for: loa.name)?.capabilities.contains(function.capability) == true else {
            throw .capabilityNotGranted(function.capability, loa: loa.name)
        }
        guard function.type == type else { throw .signatureMismatch(expected: type, provided: function.type) }
    }

    /// `vudo`: the DOL ABI's function, if the Loa that covers it is granted with its capability.
    private func resolveDOL(
        _ name: String, _ type: FunctionType
    ) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        guard let entry = DOLABI.entry(named: name) else { throw .notInDOLABI }
        let owner = try resolveLoa(entry.owner)
        try check(entry.function, of: owner, type)
        return (owner, entry.function)
    }

    /// `env`: the function of that name of the last granted Loa that has one. `@vudo/runtime`'s
    /// loader merges its Loas into `env` in registration order, later ones winning; grants play
    /// that part here.
    private func resolveByName(
        _ name: String, _ type: FunctionType, module: String
    ) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        var seen: Set<String> = []
        for grant in grants.reversed() where seen.insert(grant.loa).inserted {
            guard let loa = registry.resolve(grant.requirement), let function = loa.function(named: name) else {
                continue
            }
            try check(function, of: loa, type)
            return (loa, function)
        }
        // Say which Loa would have provided it, when one is registered but not granted.
        if let ungranted = registry.all.first(where: { $0.function(named: name) != nil && grant(for: $0.name) == nil })
        {
            throw .loaNotGranted(ungranted.name)
        }
        throw .noGrantedLoaProvides(module: module)
    }

    /// `loa`: the compiler keeps the name a body-less `sex fun` declares and its signature, so
    /// the DOL ABI's function when the signature is the compiler's, else whatever `env` links.
    private func resolveCompiled(
        _ name: String, _ type: FunctionType
    ) throws(ImportFailure) -> (loa: Loa, function: LoaFunction) {
        guard let entry = DOLABI.entry(named: name) else { return try resolveByName(name, type, module: "loa") }
        if entry.function.type == type { return try resolveDOL(name, type) }
        do {
            return try resolveByName(name, type, module: "loa")
        } catch {
            // Neither fits: the DOL ABI's signature is the one to report.
            switch error {
            case .noGrantedLoaProvides, .signatureMismatch:
                throw .signatureMismatch(expected: type, provided: entry.function.type)
            default: throw error
            }
        }
    }
}
