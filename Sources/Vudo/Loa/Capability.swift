/// A permission a Loa's host functions are grouped under, such as the core Loa's `print` or an
/// `http` Loa's `fetch`. A Spirit may import a function only when its options grant the function's
/// capability for that Loa (see ``LoaGrant``).
///
/// Capability names are scoped by their Loa: `print` of `core` and `print` of another Loa are
/// granted separately.
public struct Capability: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let name: String

    public init(_ name: String) { self.name = name }
    public init(stringLiteral name: String) { self.name = name }

    public var description: String { name }

    public static func < (lhs: Capability, rhs: Capability) -> Bool { lhs.name < rhs.name }
}

extension Capability {
    /// Core: `vudo_print`, `vudo_println`, `vudo_log`, `vudo_error`.
    public static let print: Capability = "print"
    /// Core: `vudo_alloc`, `vudo_free`, `vudo_realloc`.
    public static let alloc: Capability = "alloc"
    /// Core: `vudo_now`, `vudo_monotonic_now`.
    public static let time: Capability = "time"
    /// Core: `vudo_random`, `vudo_random_bytes`.
    public static let random: Capability = "random"
    /// Core: `vudo_debug`, `vudo_assert`, `vudo_panic`, `vudo_abort`.
    public static let debug: Capability = "debug"
    /// Core: `vudo_emit_effect`.
    public static let effects: Capability = "effects"
}
