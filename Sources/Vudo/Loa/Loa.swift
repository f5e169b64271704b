/// A Loa: a named, versioned service of host functions that Spirits import by the Loa's name,
/// `(import "http" "fetch" ...)`, each function under one of its capabilities.
///
/// Declare one from closures with typed parameters:
///
/// ```swift
/// let http = Loa("http", version: "1.2.0") { loa in
///     loa.function("fetch", capability: "fetch") { (context, url: UInt32, length: UInt32) -> Int32 in
///         let address = try context.memory.readRawString(at: url, length: length)
///         return client.get(address)
///     }
/// }
/// ```
///
/// Register it in the ``LoaRegistry`` of ``SpiritOptions/loas`` and grant it in
/// ``SpiritOptions/grants``.

import WasmCore

public struct Loa: Sendable, CustomStringConvertible {
    public let name: String
    public let version: SemanticVersion
    /// Every capability its functions belong to, and any declared beside them.
    public let capabilities: Set<Capability>
    /// The host functions, in declaration order.
    public let functions: [LoaFunction]

    /// A Loa from ready-made functions. `capabilities` may name more than the functions use (a
    /// grant may then list them); the functions' own are always included.
    public init(name: String, version: SemanticVersion, capabilities: Set<Capability> = [], functions: [LoaFunction]) {
        self.name = name
        self.version = version
        self.capabilities = capabilities.union(functions.map(\.capability))
        self.functions = functions
    }

    /// A Loa declared by adding functions to a ``LoaBuilder``.
    public init(
        _ name: String, version: SemanticVersion, capabilities: Set<Capability> = [], build: (inout LoaBuilder) -> Void
    ) {
        var builder = LoaBuilder()
        build(&builder)
        self.init(name: name, version: version, capabilities: capabilities, functions: builder.functions)
    }

    /// The function named `name`, or nil.
    public func function(named name: String) -> LoaFunction? { functions.first { $0.name == name } }

    /// `http 1.2.0`.
    public var description: String { "\(name) \(version)" }
}

/// One host function of a Loa: its import name, WebAssembly signature, capability and body.
public struct LoaFunction: Sendable {
    public typealias Body = @Sendable (HostContext, [Value]) throws -> [Value]
    public typealias AsyncBody = nonisolated(nonsending) @Sendable (HostContext, [Value]) async throws -> [Value]

    public let name: String
    public let type: FunctionType
    public let capability: Capability
    let body: Body
    /// Set for an `async` function: the calling guest is suspended while it runs.
    let asyncBody: AsyncBody?
    /// Whether `body` does the work (a synchronous function, or one with both bodies) rather than
    /// refusing to run.
    let hasSynchronousBody: Bool

    /// A function over WebAssembly values. The arguments always match `type` (the linker checked
    /// the import's signature); the results must too. Throwing ends the guest call with
    /// ``SpiritError/hostFunction(function:module:name:error:)``, unless the error is a
    /// ``SpiritAbort``, which surfaces as ``SpiritError/aborted(function:_:)``.
    public init(name: String, type: FunctionType, capability: Capability, body: @escaping Body) {
        self.name = name
        self.type = type
        self.capability = capability
        self.body = body
        self.asyncBody = nil
        self.hasSynchronousBody = true
    }

    /// An `async` function (network, files, other actors): when the guest calls it, the guest is
    /// suspended, no thread is blocked, and the guest continues with the results. Cancelling the
    /// task awaiting the Spirit call cancels this function's awaits too.
    public init(name: String, type: FunctionType, capability: Capability, asyncBody: @escaping AsyncBody) {
        self.name = name
        self.type = type
        self.capability = capability
        self.asyncBody = asyncBody
        self.body = { _, _ in throw AsyncLoaFunctionCalledSynchronously(function: name) }
        self.hasSynchronousBody = false
    }

    /// A function with two bodies for the same work, for work that may wait (sleeping, polling):
    /// `asyncBody` when the guest runs under ``Spirit/call(_:_:)->_`` of a Spirit that links async
    /// functions, so that the guest is suspended and no thread waits; `body` on synchronous paths
    /// (another Spirit's import, a call nested in a host function), where waiting blocks the caller.
    public init(
        name: String, type: FunctionType, capability: Capability, body: @escaping Body, asyncBody: @escaping AsyncBody
    ) {
        self.name = name
        self.type = type
        self.capability = capability
        self.body = body
        self.asyncBody = asyncBody
        self.hasSynchronousBody = true
    }

    /// Runs the function, as the linker does when the guest calls it.
    public func call(_ context: HostContext, _ arguments: [Value]) throws -> [Value] {
        try body(context, arguments)
    }
}

/// An async Loa function was reached from a synchronous path (another Spirit's import).
public struct AsyncLoaFunctionCalledSynchronously: Error, Sendable, CustomStringConvertible {
    public let function: String
    public var description: String { "async host function \(function) cannot run in a synchronous cross-Spirit call" }
}
