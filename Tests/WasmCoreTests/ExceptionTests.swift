import Testing
@_spi(Tools) import WasmCore

/// Exceptions across wasm frames and the host boundary (Fixtures/exceptions.wat; expected values
/// checked with wasmtime 51): thrown deep and caught at the top, thrown by the host and caught by
/// the guest, thrown by the guest and seen by the host as a typed error.
@Suite struct ExceptionTests {
    struct HostFailure: Error, Equatable { let code: Int }

    /// The fixture with its host: `host_throw x` throws `host_tag (x, 2x)`, `host_fail` throws a
    /// Swift error, `host_call x` calls the guest's `deep x` (which throws `e 42`).
    private func load(asyncHostThrow: Bool = false) throws -> (Loaded, hostTag: TagAddress) {
        let store = Store()
        var imports = Imports()
        let hostTag = store.addTag(FunctionType(parameters: [.i32, .i64], results: []))
        let throwType = FunctionType(parameters: [.i32], results: [])
        let exception = { (arguments: [Value]) in
            let x = arguments[0].s32!
            return WasmException(tag: hostTag, values: [.s32(x), .i64(UInt64(bitPattern: Int64(x) * 2))])
        }
        let hostThrow = store.addHostFunction(
            asyncHostThrow
                ? HostFunction(type: throwType) { _, arguments async throws in
                    await Task.yield()
                    throw exception(arguments)
                }
                : HostFunction(type: throwType) { _, arguments in throw exception(arguments) })
        let hostFail = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [], results: [])) { _, _ in throw HostFailure(code: 7) })
        let hostCall = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { caller, arguments in
                let instance = try #require(caller.instance)
                return try caller.store.invoke(try #require(instance.exportedFunction("deep")), arguments)
            })
        imports.define(module: "env", name: "host_tag", .tag(hostTag))
        imports.define(module: "env", name: "host_throw", .function(hostThrow))
        imports.define(module: "env", name: "host_fail", .function(hostFail))
        imports.define(module: "env", name: "host_call", .function(hostCall))
        let instance = try store.instantiate(try Fixtures.module("exceptions"), imports: imports)
        return (Loaded(store: store, instance: instance), hostTag)
    }

    @Test func thrownTenThousandFramesDeepIsCaughtAtTheTop() throws {
        let (loaded, _) = try load()
        #expect(try loaded.i32("catch_deep", 0) == 42)
        #expect(try loaded.i32("catch_deep", 10_000) == 42)
        #expect(try loaded.i32("legacy_catch_deep", 10_000) == 42)
        // The frames were left: later calls start from an empty call stack.
        #expect(try loaded.i32("catch_deep", 10_000) == 42)
    }

    @Test func throwingInALoopStaysBounded() throws {
        let (loaded, _) = try load()
        #expect(try loaded.i32("throw_loop", 100_000) == 705_082_704)
    }

    @Test func tryTableCostsNothingWhenNothingThrows() throws {
        let (loaded, _) = try load()
        func body(_ name: String) throws -> String {
            let listing = try loaded.store.internalCode(of: loaded.function(name))
            return String(listing.drop { $0 != "\n" })
        }
        #expect(try body("guarded") == body("plain"))
        #expect(try loaded.i32("guarded", 1000) == loaded.i32("plain", 1000))
    }

    @Test func catchRefAndThrowRefKeepTheException() throws {
        let (loaded, _) = try load()
        #expect(try loaded.i32("rethrow_ref", 5) == 5)
    }

    @Test func uncaughtExceptionReachesTheHostWithItsTagAndValues() throws {
        let (loaded, _) = try load()
        let trap = try loaded.trap("throw_out", [.s32(7)])
        guard case .tag(let tag) = loaded.instance.export("e") else {
            Issue.record("tag e is not exported")
            return
        }
        #expect(trap.reason == .exception(WasmException(tag: tag, values: [.s32(7)])))
        #expect(loaded.store.tagType(tag) == FunctionType(parameters: [.i32], results: []))
        // The instance stays usable.
        #expect(try loaded.i32("catch_deep", 3) == 42)
    }

    @Test func hostThrowsAnExceptionTheGuestCatches() throws {
        let (loaded, _) = try load()
        #expect(try loaded.call("catch_host", [.s32(21)]) == [.s32(21), .i64(42)])
        #expect(try loaded.call("catch_host", [.s32(-3)]) == [.s32(-3), .i64(UInt64(bitPattern: -6))])
    }

    @Test func asyncHostThrowsAnExceptionTheGuestCatches() async throws {
        let (loaded, _) = try load(asyncHostThrow: true)
        let results = try await loaded.store.invokeAsync(loaded.function("catch_host"), [.s32(21)])
        #expect(results == [.s32(21), .i64(42)])
    }

    /// A tail call leaves its caller's frame, handlers included: an exception of a tail-called host
    /// function escapes the try_table around the tail call and reaches the tail-caller's caller.
    @Test(arguments: ["tail_call", "tail_call_ref", "tail_call_indirect"])
    func aTailCalledHostsExceptionSkipsTheTailCallersHandlers(_ form: String) throws {
        let (loaded, hostTag) = try load()
        #expect(try loaded.call("catch_\(form)", [.s32(5)]) == [.s32(5), .i64(10)])
        let trap = try loaded.trap("\(form)_host", [.s32(6)])
        #expect(trap.reason == .exception(WasmException(tag: hostTag, values: [.s32(6), .i64(12)])))
    }

    @Test(arguments: ["tail_call", "tail_call_ref", "tail_call_indirect"])
    func anAsyncTailCalledHostsExceptionSkipsTheTailCallersHandlers(_ form: String) async throws {
        let (loaded, _) = try load(asyncHostThrow: true)
        let results = try await loaded.store.invokeAsync(loaded.function("catch_\(form)"), [.s32(5)])
        #expect(results == [.s32(5), .i64(10)])
    }

    @Test func exceptionKeptInAGlobalStaysItself() throws {
        let (loaded, _) = try load()
        #expect(try loaded.i32("saved_exception", 17) == 17)
    }

    @Test func hostErrorStaysATrapTheGuestCannotCatch() throws {
        let (loaded, _) = try load()
        let trap = try loaded.trap("catch_all_host_fail")
        #expect(trap.underlyingError as? HostFailure == HostFailure(code: 7))
        if case .exception = trap.reason { Issue.record("a host error became an exception") }
    }

    @Test func guestExceptionPassesThroughAHostFunction() throws {
        let (loaded, _) = try load()
        // deep(3) throws e 42 in a nested call from the host function; the outer guest catches it.
        #expect(try loaded.i32("through_host", 3) == 42)
    }

    @Test func exceptionWithTheWrongValuesIsATrap() throws {
        let store = Store()
        let tag = store.addTag(FunctionType(parameters: [.i32, .i64], results: []))
        var imports = Imports()
        imports.define(module: "env", name: "host_tag", .tag(tag))
        let bad = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [])) { _, _ in
                throw WasmException(tag: tag, values: [.s32(1)])
            })
        let nothing = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [], results: [])) { _, _ in [] })
        let call = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, _ in [.s32(0)] })
        imports.define(module: "env", name: "host_throw", .function(bad))
        imports.define(module: "env", name: "host_fail", .function(nothing))
        imports.define(module: "env", name: "host_call", .function(call))
        let loaded = Loaded(
            store: store, instance: try store.instantiate(try Fixtures.module("exceptions"), imports: imports))
        let trap = try loaded.trap("catch_host", [.s32(1)])
        guard case .exception = trap.reason else { return }
        Issue.record("a malformed host exception was thrown into the guest")
    }

    @Test func tagImportNeedsTheSameType() throws {
        let store = Store()
        var imports = Imports()
        imports.define(
            module: "env", name: "host_tag", .tag(store.addTag(FunctionType(parameters: [.i32], results: []))))
        #expect(throws: InstantiationError.self) {
            _ = try store.instantiate(try Fixtures.module("exceptions"), imports: imports)
        }
    }
}
