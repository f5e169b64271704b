import Foundation
import TestSupport
import Testing
import Vudo
import VudoWASI
import WasmCore

/// The C programs of Fixtures/wasi, built against wasi-libc, run with captured streams.
@Suite struct WASIProgramTests {
    @Test func helloWorldGoesToTheCapturedStdout() throws {
        let run = try WASIFixtures.run("hello.wasm")
        #expect(run.exitCode == 0)
        #expect(run.stdout == "Hello from WASI!\n")
        #expect(run.stderr == "")
    }

    @Test func argumentsAndOnlyTheGrantedEnvironment() throws {
        setenv("VUDO_WASI_SECRET", "leaked", 1)
        let run = try WASIFixtures.run("args_env.wasm", arguments: ["one", "two words"]) {
            $0.environment = ["GREETING": "hello there", "EMPTY": ""]
        }
        #expect(run.exitCode == 0)
        #expect(
            run.lines == [
                "argc=3", "argv[0]=args_env.wasm", "argv[1]=one", "argv[2]=two words",
                "env: EMPTY=", "env: GREETING=hello there", "envc=2", "GREETING=hello there",
            ])
        #expect(!run.stdout.contains("leaked"))
    }

    @Test func noEnvironmentByDefault() throws {
        let run = try WASIFixtures.run("args_env.wasm")
        #expect(run.lines.contains("envc=0"))
        #expect(run.lines.contains("GREETING=(unset)"))
    }

    @Test func createsWritesReadsSeeksAndListsFilesInAGrantedDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let run = try WASIFixtures.run("files.wasm") {
            $0.preopens = [WASIPreopen(hostPath: directory.path, guestPath: "/sandbox")]
        }
        #expect(
            run.lines == [
                "read: line one", "read: line two", "tell after seek: 5", "after seek: one",
                "size: 29 regular: 1", "pread: LINE one",
                "readlink: b.txt",
                "list /sandbox: notes.txt sub", "list /sandbox/sub: b.txt deeper hard link",
                "list /sandbox: notes.txt", "done",
            ])
        #expect(run.exitCode == 0)
        #expect(try directory.read("notes.txt") == "LINE")
        #expect(!directory.exists("sub"))
    }

    @Test func everyEscapeAttemptIsRefused() throws {
        let root = try TemporaryDirectory()
        defer { root.remove() }
        try root.makeDirectory("sandbox/sub")
        try root.write("outside", to: "outside.txt")
        try root.write("inside", to: "sandbox/inside.txt")
        try root.symlink("sandbox/out", to: "..")
        try root.symlink("sandbox/abs", to: "/etc")
        try root.symlink("sandbox/chain", to: "out2")
        try root.symlink("sandbox/out2", to: "../outside.txt")
        try root.symlink("sandbox/sub/up", to: "../..")
        let run = try WASIFixtures.run("escape.wasm") {
            $0.preopens = [WASIPreopen(hostPath: root.file("sandbox").path, guestPath: "/sandbox")]
        }
        #expect(!run.stdout.contains("ESCAPED"), "\(run.stdout)")
        #expect(run.lines.count == 14)
        // The last line opens a file inside, to show the sandbox is not simply closed.
        #expect(run.lines.last == "open /sandbox/inside.txt: allowed")
        for line in run.lines.dropLast() { #expect(line.contains("refused"), "\(line)") }
        #expect(run.lines.filter { $0.hasSuffix("refused ENOTCAPABLE") }.count >= 11, "\(run.stdout)")
        #expect(!root.exists("made") && !root.exists("stolen.txt") && !root.exists("linked.txt"))
        #expect(!root.exists("sandbox/newlink") && !root.exists("sandbox/sub/newlink"))
        #expect(try root.read("sandbox/inside.txt") == "inside")
    }

    @Test func aReadOnlyGrantCanBeReadButNeverChanged() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("read me\n", to: "readme.txt")
        let run = try WASIFixtures.run("readonly.wasm") {
            $0.preopens = [WASIPreopen(hostPath: directory.path, guestPath: "/data", readOnly: true)]
        }
        #expect(run.exitCode == 0, "\(run.stdout)")
        #expect(
            run.lines == [
                "read: read me",
                "fopen w: refused ENOTCAPABLE", "fopen new: refused ENOTCAPABLE",
                "write through O_RDWR: refused Bad file descriptor", "mkdir: refused ENOTCAPABLE",
                "unlink: refused ENOTCAPABLE", "rename: refused ENOTCAPABLE", "symlink: refused ENOTCAPABLE",
            ])
        #expect(try directory.read("readme.txt") == "read me\n")
        let entries = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(entries == ["readme.txt"])
    }

    @Test func procExitEndsTheProgramWithItsCodeAndTheHostGoesOn() throws {
        let run = try WASIFixtures.run("exit_code.wasm", arguments: ["7"])
        #expect(run.exitCode == 7)
        #expect(run.stdout == "exiting with 7\n")
        #expect(run.stderr == "to stderr\n")
        #expect(try WASIFixtures.run("exit_code.wasm", arguments: ["0"]).exitCode == 0)
    }

    @Test func procExitReachesTheEmbedderAsTheTrapsUnderlyingError() throws {
        let wasi = try WASI(WASIConfiguration(arguments: ["exit_code", "42"], stdout: .discard, stderr: .discard))
        let store = Store()
        var imports = Imports()
        wasi.define(into: &imports, store: store)
        let instance = try store.instantiate(try WASIFixtures.module("exit_code.wasm"), imports: imports)
        let start = try #require(instance.exportedFunction("_start"))
        #expect {
            _ = try store.invoke(start, [])
        } throws: { error in
            (error as? Trap)?.underlyingError as? WASIExit == WASIExit(code: 42)
        }
    }

    @Test func anUnimplementedFunctionIsENOSYSNotATrap() throws {
        let run = try WASIFixtures.run("enosys.wasm")
        #expect(run.lines == ["sock_accept: 52", "sched_yield: 0"])
    }

    @Test func clocksSleepAndRandomComeFromTheConfiguredSources() throws {
        func run() throws -> WASIFixtures.Run {
            try WASIFixtures.run("clock_random.wasm") {
                $0.clock = .manual(start: 1_700_000_000_000_000_000)
                $0.random = .seeded(7)
            }
        }
        let first = try run()
        #expect(first.exitCode == 0)
        #expect(first.lines.prefix(3) == ["realtime: 1700000000", "resolution ns: 1", "slept at least 10ms: yes"])
        #expect(first.lines.count == 4)
        #expect(first.stdout == (try run()).stdout)
    }

    @Test func theSystemClockAndRandomWork() throws {
        let run = try WASIFixtures.run("clock_random.wasm")
        #expect(run.exitCode == 0)
        #expect(run.lines.contains("slept at least 10ms: yes"))
        let seconds = Int(run.lines.first?.split(separator: " ").last ?? "") ?? 0
        #expect(abs(seconds - Int(Date().timeIntervalSince1970)) < 60)
    }

    /// Seconds of work in a debug build, on a thread of its own.
    @Test func theCompressorMatchesItsNativeBuild() async throws {
        let run = try await offThePool { try WASIFixtures.run("compress.wasm", arguments: ["extra"]) }
        let expected = try String(
            contentsOf: WASIFixtures.directory.appendingPathComponent("compress.expected"), encoding: .utf8)
        #expect(run.exitCode == 0)
        #expect(run.stdout == expected)
    }

    @Test func stdinIsReplaceable() throws {
        // exit_code reads nothing; hello ignores stdin: use the host API with a buffer instead.
        let input = WASIInput.bytes(Array("abc".utf8))
        #expect(input.read(upTo: 2) == Array("ab".utf8))
        #expect(input.read(upTo: 5) == Array("c".utf8))
        #expect(input.read(upTo: 5).isEmpty)
    }
}
