import Synchronization
import Testing
import Vudo

/// `env` and `loa`: @vudo/runtime's loader links every Loa's functions under `env`, later Loas
/// winning (dol-abi.md section 2); the DOL compiler emits body-less `sex fun` declarations under
/// `loa` with the names as written. Capabilities are enforced all the same.
@Suite struct EnvNamespaceTests {
    static func options(
        _ loas: [Loa], grants: [LoaGrant], output: OutputSink = OutputSink { _ in }
    ) throws -> SpiritOptions {
        var options = SpiritOptions(output: output)
        for loa in loas { try options.loas.register(loa) }
        for grant in grants { options.grant(grant) }
        return options
    }

    @Test func aTypeScriptEraSpiritLoadsOnceItsLoaIsGranted() async throws {
        let http = HTTPDouble()
        let output = LineRecorder()
        let options = try Self.options(
            [http.loa()], grants: [LoaGrant("http", capabilities: .all)], output: output.sink)
        let spirit = try await Fixtures.load("ts_era.wasm", options: options)
        try await spirit.call("hello")
        #expect(try await spirit.call("fetch_items") as Int32 == 120)
        #expect(try await spirit.call("post_item") as Int32 == 121)
        #expect(output.lines == ["hello from env"])
        #expect(http.requests.map(\.method) == ["GET", "POST"])
    }

    @Test func registeredButNotGrantedIsRefusedNamingTheLoa() async throws {
        let options = try Self.options([HTTPDouble().loa()], grants: [])
        await expectRefusal("ts_era.wasm", ("env", "fetch"), .loaNotGranted("http"), options)
        // Not registered at all: no Loa provides it.
        await expectRefusal("ts_era.wasm", ("env", "fetch"), .noGrantedLoaProvides(module: "env"), SpiritOptions())
    }

    @Test func capabilitiesAreStillEnforced() async throws {
        let options = try Self.options([HTTPDouble().loa()], grants: [LoaGrant("http", capabilities: ["fetch"])])
        await expectRefusal("ts_era.wasm", ("env", "post"), .capabilityNotGranted("post", loa: "http"), options)
    }

    /// Two granted Loas with a `fetch`: the one granted later wins, as a later Loa wins the TS
    /// loader's merge.
    @Test func theLaterGrantWins() async throws {
        let first = HTTPDouble(), second = HTTPDouble()
        let mirror = Loa("mirror", version: "2.0.0") { loa in
            loa.function("fetch", capability: "fetch") { (_, _: UInt32, _: UInt32) -> Int32 in 777 }
            loa.function("post", capability: "post") { (_, _: UInt32, _: UInt32, _: UInt32, _: UInt32) -> Int32 in 778 }
        }
        let httpThenMirror = try Self.options(
            [first.loa(), mirror],
            grants: [LoaGrant("http", capabilities: .all), LoaGrant("mirror", capabilities: .all)])
        #expect(try await Fixtures.load("ts_era.wasm", options: httpThenMirror).call("fetch_items") as Int32 == 777)
        let mirrorThenHTTP = try Self.options(
            [second.loa(), mirror],
            grants: [LoaGrant("mirror", capabilities: .all), LoaGrant("http", capabilities: .all)])
        #expect(try await Fixtures.load("ts_era.wasm", options: mirrorThenHTTP).call("fetch_items") as Int32 == 120)
        #expect(first.requests.isEmpty && second.requests.count == 1)
    }

    /// createLoggingLoa of loa.ts replaces vudo_print: a Loa granted after the core one does too.
    @Test func aLoggingLoaGrantedLaterReplacesTheCoresPrint() async throws {
        let logged = Mutex<[String]>([])
        let logging = Loa("logging", version: "1.0.0") { loa in
            loa.function("vudo_print", capability: "log") { (context, pointer: UInt32, length: UInt32) in
                let text = try context.memory.readRawString(at: pointer, length: length)
                logged.withLock { $0.append(text) }
            }
        }
        let output = LineRecorder()
        let options = try Self.options(
            [logging, HTTPDouble().loa()],
            grants: [LoaGrant("http", capabilities: .all), LoaGrant("logging", capabilities: .all)],
            output: output.sink)
        try await Fixtures.load("ts_era.wasm", options: options).call("hello")
        #expect(logged.withLock { $0 } == ["hello from env"])
        #expect(output.lines.isEmpty)
    }

    @Test func loaLinksTheDOLABIWhenTheSignatureIsTheCompilersAndGrantedLoasOtherwise() async throws {
        let log = LineRecorder()
        var options = try Self.options([HTTPDouble().loa()], grants: [LoaGrant("http", capabilities: .all)])
        options.makeDeterministic(seed: 1, epochMilliseconds: 1_700_000_000_000)
        options.logger = log.logger
        let dol = try await Fixtures.load("loa_dol_shapes.wasm", options: options)
        #expect(try await dol.call("now") as Double == 1_700_000_000_000)
        try await dol.memory.writeBytes(Array("oops".utf8), at: 100)
        #expect(try await dol.call("error", UInt32(100), UInt32(4)) as Int32 == -1)
        #expect(try await dol.call("fetch_items") as Int32 == 120)

        let ts = try await Fixtures.load("loa_ts_shapes.wasm", options: options)
        #expect(try await ts.call("now") as Int64 == 1_700_000_000_000)
        await #expect { try await ts.call("stop") } throws: { error in
            guard case SpiritError.aborted("stop", let abort) = error else { return false }
            return abort == SpiritAbort(.abort, message: "stop", file: nil, line: 9)
        }
    }

    private func expectRefusal(
        _ fixture: String, _ expected: (module: String, name: String), _ reason: ImportFailure, _ options: SpiritOptions
    ) async {
        await #expect {
            _ = try await Fixtures.load(fixture, options: options)
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, let name, let got) = error else { return false }
            return module == expected.module && name == expected.name && got == reason
        }
    }
}
