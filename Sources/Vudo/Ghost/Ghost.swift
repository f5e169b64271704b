/// A named composition of Spirits wired export-to-import, summoned into a ``Seance`` as a unit.
///
/// ```swift
/// var ghost = Ghost("pipeline")
/// ghost.add("calc", .path("calc.wasm"))
/// ghost.add("square", .path("square.wasm"))
/// ghost.wire(from: "calc", export: "multiply", to: "square", module: "calc", name: "multiply")
/// ghost.expose("square", from: "square", export: "square")
/// try await seance.summon(ghost)
/// let nine: Int32 = try await seance.invoke("pipeline", "square", Int32(3))
/// ```
///
/// The whole Ghost is checked before any of it runs (see ``Seance/summon(_:)``). Its Spirits live
/// in the Séance as `ghost.member` (`pipeline.calc`), are summoned exporters first, and are
/// released together with ``Seance/release(_:)`` of the Ghost's name.
public struct Ghost: Sendable {
    public let name: String
    public private(set) var members: [Member] = []
    public private(set) var wires: [Wire] = []
    /// The exports callable on the Ghost, by the name they are exposed under.
    public private(set) var exposed: [String: Endpoint] = [:]

    public init(_ name: String) { self.name = name }

    /// A Spirit of the Ghost: its member name, module, and options (the Séance's when nil).
    public struct Member: Sendable {
        public var name: String
        public var source: SpiritSource
        public var options: SpiritOptions?
    }

    /// A member and one of its exported functions.
    public struct Endpoint: Sendable, Hashable, CustomStringConvertible {
        public var member: String
        public var export: String
        public var description: String { "\(member).\(export)" }
    }

    /// An import of one member (`module`.`name`) linked to another member's export.
    public struct Wire: Sendable, Hashable, CustomStringConvertible {
        public var from: Endpoint
        public var importer: String
        public var module: String
        public var name: String
        public var description: String { "\(from) -> \(importer) import \(module).\(name)" }
    }

    /// Adds a member Spirit.
    public mutating func add(_ member: String, _ source: SpiritSource, options: SpiritOptions? = nil) {
        members.append(Member(name: member, source: source, options: options))
    }

    /// Links the import `module`.`name` of `importer` to `export` of `exporter`.
    public mutating func wire(from exporter: String, export: String, to importer: String, module: String, name: String)
    {
        wires.append(
            Wire(from: Endpoint(member: exporter, export: export), importer: importer, module: module, name: name))
    }

    /// Makes `export` of `member` callable on the Ghost as `name`.
    public mutating func expose(_ name: String, from member: String, export: String) {
        exposed[name] = Endpoint(member: member, export: export)
    }

    /// The session name a member lives under in a Séance.
    public func sessionName(of member: String) -> String { "\(name).\(member)" }
}

/// A Ghost living in a Séance: its Spirits' session names in summon order, and its exposed
/// exports resolved to them.
struct SummonedGhost: Sendable {
    var spirits: [String]
    var exposed: [String: Seance.ExportTarget]
}
