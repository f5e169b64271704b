/// Where a Spirit's debug log lines go. Replace it to capture them (tests, an app's own log).
public struct SpiritLogger: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    public func log(_ message: String) { sink(message) }

    /// Writes each line to standard error.
    public static let standardError = SpiritLogger { message in
        writeText(message + "\n", toDescriptor: 2)
    }

    /// Drops everything.
    public static let silent = SpiritLogger { _ in }
}

/// Where text a Spirit prints goes: one call per print.
///
/// A sink made with ``init(_:)`` receives each printed text without a line ending. The DOL ABI
/// tells `vudo_print` (no newline) from `vudo_println`; a sink made with ``raw(_:)``, such as
/// ``standardOutput``, receives exactly the characters, so the two differ there, while every
/// other print ends its line.
public struct OutputSink: Sendable {
    private let sink: @Sendable (_ text: String, _ endsLine: Bool) -> Void

    /// A sink receiving each printed text, without a line ending.
    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = { text, _ in sink(text) } }

    private init(writing sink: @escaping @Sendable (_ text: String, _ endsLine: Bool) -> Void) { self.sink = sink }

    /// A sink receiving exactly what is printed: each text, followed by `"\n"` when the print
    /// ends a line (every print except the DOL ABI's `vudo_print`).
    public static func raw(_ sink: @escaping @Sendable (String) -> Void) -> OutputSink {
        OutputSink(writing: { text, endsLine in sink(endsLine ? text + "\n" : text) })
    }

    /// Prints `text`; `endsLine` is false only for a print that continues the line.
    public func write(_ text: String, endsLine: Bool = true) { sink(text, endsLine) }

    /// Prints on standard output.
    public static let standardOutput = OutputSink.raw { text in writeText(text, toDescriptor: 1) }
}
