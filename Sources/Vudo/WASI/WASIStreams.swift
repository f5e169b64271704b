/// Where a WASI program's standard output or error goes: one call per `fd_write`.
public struct WASIOutput: Sendable {
    private let sink: @Sendable ([UInt8]) -> Void

    public init(_ sink: @escaping @Sendable ([UInt8]) -> Void) { self.sink = sink }

    public func write(_ bytes: [UInt8]) { sink(bytes) }

    /// The process's standard output, unbuffered.
    public static let standardOutput = WASIOutput { bytes in HostIO.writeAll(bytes, to: 1) }
    /// The process's standard error, unbuffered.
    public static let standardError = WASIOutput { bytes in HostIO.writeAll(bytes, to: 2) }
    /// Drops everything.
    public static let discard = WASIOutput { _ in }
}

/// Where a WASI program's standard input comes from: asked for at most `count` bytes, returns
/// fewer or none (end of input).
public struct WASIInput: Sendable {
    private let source: @Sendable (Int) -> [UInt8]

    public init(_ source: @escaping @Sendable (Int) -> [UInt8]) { self.source = source }

    public func read(upTo count: Int) -> [UInt8] { source(count) }

    /// The process's standard input.
    public static let standardInput = WASIInput { count in HostIO.read(upTo: count, from: 0) }

    /// Always at end of input.
    public static let empty = WASIInput { _ in [] }

    /// These bytes, then end of input.
    public static func bytes(_ bytes: [UInt8]) -> WASIInput {
        let buffer = WASIBuffer(bytes)
        return WASIInput { count in buffer.take(upTo: count) }
    }
}

/// A byte buffer safe to share between threads: capture a program's output with ``output`` and
/// read it with ``bytes`` or ``text``.
public final class WASIBuffer: @unchecked Sendable {
    // Guarded by `lock`; @unchecked because Lock is the synchronisation.
    private var storage: [UInt8]
    private let lock = Lock()

    public init(_ bytes: [UInt8] = []) { storage = bytes }

    public var bytes: [UInt8] { lock.withLock { storage } }
    /// The bytes as UTF-8, invalid sequences repaired.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// An output that appends to this buffer.
    public var output: WASIOutput { WASIOutput { bytes in self.append(bytes) } }

    public func append(_ bytes: [UInt8]) { lock.withLock { storage += bytes } }

    func take(upTo count: Int) -> [UInt8] {
        lock.withLock {
            let taken = Array(storage.prefix(count))
            storage.removeFirst(taken.count)
            return taken
        }
    }
}
