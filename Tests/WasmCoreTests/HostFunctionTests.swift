import Testing
import WasmCore

/// Calls across the host boundary in both directions (Fixtures/host_calls.wat): guest → host,
/// host → guest, host functions that throw, and host functions that call back into the guest.
@Suite struct HostFunctionTests {
    struct HostFailure: Error, Equatable { let code: Int32 }

    /// What the host functions saw, for the tests to inspect.
    final class Log {
        var addCalls: [(Int32, Int32)] = []
        var callerHadInstance: [Bool] = []
        var memoryAt16: [UInt8]?
    }

    /// Host functions for the fixture's imports; `reenter` calls the guest's `count_down`.
    private func imports(
        store: Store, log: Log, fail: @escaping (Int32) throws -> Int32 = { throw HostFailure(code: $0) }
    ) -> Imports {
        var imports = Imports()
        let add = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32, .i32], results: [.i32])) { caller, arguments in
                let a = arguments[0].s32!, b = arguments[1].s32!
                log.addCalls.append((a, b))
                log.callerHadInstance.append(caller.instance != nil)
                if let memory = caller.memory {
                    log.memoryAt16 = caller.store.memory(memory).read(at: 16, count: 4)
                }
                return [.s32(a &+ b)]
            })
        let failing = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, arguments in
                [.s32(try fail(arguments[0].s32!))]
            })
        let reenter = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { caller, arguments in
                let instance = try #require(caller.instance)
                let countDown = try #require(instance.exportedFunction("count_down"))
                return try caller.store.invoke(countDown, arguments)
            })
        let swap = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i64, .f64], results: [.f64, .i64])) { _, arguments in
                [arguments[1], arguments[0]]
            })
        imports.define(module: "env", name: "add", .function(add))
        imports.define(module: "env", name: "fail", .function(failing))
        imports.define(module: "env", name: "reenter", .function(reenter))
        imports.define(module: "env", name: "swap", .function(swap))
        return imports
    }

    private func load(
        log: Log = Log(), fail: @escaping (Int32) throws -> Int32 = { throw HostFailure(code: $0) }
    ) throws -> Loaded {
        let store = Store()
        let instance = try store.instantiate(
            try Fixtures.module("host_calls"), imports: imports(store: store, log: log, fail: fail))
        return Loaded(store: store, instance: instance)
    }

    @Test func guestCallsHost() throws {
        let log = Log()
        let wasm = try load(log: log)
        #expect(try wasm.i32("call_add", 2, 3) == 15)
        #expect(log.addCalls.count == 1 && log.addCalls[0] == (2, 3))
        #expect(log.callerHadInstance == [true])
    }

    @Test func hostCallsGuest() throws {
        let wasm = try load()
        #expect(try wasm.store.invoke(wasm.function("double"), [.s32(21)]) == [.s32(42)])
        #expect(try wasm.i32("double", -4) == -8)
    }

    @Test func hostFunctionInvokedDirectlyHasNoCallerInstance() throws {
        let store = Store()
        let log = Log()
        _ = imports(store: store, log: log)
        let add = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { caller, arguments in
                log.callerHadInstance.append(caller.instance != nil)
                return [.s32(arguments[0].s32! + 1)]
            })
        #expect(try store.invoke(add, [.s32(1)]) == [.s32(2)])
        #expect(log.callerHadInstance == [false])
        #expect(store.functionType(add) == FunctionType(parameters: [.i32], results: [.i32]))
    }

    @Test func valuesLiveAcrossAHostCall() throws {
        #expect(try load().i32("live_across_call", 5) == 1020)
    }

    @Test func multipleValuesAcrossTheBoundary() throws {
        let wasm = try load()
        #expect(try wasm.call("call_swap", [.s64(-5), .double(2.5)]) == [.double(2.5), .s64(-5)])
        // NaN payloads pass through the host unchanged.
        let nan: UInt64 = 0x7FF4_0000_0000_0001
        #expect(try wasm.call("call_swap", [.i64(1), .f64(nan)]) == [.f64(nan), .i64(1)])
    }

    @Test func hostReadsCallerMemory() throws {
        let log = Log()
        let wasm = try load(log: log)
        #expect(try wasm.i32("store_then_add", 0x0102_0304) == 0x0102_0304)
        #expect(log.memoryAt16 == [0x04, 0x03, 0x02, 0x01])
    }

    @Test func hostErrorBecomesATrapWithTheError() throws {
        let wasm = try load()
        let trap = try wasm.trap("call_fail", [.s32(7)])
        #expect(trap.underlyingError as? HostFailure == HostFailure(code: 7))
        #expect(trap.reason.origin == .host)
        guard case .host = trap.reason else {
            Issue.record("reason \(trap.reason)")
            return
        }
        #expect(trap.backtrace.first == "call_fail")
        // The guest did not continue after the failed call.
        let memory = try #require(wasm.instance.export("memory"))
        guard case .memory(let address) = memory else { throw Loaded.Unexpected() }
        #expect(wasm.store.memory(address).read(at: 0, count: 4) == [0, 0, 0, 0])
        // And the instance is usable.
        #expect(try wasm.i32("call_add", 1, 1) == 6)
        #expect(try wasm.i32("double", 8) == 16)
    }

    @Test func hostThrowingATrapKeepsItsReason() throws {
        let wasm = try load(fail: { _ in throw Trap(.integerDivideByZero) })
        let trap = try wasm.trap("call_fail", [.s32(1)])
        #expect(trap.reason == .integerDivideByZero)
        #expect(trap.backtrace.contains("call_fail"))
    }

    @Test func hostReturningWrongTypesTraps() throws {
        let store = Store()
        let liar = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [], results: [.i32])) { _, _ in [.i64(1)] })
        let error = #expect(throws: Trap.self) { try store.invoke(liar, []) }
        guard case .host = error?.reason else {
            Issue.record("reason \(String(describing: error?.reason))")
            return
        }
        let silent = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [], results: [.i32])) { _, _ in [] })
        #expect(throws: Trap.self) { try store.invoke(silent, []) }
    }

    @Test func invokeChecksArguments() throws {
        let wasm = try load()
        #expect(throws: Trap.self) { try wasm.store.invoke(wasm.function("double"), []) }
        #expect(throws: Trap.self) { try wasm.store.invoke(wasm.function("double"), [.i64(1)]) }
        #expect(try wasm.i32("double", 2) == 4)
    }

    // MARK: Re-entrancy

    @Test func hostCallsBackIntoTheGuest() throws {
        let wasm = try load()
        #expect(try wasm.i32("count_down", 0) == 0)
        #expect(try wasm.i32("count_down", 1) == 1)
        #expect(try wasm.i32("count_down", 50) == 50)
    }

    @Test func unboundedReentrancyEndsInTheCallStackTrap() throws {
        let wasm = try load()
        let trap = try wasm.trap("count_down", [.s32(1_000_000)])
        #expect(trap.reason == .callStackExhausted)
        // Every level unwound: the store works again, at depth.
        #expect(try wasm.i32("count_down", 60) == 60)
        #expect(try wasm.i32("call_add", 20, 22) == 126)
    }

    // MARK: Linking

    @Test func missingImportIsALinkError() throws {
        let store = Store()
        let error = #expect(throws: InstantiationError.self) {
            _ = try store.instantiate(try Fixtures.module("host_calls"), imports: Imports())
        }
        #expect(error?.kind == .link)
        #expect(error?.message.contains("env.add") == true)
    }

    @Test func mismatchedImportTypeIsALinkError() throws {
        let store = Store()
        var imports = self.imports(store: store, log: Log())
        let wrong = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, a in a })
        imports.define(module: "env", name: "add", .function(wrong))
        let error = #expect(throws: InstantiationError.self) {
            _ = try store.instantiate(try Fixtures.module("host_calls"), imports: imports)
        }
        #expect(error?.kind == .link)
        #expect(error?.message.contains("incompatible import type") == true)
    }
}

/// Imports that name objects of another store are link errors, not out-of-range crashes.
@Suite struct ForeignImportTests {
    @Test func anImportFromAnotherStoreIsALinkError() throws {
        let other = Store()
        for _ in 0..<3 { _ = try other.addGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i32(1)) }
        let foreign = other.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, a in a })
        let store = Store()
        let module = try Fixtures.module("host_calls")
        var imports = Imports()
        for entry in module.imports {
            imports.define(module: entry.module, name: entry.name, .function(foreign))
        }
        // `foreign` is function 0 of `other`; this store has no function yet.
        let error = #expect(throws: InstantiationError.self) { _ = try store.instantiate(module, imports: imports) }
        #expect(error?.kind == .link)
    }
}
