/// Checks a Ghost as a whole and orders its members, so that every problem is reported at once,
/// before anything is summoned.

import WasmCore

struct GhostPlan {
    /// Members in summon order (every exporter before its importers), with their modules.
    var order: [(member: Ghost.Member, module: Module)] = []
    var problems: [String] = []

    /// `sessionSpirits` are the names already in the Séance, which imports may reach unwired;
    /// `defaults` are the Séance's options, for members without their own.
    init(_ ghost: Ghost, sessionSpirits: Set<String>, defaults: SpiritOptions) {
        var modules: [String: Module] = [:]
        var seen: Set<String> = []
        for member in ghost.members {
            if !seen.insert(member.name).inserted { problems.append("member '\(member.name)' is declared twice") }
            do { modules[member.name] = try member.source.module() } catch {
                problems.append("member '\(member.name)' cannot be loaded: \(error)")
            }
        }
        if ghost.members.isEmpty { problems.append("the ghost has no members") }
        let known = Set(ghost.members.map(\.name))
        checkWires(ghost, modules: modules, known: known)
        checkUnwiredImports(ghost, modules: modules, known: known, sessionSpirits: sessionSpirits, defaults: defaults)
        for (exposed, endpoint) in ghost.exposed.sorted(by: { $0.key < $1.key }) {
            guard known.contains(endpoint.member) else {
                problems.append("exposed '\(exposed)' names the unknown member '\(endpoint.member)'")
                continue
            }
            if let module = modules[endpoint.member], module.exportedFunctionType(endpoint.export) == nil {
                problems.append("exposed '\(exposed)': '\(endpoint.member)' exports no function '\(endpoint.export)'")
            }
        }
        orderMembers(ghost, modules: modules)
    }

    private mutating func checkWires(_ ghost: Ghost, modules: [String: Module], known: Set<String>) {
        var wired: Set<String> = []
        for wire in ghost.wires {
            if !wired.insert("\(wire.importer) \(wire.module).\(wire.name)").inserted {
                problems.append("wire \(wire): the import is wired twice")
            }
            if !known.contains(wire.from.member) { problems.append("wire \(wire): no member '\(wire.from.member)'") }
            if !known.contains(wire.importer) { problems.append("wire \(wire): no member '\(wire.importer)'") }
            guard let exporter = modules[wire.from.member], let importer = modules[wire.importer] else { continue }
            let provided = exporter.exportedFunctionType(wire.from.export)
            let expected = importer.functionImports.first { $0.module == wire.module && $0.name == wire.name }?.type
            if provided == nil {
                problems.append("wire \(wire): '\(wire.from.member)' exports no function '\(wire.from.export)'")
            }
            if expected == nil {
                problems.append("wire \(wire): '\(wire.importer)' imports no function \(wire.module).\(wire.name)")
            }
            if let provided, let expected, provided != expected {
                problems.append("wire \(wire): the import expects \(expected), the export is \(provided)")
            }
        }
    }

    /// An import neither wired nor served by a Loa, a host function or a Spirit of the session
    /// would fail at summon time: report it now, with everything else.
    private mutating func checkUnwiredImports(
        _ ghost: Ghost, modules: [String: Module], known: Set<String>, sessionSpirits: Set<String>,
        defaults: SpiritOptions
    ) {
        let wired = Set(ghost.wires.map { "\($0.importer) \($0.module).\($0.name)" })
        for member in ghost.members {
            guard let module = modules[member.name] else { continue }
            let options = member.options ?? defaults
            for entry in module.functionImports where !wired.contains("\(member.name) \(entry.module).\(entry.name)") {
                let servedByHost =
                    options.loas.has(entry.module) || Loa.abiModules.contains(entry.module)
                    || [Loa.messagingName, StateLoa.name].contains(entry.module)
                    || options.hostFunctions.contains { $0.module == entry.module && $0.name == entry.name }
                    || sessionSpirits.contains(entry.module)
                if !servedByHost || known.contains(entry.module) {
                    problems.append(
                        "missing wire: '\(member.name)' imports \(entry.module).\(entry.name) (\(entry.type)) and nothing provides it"
                    )
                }
            }
        }
    }

    /// Exporters before importers; a cycle is a problem (imports reach only Spirits summoned
    /// before, which is also what keeps calls from deadlocking).
    private mutating func orderMembers(_ ghost: Ghost, modules: [String: Module]) {
        var remaining = ghost.members.filter { modules[$0.name] != nil }
        var placed: Set<String> = []
        while !remaining.isEmpty {
            let ready = remaining.filter { member in
                ghost.wires.allSatisfy { $0.importer != member.name || placed.contains($0.from.member) }
            }
            guard !ready.isEmpty else {
                problems.append(
                    "the wires form a cycle among " + remaining.map { "'\($0.name)'" }.joined(separator: ", "))
                return
            }
            for member in ready {
                order.append((member, modules[member.name]!))
                placed.insert(member.name)
            }
            remaining.removeAll { placed.contains($0.name) }
        }
    }
}
