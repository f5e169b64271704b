/// A Spirit ended its own call: `vudo_abort`, `vudo_panic` or a failed `vudo_assert`. Surfaces as
/// ``SpiritError/aborted(function:_:)``; the Spirit stays usable.
public struct SpiritAbort: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable {
        /// `vudo_abort(msg, msg_len, file, file_len, line)`.
        case abort
        /// `vudo_panic(ptr, len)`.
        case panic
        /// `vudo_assert(0, ptr, len)`.
        case assertion
    }

    public let kind: Kind
    public let message: String
    /// The source file the Spirit named (only `vudo_abort` gives one).
    public let file: String?
    /// The source line the Spirit named (only `vudo_abort` gives one).
    public let line: UInt32?

    public init(_ kind: Kind, message: String, file: String? = nil, line: UInt32? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    /// `aborted: index out of range at lib.dol:42`.
    public var description: String {
        let what =
            switch kind {
            case .abort: "aborted"
            case .panic: "panicked"
            case .assertion: "assertion failed"
            }
        var text = "\(what): \(message)"
        if let file {
            text += " at \(file)" + (line.map { ":\($0)" } ?? "")
        } else if let line {
            text += " at line \(line)"
        }
        return text
    }
}
