/// The capabilities of the WASI Loa. A Spirit importing a function whose capability is not
/// granted does not load; granting `wasi:fs` still reaches only the directories the
/// ``WASIConfiguration`` pre-opens.

import Vudo
import WasmCore

extension Capability {
    /// `args_get`, `args_sizes_get`.
    public static let wasiArgs: Capability = "wasi:args"
    /// `environ_get`, `environ_sizes_get`: the variables of ``WASIConfiguration/environment``.
    public static let wasiEnv: Capability = "wasi:env"
    /// `clock_res_get`, `clock_time_get`, and `poll_oneoff` (sleeping).
    public static let wasiClock: Capability = "wasi:clock"
    /// `random_get`.
    public static let wasiRandom: Capability = "wasi:random"
    /// `proc_exit`, `proc_raise`, `sched_yield`.
    public static let wasiProc: Capability = "wasi:proc"
    /// The `fd_*` functions on open descriptors: the standard streams, and what `wasi:fs` opened.
    public static let wasiFD: Capability = "wasi:fd"
    /// The `path_*` functions and `fd_prestat_*`: the pre-opened directories.
    public static let wasiFS: Capability = "wasi:fs"
    /// The `sock_*` functions (all `ENOSYS` for now).
    public static let wasiSockets: Capability = "wasi:sockets"
}

extension WASI {
    /// The Loa's name. Imports name their Loa by module, so it is the module name itself.
    public static let loaName = moduleName
    /// WASI 0.1 is preview 1.
    public static let loaVersion = SemanticVersion(0, 1, 0)

    /// This WASI as a Loa: every preview-1 function under its capability, all working on this
    /// WASI's descriptors. Register it for one Spirit only, as the descriptors are the program's own.
    ///
    /// `poll_oneoff` is an async Loa function with a synchronous form: a Spirit that imports it
    /// waits in `Spirit.call` without holding a thread (its calls then take turns, see
    /// docs/guide.md, "Async host functions"), and blocks only on synchronous paths.
    public var loa: Loa {
        let functions = WASIFunctions.all.map { function in
            let capability = Self.capability(of: function.name)
            let body: LoaFunction.Body = { context, arguments in
                let memory = try? context.memory.memoryInstance()
                return try self.call(function, memory: GuestMemory(instance: memory), arguments: arguments)
            }
            guard function.asyncImplementation != nil else {
                return LoaFunction(name: function.name, type: function.type, capability: capability, body: body)
            }
            // poll_oneoff suspends the guest under Spirit.call instead of blocking a thread.
            return LoaFunction(name: function.name, type: function.type, capability: capability, body: body) {
                context, arguments in
                let memory = try? context.memory.memoryInstance()
                return try await self.callAsync(function, memory: GuestMemory(instance: memory), arguments: arguments)
            }
        }
        return Loa(name: Self.loaName, version: Self.loaVersion, functions: functions)
    }

    static func capability(of function: String) -> Capability {
        switch function {
        case "args_get", "args_sizes_get": .wasiArgs
        case "environ_get", "environ_sizes_get": .wasiEnv
        case "clock_res_get", "clock_time_get", "poll_oneoff": .wasiClock
        case "random_get": .wasiRandom
        case "proc_exit", "proc_raise", "sched_yield": .wasiProc
        case "fd_prestat_get", "fd_prestat_dir_name": .wasiFS
        case _ where function.hasPrefix("path_"): .wasiFS
        case _ where function.hasPrefix("sock_"): .wasiSockets
        default: .wasiFD
        }
    }
}

extension SpiritOptions {
    /// Registers `wasi` as the Loa `wasi_snapshot_preview1` 0.1.0 and grants it, with all its
    /// capabilities unless told otherwise. Throws when a WASI Loa is registered already.
    ///
    /// ```swift
    /// var options = SpiritOptions()
    /// try options.grantWASI(WASI(WASIConfiguration(arguments: ["app"])), capabilities: [.wasiFD, .wasiProc])
    /// let spirit = try await loadSpirit(path: "app.wasm", options: options)
    /// let exitCode = try await spirit.runWASICommand()
    /// ```
    public mutating func grantWASI(_ wasi: WASI, capabilities: CapabilityGrant = .all) throws(LoaRegistryError) {
        try loas.register(wasi.loa)
        grant(LoaGrant(WASI.loaName, capabilities: capabilities))
    }
}

extension Spirit {
    /// Calls `_start`, as a WASI command is run, and returns the exit code: 0 when it returns,
    /// `n` when the program calls `proc_exit(n)`. Any other failure is thrown.
    public func runWASICommand() async throws(SpiritError) -> UInt32 {
        do {
            _ = try await call("_start", [])
            return 0
        } catch {
            if let exit = WASIExit.unwrap(error) { return exit.code }
            throw error
        }
    }
}
