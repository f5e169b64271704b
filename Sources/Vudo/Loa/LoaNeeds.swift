/// What a module's imports need of one Loa: which functions, under which capabilities. Read from
/// the imports alone, without loading the module (`vudo inspect` prints it).
public struct LoaNeed: Sendable, Hashable {
    /// The Loa's name (`core` for the `vudo_*` functions of `env`, `vudo` and `loa`).
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
    public func needs(of module: Module) -> [LoaNeed] {
        var order: [String] = []
        var imports: [String: [(entry: Import, type: FunctionType)]] = [:]
        var problems: [String: [ImportProblem]] = [:]
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor, Int(typeIndex) < module.types.count else { continue }
            let loa: String
            do {
                loa = try LoaResolver.loaName(module: entry.module, name: entry.name)
            } catch {
                // env/vudo/loa naming something other than vudo_*: reported under the module name.
                loa = entry.module
                problems[loa, default: []].append(ImportProblem(module: entry.module, name: entry.name, reason: error))
            }
            if imports[loa] == nil { order.append(loa) }
            imports[loa, default: []].append((entry, module.types[Int(typeIndex)]))
        }
        return order.map { name in
            let entries = imports[name] ?? []
            let registered = get(name)
            var capabilities: Set<Capability> = []
            var loaProblems = problems[name] ?? []
            if let registered {
                for (entry, type) in entries where !loaProblems.contains(where: { $0.name == entry.name && $0.module == entry.module }) {
                    guard let function = registered.function(named: entry.name) else {
                        loaProblems.append(ImportProblem(module: entry.module, name: entry.name, reason: .missingFunction(loa: registered.description)))
                        continue
                    }
                    capabilities.insert(function.capability)
                    if function.type != type {
                        loaProblems.append(ImportProblem(
                            module: entry.module, name: entry.name,
                            reason: .signatureMismatch(expected: type, provided: function.type)))
                    }
                }
            }
            return LoaNeed(
                loa: name, modules: Set(entries.map(\.entry.module)).sorted(), functions: entries.map(\.entry.name),
                capabilities: capabilities.sorted(), version: registered?.version, problems: loaProblems
            )
        }
    }
}
