/// Where a WASI program's standard output or error goes: a host file descriptor, or a Swift
/// closure called once per chunk of at most 64 KiB that `fd_write` moves.
///
/// The guest learns what the stream is from `fd_fdstat_get`: a descriptor's real type (a terminal
/// only when it is one, so that `isatty` in the guest agrees with the host), and for a closure a
/// pipe-like type that is not a terminal.

import Vudo
import WasmCore

public struct WASIOutput: Sendable {
    private let sink: @Sendable ([UInt8]) -> Void
    /// The host file descriptor written to, when this output is one (see ``descriptor(_:)``).
    public let hostDescriptor: Int32?

    /// An output that hands every chunk to `sink`. To the guest it is a pipe, not a terminal.
    public init(_ sink: @escaping @Sendable ([UInt8]) -> Void) {
        self.sink = sink
        hostDescriptor = nil
    }

    /// Writes to the host file descriptor `descriptor`, which stays the embedder's: it is never
    /// closed. A pipe or socket connects the guest's output to another process; the guest sees the
    /// descriptor's real file type, and write errors (`EPIPE`, `EAGAIN`) as errnos.
    public static func descriptor(_ descriptor: Int32) -> WASIOutput {
        WASIOutput(hostDescriptor: descriptor)
    }

    private init(hostDescriptor: Int32) {
        self.hostDescriptor = hostDescriptor
        sink = { bytes in HostIO.writeAll(bytes, to: hostDescriptor) }
    }

    /// Writes `bytes` as the guest's `fd_write` would (errors of a host descriptor are dropped
    /// here; the guest gets them as errnos).
    public func write(_ bytes: [UInt8]) { sink(bytes) }

    /// The process's standard output (descriptor 1), unbuffered.
    public static let standardOutput = descriptor(1)
    /// The process's standard error (descriptor 2), unbuffered.
    public static let standardError = descriptor(2)
    /// Drops everything.
    public static let discard = WASIOutput { _ in }
}

/// Where a WASI program's standard input comes from: a host file descriptor, or a Swift closure
/// asked for at most `count` bytes (never more than 64 KiB at a time) that returns fewer or none
/// (end of input).
///
/// As with ``WASIOutput``, the guest sees a descriptor's real file type, and a closure as a pipe.
public struct WASIInput: Sendable {
    private let source: @Sendable (Int) -> [UInt8]
    /// The host file descriptor read from, when this input is one (see ``descriptor(_:)``).
    public let hostDescriptor: Int32?

    /// An input that asks `source` for bytes. To the guest it is a pipe, not a terminal.
    public init(_ source: @escaping @Sendable (Int) -> [UInt8]) {
        self.source = source
        hostDescriptor = nil
    }

    /// Reads from the host file descriptor `descriptor`, which stays the embedder's: it is never
    /// closed. Each `fd_read` is one host `read`, so a pipe delivers what has arrived without
    /// waiting for more; read errors reach the guest as errnos.
    public static func descriptor(_ descriptor: Int32) -> WASIInput {
        WASIInput(hostDescriptor: descriptor)
    }

    private init(hostDescriptor: Int32) {
        self.hostDescriptor = hostDescriptor
        source = { count in HostIO.read(upTo: count, from: hostDescriptor) }
    }

    /// At most `count` bytes, fewer or none at end of input (or on an error of a host descriptor).
    public func read(upTo count: Int) -> [UInt8] { source(count) }

    /// The process's standard input (descriptor 0).
    public static let standardInput = descriptor(0)

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
