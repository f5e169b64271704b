/// Which versions of a Loa a Spirit accepts, written as in Cargo and npm:
///
/// | written | accepts |
/// |---|---|
/// | `^1.2` | `>= 1.2.0, < 2.0.0` (a 0 major narrows it: `^0.2.3` is `>= 0.2.3, < 0.3.0`) |
/// | `~1.2.3` | `>= 1.2.3, < 1.3.0` (`~1` is `>= 1.0.0, < 2.0.0`) |
/// | `=1.2.3` or `1.2.3` | exactly 1.2.3 (`=1.2` is any 1.2.x) |
/// | `>=1.2` | 1.2.0 and everything later |
/// | `*` | any version |
public struct VersionRequirement: Sendable, Hashable, CustomStringConvertible {
    /// The lowest accepted version.
    public let minimum: SemanticVersion
    /// The first version no longer accepted; nil for no upper bound.
    public let limit: SemanticVersion?
    public let description: String

    private init(minimum: SemanticVersion, limit: SemanticVersion?, description: String) {
        self.minimum = minimum
        self.limit = limit
        self.description = description
    }

    /// Any version at all.
    public static let any = VersionRequirement(minimum: SemanticVersion(0), limit: nil, description: "*")

    /// `^version`: the same left-most non-zero part.
    public static func caret(_ version: SemanticVersion) -> VersionRequirement { caret(PartialVersion(version)) }
    /// `~version`: the same major and minor.
    public static func tilde(_ version: SemanticVersion) -> VersionRequirement { tilde(PartialVersion(version)) }
    /// `=version`: exactly this version.
    public static func exact(_ version: SemanticVersion) -> VersionRequirement { exact(PartialVersion(version)) }
    /// `>=version`.
    public static func atLeast(_ version: SemanticVersion) -> VersionRequirement {
        VersionRequirement(minimum: version, limit: nil, description: ">=\(version)")
    }

    /// Parses `^1.2`, `~1.2.3`, `=1.0.0`, `1.0.0` (exact), `>=1.2` or `*`; nil for anything else.
    public init?(_ text: String) {
        let text = text.trimmingSpaces
        if text == "*" {
            self = .any
            return
        }
        for (prefix, make) in Self.operators where text.hasPrefix(prefix) {
            guard let version = PartialVersion(String(text.dropFirst(prefix.count)).trimmingSpaces) else { return nil }
            self = make(version)
            return
        }
        guard let version = PartialVersion(text) else { return nil }
        self = Self.exact(version)
    }

    /// Whether `version` meets the requirement.
    public func isSatisfied(by version: SemanticVersion) -> Bool {
        version >= minimum && limit.map { version < $0 } ?? true
    }

    // `>=` before `=`, so the longer operator wins.
    private static let operators: [(String, @Sendable (PartialVersion) -> VersionRequirement)] = [
        (">=", { VersionRequirement(minimum: $0.version, limit: nil, description: ">=\($0.description)") }),
        ("^", caret), ("~", tilde), ("=", exact),
    ]

    private static func caret(_ partial: PartialVersion) -> VersionRequirement {
        let v = partial.version
        let limit =
            if v.major > 0 || partial.precision == 1 {
                v.next(at: 0)
            } else if v.minor > 0 || partial.precision == 2 {
                v.next(at: 1)
            } else {
                v.next(at: 2)
            }
        return VersionRequirement(minimum: v, limit: limit, description: "^\(partial.description)")
    }

    private static func tilde(_ partial: PartialVersion) -> VersionRequirement {
        let v = partial.version
        let limit = v.next(at: partial.precision == 1 ? 0 : 1)
        return VersionRequirement(minimum: v, limit: limit, description: "~\(partial.description)")
    }

    private static func exact(_ partial: PartialVersion) -> VersionRequirement {
        let limit = partial.version.next(at: partial.precision - 1)
        return VersionRequirement(minimum: partial.version, limit: limit, description: "=\(partial.description)")
    }
}

extension VersionRequirement: ExpressibleByStringLiteral {
    /// A literal such as `"^1.2"`; a malformed literal is a programming error and stops the program.
    public init(stringLiteral text: String) {
        guard let requirement = VersionRequirement(text) else {
            preconditionFailure("'\(text)' is not a version requirement")
        }
        self = requirement
    }
}

extension SemanticVersion {
    /// The first version after every one that shares the parts before `part` (0 major, 1 minor,
    /// 2 patch) and has `part` as here: `1.2.3.next(at: 1)` is 1.3.0. Nil past the largest version.
    func next(at part: Int) -> SemanticVersion? {
        switch part {
        case 0: major == .max ? nil : SemanticVersion(major + 1)
        case 1: minor == .max ? next(at: 0) : SemanticVersion(major, minor + 1)
        default: patch == .max ? next(at: 1) : SemanticVersion(major, minor, patch + 1)
        }
    }
}

extension String {
    /// Without leading and trailing spaces. (Through `reversed()` this took runtime type
    /// instantiation and conformance lookups in every process, for the default grants' `^1.0`.)
    var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return String(text)
    }
}
