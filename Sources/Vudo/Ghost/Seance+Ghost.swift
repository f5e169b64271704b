/// Summoning a ``Ghost`` into a Séance.

import WasmCore

extension Seance {
    /// Summons every member of `ghost`, exporters first, wired as declared. The Ghost is checked
    /// as a whole before any member runs: unknown members, missing exports or imports, wires of
    /// another signature, imports nothing provides, cycles and bad exposed names are all reported
    /// together in one ``SeanceError/invalidGhost(name:problems:)``. If a member then fails to
    /// instantiate, the members already summoned are released again.
    public func summon(_ ghost: Ghost) throws(SeanceError) {
        try checkOpen()
        try checkNameFree(ghost.name)
        var plan = GhostPlan(ghost, sessionSpirits: Set(spirits), defaults: defaults)
        for member in ghost.members where hasSpirit(ghost.sessionName(of: member.name)) {
            plan.problems.append("the session already has a spirit named '\(ghost.sessionName(of: member.name))'")
        }
        guard plan.problems.isEmpty else { throw .invalidGhost(name: ghost.name, problems: plan.problems) }
        var summoned: [String] = []
        do throws(SeanceError) {
            for (member, module) in plan.order {
                var wires: [ImportKey: ExportTarget] = [:]
                for wire in ghost.wires where wire.importer == member.name {
                    wires[ImportKey(module: wire.module, name: wire.name)] =
                        ExportTarget(spirit: ghost.sessionName(of: wire.from.member), export: wire.from.export)
                }
                let name = ghost.sessionName(of: member.name)
                _ = try summon(name, module: module, options: member.options ?? defaults, wires: wires)
                summoned.append(name)
            }
        } catch {
            for name in summoned.reversed() { try? release(name) }
            throw error
        }
        ghosts[ghost.name] = SummonedGhost(
            spirits: summoned,
            exposed: ghost.exposed.mapValues {
                ExportTarget(spirit: ghost.sessionName(of: $0.member), export: $0.export)
            })
    }

    /// Whether a Ghost of this name is summoned.
    public func hasGhost(_ name: String) -> Bool { ghosts[name] != nil }

    /// The session names of a Ghost's Spirits, in summon order.
    public func spirits(ofGhost name: String) throws(SeanceError) -> [String] {
        try checkOpen()
        guard let ghost = ghosts[name] else { throw .unknownSpirit(name) }
        return ghost.spirits
    }
}
