/// A semantic version, `major.minor.patch`, ordered by major, then minor, then patch.
///
/// Pre-release and build suffixes (`1.0.0-beta`, `+sha`) are not part of the Loa versioning
/// scheme and do not parse.
public struct SemanticVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var major: UInt32
    public var minor: UInt32
    public var patch: UInt32

    public init(_ major: UInt32, _ minor: UInt32 = 0, _ patch: UInt32 = 0) {
        self.major = major
        self.minor = minor
        self.patch = patch
    }

    /// Parses `1.2.3`; `1.2` and `1` are read with the missing parts 0. Nil for anything else.
    public init?(_ text: String) {
        guard let parsed = PartialVersion(text) else { return nil }
        self = parsed.version
    }

    public var description: String { "\(major).\(minor).\(patch)" }

    public static func < (lhs: SemanticVersion, rhs: SemanticVersion) -> Bool {
        (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
    }
}

extension SemanticVersion: ExpressibleByStringLiteral {
    /// A literal such as `"1.2.0"`; a malformed literal is a programming error and stops the program.
    public init(stringLiteral text: String) {
        guard let version = SemanticVersion(text) else { preconditionFailure("'\(text)' is not a semantic version") }
        self = version
    }
}

/// A version as written in a requirement: `1`, `1.2` or `1.2.3`. How many parts were given
/// decides what `^` and `~` allow.
struct PartialVersion: Sendable, Hashable {
    var version: SemanticVersion
    /// 1, 2 or 3.
    var precision: Int

    init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [UInt32] = []
        for part in parts {
            // UInt32("+1") would accept the sign; versions are plain digits.
            guard !part.isEmpty, part.allSatisfy(\.isASCII), part.allSatisfy(\.isNumber), let number = UInt32(part)
            else { return nil }
            numbers.append(number)
        }
        while numbers.count < 3 { numbers.append(0) }
        version = SemanticVersion(numbers[0], numbers[1], numbers[2])
        precision = parts.count
    }

    init(_ version: SemanticVersion, precision: Int = 3) {
        self.version = version
        self.precision = precision
    }

    var description: String {
        [version.major, version.minor, version.patch].prefix(precision).map(String.init).joined(separator: ".")
    }
}
