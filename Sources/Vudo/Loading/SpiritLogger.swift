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

/// Where text a Spirit prints (`vudo_print`) goes, one call per print, without a trailing newline.
public struct OutputSink: Sendable {
    private let sink: @Sendable (String) -> Void

    public init(_ sink: @escaping @Sendable (String) -> Void) { self.sink = sink }

    public func write(_ text: String) { sink(text) }

    /// Prints each text as a line on standard output.
    public static let standardOutput = OutputSink { text in
        writeText(text + "\n", toDescriptor: 1)
    }
}
