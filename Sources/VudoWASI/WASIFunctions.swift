import Vudo
import WasmCore

/// One preview-1 import: its name, wasm type and implementation.
struct WASIFunction: Sendable {
    typealias Implementation = @Sendable (WASI, GuestMemory, WASIArguments) throws(WASIErrno) -> Void
    /// Throws a ``WASIErrno`` for the guest, or `CancellationError` when the task is cancelled.
    typealias AsyncImplementation =
        nonisolated(nonsending) @Sendable (WASI, GuestMemory, WASIArguments) async throws -> Void
    let name: String
    let type: FunctionType
    /// Nil only for `proc_exit`, which returns nothing and ends the program.
    let implementation: Implementation?
    /// For a function that may wait (`poll_oneoff`): the form that suspends instead of blocking,
    /// used when the guest runs under an async call. Such a function takes the WASI's lock itself,
    /// and never while it waits.
    var asyncImplementation: AsyncImplementation? = nil
}

/// The table of every preview-1 function, in the order of the spec's witx.
enum WASIFunctions {
    static let all: [WASIFunction] = [
        // Arguments and environment.
        function("args_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.writeStrings(wasi.argumentStrings, memory: memory, pointers: a.u32(0), buffer: a.u32(1))
        },
        function("args_sizes_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.writeSizes(wasi.argumentStrings, memory: memory, count: a.u32(0), size: a.u32(1))
        },
        function("environ_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.writeStrings(wasi.environmentStrings, memory: memory, pointers: a.u32(0), buffer: a.u32(1))
        },
        function("environ_sizes_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.writeSizes(wasi.environmentStrings, memory: memory, count: a.u32(0), size: a.u32(1))
        },
        // Clocks, randomness, scheduling.
        function("clock_res_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.clockResolution(memory, id: a.u32(0), result: a.u32(1))
        },
        function("clock_time_get", "iIi") { wasi, memory, a throws(WASIErrno) in
            try wasi.clockTime(memory, id: a.u32(0), result: a.u32(2))
        },
        // File descriptors.
        function("fd_advise", "iIIi") { wasi, _, a throws(WASIErrno) in
            try wasi.fdAdvise(a.u32(0), offset: a.u64(1), length: a.u64(2), advice: a.u32(3))
        },
        function("fd_allocate", "iII") { wasi, _, a throws(WASIErrno) in
            try wasi.fdAllocate(a.u32(0), offset: a.u64(1), length: a.u64(2))
        },
        function("fd_close", "i") { wasi, _, a throws(WASIErrno) in try wasi.fdClose(a.u32(0)) },
        function("fd_datasync", "i") { wasi, _, a throws(WASIErrno) in try wasi.fdSync(a.u32(0), dataOnly: true) },
        function("fd_fdstat_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdFdstatGet(memory, a.u32(0), result: a.u32(1))
        },
        function("fd_fdstat_set_flags", "ii") { wasi, _, a throws(WASIErrno) in
            try wasi.fdFdstatSetFlags(a.u32(0), flags: UInt16(truncatingIfNeeded: a.u32(1)))
        },
        function("fd_fdstat_set_rights", "iII") { wasi, _, a throws(WASIErrno) in
            try wasi.fdFdstatSetRights(a.u32(0), rights: a.u64(1), inheriting: a.u64(2))
        },
        function("fd_filestat_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdFilestatGet(memory, a.u32(0), result: a.u32(1))
        },
        function("fd_filestat_set_size", "iI") { wasi, _, a throws(WASIErrno) in
            try wasi.fdFilestatSetSize(a.u32(0), size: a.u64(1))
        },
        function("fd_filestat_set_times", "iIIi") { wasi, _, a throws(WASIErrno) in
            try wasi.fdFilestatSetTimes(a.u32(0), access: a.u64(1), modification: a.u64(2), flags: a.u32(3))
        },
        function("fd_pread", "iiiIi") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdRead(memory, a.u32(0), vectors: a.u32(1), count: a.u32(2), offset: a.u64(3), result: a.u32(4))
        },
        function("fd_prestat_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdPrestatGet(memory, a.u32(0), result: a.u32(1))
        },
        function("fd_prestat_dir_name", "iii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdPrestatDirName(memory, a.u32(0), buffer: a.u32(1), length: a.u32(2))
        },
        function("fd_pwrite", "iiiIi") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdWrite(memory, a.u32(0), vectors: a.u32(1), count: a.u32(2), offset: a.u64(3), result: a.u32(4))
        },
        function("fd_read", "iiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdRead(memory, a.u32(0), vectors: a.u32(1), count: a.u32(2), offset: nil, result: a.u32(3))
        },
        function("fd_readdir", "iiiIi") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdReaddir(memory, a.u32(0), buffer: a.u32(1), length: a.u32(2), cookie: a.u64(3), result: a.u32(4))
        },
        function("fd_renumber", "ii") { wasi, _, a throws(WASIErrno) in try wasi.fdRenumber(a.u32(0), to: a.u32(1)) },
        function("fd_seek", "iIii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdSeek(memory, a.u32(0), offset: Int64(bitPattern: a.u64(1)), whence: a.u32(2), result: a.u32(3))
        },
        function("fd_sync", "i") { wasi, _, a throws(WASIErrno) in try wasi.fdSync(a.u32(0), dataOnly: false) },
        function("fd_tell", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdSeek(memory, a.u32(0), offset: 0, whence: WASIABI.Whence.current, result: a.u32(1))
        },
        function("fd_write", "iiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.fdWrite(memory, a.u32(0), vectors: a.u32(1), count: a.u32(2), offset: nil, result: a.u32(3))
        },
        // Paths.
        function("path_create_directory", "iii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathCreateDirectory(memory, a.u32(0), path: a.u32(1), length: a.u32(2))
        },
        function("path_filestat_get", "iiiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathFilestatGet(
                memory, a.u32(0), lookup: a.u32(1), path: a.u32(2), length: a.u32(3), result: a.u32(4))
        },
        function("path_filestat_set_times", "iiiiIIi") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathFilestatSetTimes(
                memory, a.u32(0), lookup: a.u32(1), path: a.u32(2), length: a.u32(3),
                access: a.u64(4), modification: a.u64(5), flags: a.u32(6))
        },
        function("path_link", "iiiiiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathLink(
                memory, from: a.u32(0), lookup: a.u32(1), path: a.u32(2), length: a.u32(3),
                to: a.u32(4), newPath: a.u32(5), newLength: a.u32(6))
        },
        function("path_open", "iiiiiIIii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathOpen(
                memory, a.u32(0), lookup: a.u32(1), path: a.u32(2), length: a.u32(3),
                openFlags: UInt16(truncatingIfNeeded: a.u32(4)), rights: a.u64(5), inheriting: a.u64(6),
                flags: UInt16(truncatingIfNeeded: a.u32(7)), result: a.u32(8))
        },
        function("path_readlink", "iiiiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathReadlink(
                memory, a.u32(0), path: a.u32(1), length: a.u32(2), buffer: a.u32(3), bufferLength: a.u32(4),
                result: a.u32(5))
        },
        function("path_remove_directory", "iii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathRemove(memory, a.u32(0), path: a.u32(1), length: a.u32(2), directory: true)
        },
        function("path_rename", "iiiiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathRename(
                memory, from: a.u32(0), path: a.u32(1), length: a.u32(2), to: a.u32(3), newPath: a.u32(4),
                newLength: a.u32(5))
        },
        function("path_symlink", "iiiii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathSymlink(
                memory, target: a.u32(0), targetLength: a.u32(1), a.u32(2), path: a.u32(3), length: a.u32(4))
        },
        function("path_unlink_file", "iii") { wasi, memory, a throws(WASIErrno) in
            try wasi.pathRemove(memory, a.u32(0), path: a.u32(1), length: a.u32(2), directory: false)
        },
        // Polling, processes, randomness, sockets.
        WASIFunction(
            name: "poll_oneoff", type: FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32]),
            implementation: { wasi, memory, a throws(WASIErrno) in
                try wasi.pollOneoff(
                    memory, subscriptions: a.u32(0), events: a.u32(1), count: a.u32(2), result: a.u32(3))
            },
            asyncImplementation: { wasi, memory, a in
                try await wasi.pollOneoffAsync(
                    memory, subscriptions: a.u32(0), events: a.u32(1), count: a.u32(2), result: a.u32(3))
            }),
        WASIFunction(name: "proc_exit", type: FunctionType(parameters: [.i32], results: []), implementation: nil),
        notImplemented("proc_raise", "i"),
        function("sched_yield", "") { _, _, _ throws(WASIErrno) in },
        function("random_get", "ii") { wasi, memory, a throws(WASIErrno) in
            try wasi.randomGet(memory, buffer: a.u32(0), length: a.u32(1))
        },
        notImplemented("sock_accept", "iii"),
        notImplemented("sock_recv", "iiiiii"),
        notImplemented("sock_send", "iiiii"),
        notImplemented("sock_shutdown", "ii"),
    ]

    /// A function returning an errno; `parameters` spells the types, `i` for i32 and `I` for i64.
    private static func function(
        _ name: String, _ parameters: String, _ implementation: @escaping WASIFunction.Implementation
    ) -> WASIFunction {
        WASIFunction(
            name: name,
            type: FunctionType(parameters: parameters.map { $0 == "I" ? .i64 : .i32 }, results: [.i32]),
            implementation: implementation)
    }

    /// A function this host does not provide: always `ENOSYS`.
    private static func notImplemented(_ name: String, _ parameters: String) -> WASIFunction {
        function(name, parameters) { _, _, _ throws(WASIErrno) in throw .notImplemented }
    }
}
