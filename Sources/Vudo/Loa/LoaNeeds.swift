/// What a module's imports need of one Loa: which functions, under which capabilities. Read from
/// the imports alone, without loading the module (`vudo inspect` prints it).

import WasmCore

public struct LoaNeed: Sendable, Hashable {
    /// The Loa's name: for an ABI module (`vudo`, `env`, `loa`), the Loa its functions resolve to.
    public let loa: String
    /// The import module names that lead to it, sorted.
    public let modules: [String]
    /// The imported function names, in import order.
    public let functions: [String]
    /// The capabilities those functions belong to in the highest registered version; empty when
    /// the Loa is not registered.
    public let capabilities: [Capability]
    /// The highest registered version, or nil when no Loa of this name is registered.
    public let version: SemanticVersion?
    /// Imports that version cannot satisfy, whatever is granted.
    public let problems: [ImportProblem]
}

/// An import that cannot be linked, and why.
public struct ImportProblem: Sendable, Hashable, CustomStringConvertible {
    public let module: String
    public let name: String
    public let reason: ImportFailure

    public var description: String { "\(module).\(name): \(reason)" }
}

extension LoaRegistry {
    /// The Loas `module` imports functions from, in order of first import, each with the functions
    /// and capabilities it needs.
    ///
    /// Each Loa is taken at its highest registered version. The ABI modules (``Loa/abiModules``)
    /// are resolved as for a Spirit granted every registered Loa with all its capabilities, the
    /// core Loa first and the others in name order; an import of theirs that nothing provides is
    /// listed under the module's own name.
    public func needs(of module: Module) -> [LoaNeed] {
        let names = [Loa.coreName] + all.map(\.name).filter { $0 != Loa.coreName }
        var grants: [LoaGrant] = []
        for name in names where !grants.contains(where: { $0.loa == name }) {
            grants.append(LoaGrant(name, capabilities: .all))
        }
        let resolver = LoaResolver(registry: self, grants: grants)
        var order: [String] = []
        var found: [String: Found] = [:]
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor, let type = module.functionType(at: typeIndex) else {
                continue
            }
            var loa = entry.module
            var capability: Capability?
            var problem: ImportFailure?
            do {
                let resolved = try resolver.resolve(module: entry.module, name: entry.name, type: type)
                loa = resolved.loa.name
                capability = resolved.function.capability
            } catch {
                if let owner = DOLABI.entry(named: entry.name), entry.module == DOLABI.moduleName {
                    loa = owner.owner
                    capability = owner.function.capability
                } else {
                    capability = get(entry.module)?.function(named: entry.name)?.capability
                }
                // An unregistered Loa shows as a missing version, not as a problem of each import.
                if case .unknownLoa = error {} else { problem = error }
            }
            if found[loa] == nil { order.append(loa) }
            found[loa, default: Found()].add(entry, capability: capability, problem: problem)
        }
        return order.map { name in
            let need = found[name] ?? Found()
            return LoaNeed(
                loa: name, modules: need.modules.sorted(), functions: need.functions,
                capabilities: need.capabilities.sorted(), version: get(name)?.version, problems: need.problems)
        }
    }
}

/// What the imports of one Loa were found to need, while ``LoaRegistry/needs(of:)`` collects it.
private struct Found {
    var modules: Set<String> = []
    var functions: [String] = []
    var capabilities: Set<Capability> = []
    var problems: [ImportProblem] = []

    mutating func add(_ entry: Import, capability: Capability?, problem: ImportFailure?) {
        modules.insert(entry.module)
        functions.append(entry.name)
        if let capability { capabilities.insert(capability) }
        if let problem { problems.append(ImportProblem(module: entry.module, name: entry.name, reason: problem)) }
    }
}
