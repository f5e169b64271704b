import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// WASI preview 1 (`wasi_snapshot_preview1`) for one program: its descriptor table, arguments,
/// environment and granted directories.
///
/// Create one per program run and link it into a WasmCore store with ``define(into:store:)``, let
/// ``run(_:engine:)`` do the linking and call `_start`, or grant it to a Spirit as a Loa with
/// `SpiritOptions.grantWASI(_:capabilities:)`:
///
/// ```swift
/// let wasi = try WASI(WASIConfiguration(arguments: ["hello"], stdout: buffer.output))
/// let exitCode = try wasi.run(module)      // calls _start; proc_exit(n) gives n
/// ```
///
/// Every preview-1 function is provided; the few not implemented (sockets, `proc_raise`) return
/// `ENOSYS`. Guest mistakes (bad descriptors, pointers outside memory) are errnos, never traps;
/// only `proc_exit` stops the guest, by throwing ``WASIExit``.
public final class WASI: @unchecked Sendable {
    // @unchecked: the mutable state (`descriptors`) is only touched with `lock` held.
    /// The import module name.
    public static let moduleName = WASIABI.moduleName

    public let configuration: WASIConfiguration
    private let lock = Lock()
    var descriptors = DescriptorTable()

    /// Opens the pre-opened directories; throws ``WASIError/preopen(hostPath:reason:)`` for one
    /// that is not a readable directory.
    public init(_ configuration: WASIConfiguration) throws(WASIError) {
        self.configuration = configuration
        typealias Rights = WASIABI.Rights
        // The rights follow what each stream really is: only a regular file may seek.
        func rights(_ descriptor: Int32?, reading: Bool) -> UInt64 {
            StreamType.of(hostDescriptor: descriptor).rights(reading: reading)
        }
        descriptors[0] = WASIDescriptor(
            .input(configuration.stdin), rights: rights(configuration.stdin.hostDescriptor, reading: true),
            inheritingRights: 0)
        descriptors[1] = WASIDescriptor(
            .output(configuration.stdout), rights: rights(configuration.stdout.hostDescriptor, reading: false),
            inheritingRights: 0)
        descriptors[2] = WASIDescriptor(
            .output(configuration.stderr), rights: rights(configuration.stderr.hostDescriptor, reading: false),
            inheritingRights: 0)
        for (k, preopen) in configuration.preopens.enumerated() {
            let opened = open(preopen.hostPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard opened >= 0 else {
                throw .preopen(hostPath: preopen.hostPath, reason: String(cString: strerror(errno)))
            }
            let withheld = preopen.readOnly ? Rights.mutating : 0
            descriptors[UInt32(3 + k)] = WASIDescriptor(
                .directory(HostDescriptor(opened)), rights: Rights.directory & ~withheld,
                inheritingRights: Rights.all & ~withheld, preopenName: preopen.guestPath, readOnly: preopen.readOnly)
        }
    }

    // MARK: Linking

    /// The names of every preview-1 function, each of which ``define(into:store:)`` provides.
    public static var functionNames: [String] { WASIFunctions.all.map(\.name) }

    /// Whether `module` imports anything from `wasi_snapshot_preview1`.
    public static func isImported(by module: Module) -> Bool {
        module.imports.contains { $0.module == moduleName }
    }

    /// Adds every preview-1 function to `store` and defines it in `imports` under
    /// `wasi_snapshot_preview1`.
    ///
    /// `poll_oneoff` blocks the thread while it waits when the guest runs under `Store.invoke`, and
    /// suspends the guest instead under `Store.invokeAsync`.
    public func define(into imports: inout Imports, store: Store) {
        for function in WASIFunctions.all {
            let body: HostFunction.Body = { caller, arguments in
                let memory = caller.memory.map { caller.store.memory($0) }
                return try self.call(function, memory: GuestMemory(instance: memory), arguments: arguments)
            }
            let host: HostFunction
            if function.asyncImplementation != nil {
                host = HostFunction(
                    type: function.type, body: body,
                    asyncBody: { caller, arguments in
                        let memory = caller.memory.map { caller.store.memory($0) }
                        return try await self.callAsync(
                            function, memory: GuestMemory(instance: memory), arguments: arguments)
                    })
            } else {
                host = HostFunction(type: function.type, body: body)
            }
            imports.define(module: Self.moduleName, name: function.name, .function(store.addHostFunction(host)))
        }
    }

    /// Runs one function: its errno as the result, ``WASIExit`` thrown for `proc_exit`.
    func call(_ function: WASIFunction, memory: GuestMemory, arguments: [Value]) throws(WASIExit) -> [Value] {
        let arguments = WASIArguments(values: arguments)
        guard let implementation = function.implementation else {
            // proc_exit is the one function without a result.
            throw WASIExit(code: arguments.u32(0))
        }
        let errno: WASIErrno
        do throws(WASIErrno) {
            if function.asyncImplementation != nil {
                // A function that waits takes the lock itself, never while waiting.
                try implementation(self, memory, arguments)
            } else {
                try withLock { () throws(WASIErrno) in try implementation(self, memory, arguments) }
            }
            errno = .success
        } catch {
            errno = error
        }
        return [.i32(UInt32(errno.rawValue))]
    }

    /// Runs one function under an async call: a function that waits suspends instead of blocking.
    /// Throws only `CancellationError` (the task was cancelled while it waited) and ``WASIExit``.
    nonisolated(nonsending) func callAsync(
        _ function: WASIFunction, memory: GuestMemory, arguments: [Value]
    ) async throws -> [Value] {
        guard let implementation = function.asyncImplementation else {
            return try call(function, memory: memory, arguments: arguments)
        }
        do {
            try await implementation(self, memory, WASIArguments(values: arguments))
            return [.i32(UInt32(WASIErrno.success.rawValue))]
        } catch let errno as WASIErrno {
            return [.i32(UInt32(errno.rawValue))]
        }
    }

    /// Runs `body` holding the lock that guards the descriptor table.
    func withLock<R>(_ body: () throws(WASIErrno) -> R) throws(WASIErrno) -> R {
        let outcome: Result<R, WASIErrno> = lock.withLock {
            do throws(WASIErrno) {
                return .success(try body())
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}

/// A host function's arguments, read as the ABI's unsigned integers.
struct WASIArguments {
    let values: [Value]

    func u32(_ index: Int) -> UInt32 {
        if case .i32(let value) = values[index] { return value }
        return 0
    }

    func u64(_ index: Int) -> UInt64 {
        if case .i64(let value) = values[index] { return value }
        return 0
    }
}
