import Testing
import Vudo
import VudoWASI

/// WASI granted to a Spirit as a Loa, capability by capability.
@Suite struct WASILoaTests {
    private static func options(
        _ configuration: WASIConfiguration, capabilities: CapabilityGrant = .all
    ) throws -> SpiritOptions {
        var options = SpiritOptions()
        try options.grantWASI(try WASI(configuration), capabilities: capabilities)
        return options
    }

    @Test func aSpiritRunsHelloWorldWithTheWASILoa() async throws {
        let stdout = WASIBuffer()
        let options = try Self.options(WASIConfiguration(stdout: stdout.output), capabilities: [.wasiFD, .wasiProc])
        let spirit = try await loadSpirit(path: WASIFixtures.path("hello.wasm"), options: options)
        #expect(try await spirit.runWASICommand() == 0)
        #expect(stdout.text == "Hello from WASI!\n")
    }

    @Test func procExitIsTheSpiritsExitCode() async throws {
        let options = try Self.options(
            WASIConfiguration(arguments: ["exit_code", "9"], stdout: .discard, stderr: .discard))
        let spirit = try await loadSpirit(path: WASIFixtures.path("exit_code.wasm"), options: options)
        #expect(try await spirit.runWASICommand() == 9)
        // A plain call sees the exit as the host function's error.
        await #expect {
            _ = try await spirit.call("_start", [])
        } throws: { error in
            WASIExit.unwrap(error) == WASIExit(code: 9)
        }
    }

    @Test func anUngrantedCapabilityKeepsTheSpiritFromLoading() async throws {
        let options = try Self.options(WASIConfiguration(), capabilities: [.wasiFD, .wasiProc])
        await #expect {
            _ = try await loadSpirit(path: WASIFixtures.path("args_env.wasm"), options: options)
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, _, let reason) = error else { return false }
            return module == "wasi_snapshot_preview1" && reason == .capabilityNotGranted(.wasiArgs, loa: WASI.loaName)
        }
    }

    @Test func theLoaDeclaresACapabilityForEveryFunction() throws {
        let loa = try WASI(WASIConfiguration()).loa
        #expect(loa.name == "wasi_snapshot_preview1")
        #expect(loa.functions.count == WASI.functionNames.count)
        #expect(
            loa.capabilities == [
                .wasiArgs, .wasiEnv, .wasiClock, .wasiRandom, .wasiProc, .wasiFD, .wasiFS, .wasiSockets,
            ])
        #expect(loa.function(named: "path_open")?.capability == .wasiFS)
        #expect(loa.function(named: "fd_write")?.capability == .wasiFD)
    }

    @Test func aSpiritWorksInItsGrantedDirectory() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let stdout = WASIBuffer()
        let options = try Self.options(
            WASIConfiguration(
                preopens: [WASIPreopen(hostPath: directory.path, guestPath: "/sandbox")], stdout: stdout.output))
        let spirit = try await loadSpirit(path: WASIFixtures.path("files.wasm"), options: options)
        #expect(try await spirit.runWASICommand() == 0)
        #expect(stdout.text.hasSuffix("done\n"))
        #expect(try directory.read("notes.txt") == "LINE")
    }
}
