import Testing
import Vudo
import VudoWASI
import WasmCore

/// The host functions called directly, without a guest: every one answers with an errno.
@Suite struct WASIHostFunctionTests {
    private static func linked() throws -> (Store, Imports) {
        let wasi = try WASI(WASIConfiguration(stdout: .discard, stderr: .discard))
        let store = Store()
        var imports = Imports()
        wasi.define(into: &imports, store: store)
        return (store, imports)
    }

    @Test func everyPreviewOneFunctionIsDefined() throws {
        let (store, imports) = try Self.linked()
        let required = [
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
            "random_get", "proc_exit", "sched_yield", "poll_oneoff", "fd_read", "fd_write", "fd_pread",
            "fd_pwrite", "fd_seek", "fd_tell", "fd_close", "fd_sync", "fd_datasync", "fd_fdstat_get",
            "fd_fdstat_set_flags", "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size",
            "fd_filestat_set_times", "fd_prestat_get", "fd_prestat_dir_name", "fd_readdir", "fd_renumber",
            "fd_advise", "fd_allocate", "path_open", "path_create_directory", "path_remove_directory",
            "path_unlink_file", "path_rename", "path_filestat_get", "path_filestat_set_times", "path_readlink",
            "path_symlink", "path_link", "proc_raise", "sock_accept", "sock_recv", "sock_send", "sock_shutdown",
        ]
        #expect(Set(WASI.functionNames) == Set(required))
        for name in required {
            guard case .function(let address) = imports.lookup(module: "wasi_snapshot_preview1", name: name) else {
                Issue.record("\(name) is not defined")
                continue
            }
            #expect(store.functionType(address).results == (name == "proc_exit" ? [] : [.i32]))
        }
    }

    /// Called with descriptor 99 and zeros elsewhere, and with no memory: an errno, never a trap.
    @Test func badArgumentsAreErrnosNotTraps() throws {
        let (store, imports) = try Self.linked()
        for name in WASI.functionNames where name != "proc_exit" {
            guard case .function(let address) = imports.lookup(module: WASI.moduleName, name: name) else { continue }
            let arguments = store.functionType(address).parameters.enumerated().map { index, type -> Value in
                type == .i64 ? .i64(0) : .i32(index == 0 ? 99 : 0)
            }
            let results = try store.invoke(address, arguments)
            guard case .i32(let errno) = results.first else {
                Issue.record("\(name) returned \(results)")
                continue
            }
            #expect(errno != 0 || name == "sched_yield", "\(name)")
        }
    }

    @Test func unimplementedFunctionsReturnENOSYS() throws {
        let (store, imports) = try Self.linked()
        for name in ["proc_raise", "sock_accept", "sock_recv", "sock_send", "sock_shutdown"] {
            guard case .function(let address) = imports.lookup(module: WASI.moduleName, name: name) else { continue }
            let arguments = store.functionType(address).parameters.map { _ in Value.i32(0) }
            #expect(try store.invoke(address, arguments) == [.i32(UInt32(WASIErrno.notImplemented.rawValue))])
        }
        #expect(WASIErrno.notImplemented.rawValue == 52)
        #expect(WASIErrno.notCapable.rawValue == 76)
    }

    @Test func procExitThrowsWASIExit() throws {
        let (store, imports) = try Self.linked()
        guard case .function(let address) = imports.lookup(module: WASI.moduleName, name: "proc_exit") else {
            Issue.record("proc_exit is not defined")
            return
        }
        #expect {
            _ = try store.invoke(address, [.i32(3)])
        } throws: { error in
            WASIExit.unwrap(error) == WASIExit(code: 3)
        }
    }

    @Test func aMissingPreopenDirectoryIsATypedError() {
        #expect {
            _ = try WASI(WASIConfiguration(preopens: [WASIPreopen(hostPath: "/nonexistent/vudo")]))
        } throws: { error in
            guard case WASIError.preopen(let path, _) = error else { return false }
            return path == "/nonexistent/vudo"
        }
    }
}
