import Testing
import WasmCore

/// memory.grow up to the declared maximum and -1 beyond it (Fixtures/memory_grow.wat), and the
/// engine's page limit for memories without a maximum (Fixtures/memory_unbounded.wat).
@Suite struct MemoryGrowTests {
    private func memory(_ wasm: Loaded) throws -> MemoryInstance {
        guard case .memory(let address) = try #require(wasm.instance.export("memory")) else {
            throw Loaded.Unexpected()
        }
        return wasm.store.memory(address)
    }

    @Test func growsToTheMaximumThenFails() throws {
        let wasm = try Fixtures.instantiate("memory_grow")
        #expect(try wasm.i32("size") == 1)
        #expect(try wasm.i32("grow", 1) == 1)
        #expect(try wasm.i32("grow", 2) == 2)
        #expect(try wasm.i32("size") == 4)
        #expect(try wasm.i32("grow", 1) == -1)
        #expect(try wasm.i32("grow", 0) == 4)
        #expect(try wasm.i32("grow", -1) == -1)
        #expect(try wasm.i32("size") == 4)
        #expect(try memory(wasm).pageCount == 4)
    }

    @Test func growingPastTheMaximumAtOnceFails() throws {
        let wasm = try Fixtures.instantiate("memory_grow")
        #expect(try wasm.i32("grow", 4) == -1)
        #expect(try wasm.i32("size") == 1)
        #expect(try wasm.i32("grow", 3) == 1)
    }

    @Test func loopGrowsUntilFailure() throws {
        let wasm = try Fixtures.instantiate("memory_grow")
        #expect(try wasm.i32("grow_until_failure") == 3)
        #expect(try wasm.i32("size") == 4)
    }

    @Test func newPagesAreZeroedAndAddressable() throws {
        let wasm = try Fixtures.instantiate("memory_grow")
        let last = Int32(4 * 65536 - 4)
        #expect(try wasm.trap("load", [.s32(last)]).reason == .memoryOutOfBounds)
        try wasm.store.invoke(wasm.function("store"), [.s32(100), .s32(0x1234_5678)]).isEmpty ? () : ()
        #expect(try wasm.i32("grow", 3) == 1)
        #expect(try wasm.i32("load", last) == 0)
        #expect(try wasm.i32("load", 2 * 65536) == 0)
        _ = try wasm.call("store", [.s32(last), .s32(-2)])
        #expect(try wasm.i32("load", last) == -2)
        // Old contents survive the move, and the host sees the same bytes.
        #expect(try wasm.i32("load", 100) == 0x1234_5678)
        #expect(try memory(wasm).read(at: Int(last), count: 4) == [0xFE, 0xFF, 0xFF, 0xFF])
        #expect(try memory(wasm).byteCount == 4 * 65536)
        #expect(try wasm.trap("load", [.s32(last + 1)]).reason == .memoryOutOfBounds)
    }

    @Test func engineLimitCapsAMemoryWithoutMaximum() throws {
        var configuration = EngineConfiguration()
        configuration.maxMemoryPages = 10
        let wasm = try Fixtures.instantiate("memory_unbounded", configuration: configuration)
        #expect(try wasm.i32("size") == 0)
        #expect(try wasm.i32("grow", 11) == -1)
        #expect(try wasm.i32("grow", 10) == 0)
        #expect(try wasm.i32("grow", 1) == -1)
        #expect(try wasm.i32("size") == 10)
        #expect(try wasm.i32("store_last") == 0xAB)
    }

    @Test func hugeDeltaFailsWithoutAllocating() throws {
        let wasm = try Fixtures.instantiate("memory_unbounded")
        #expect(try wasm.i32("grow", Int32.max) == -1)
        #expect(try wasm.i32("grow", -1) == -1)
        #expect(try wasm.i32("grow", 65537) == -1)
        #expect(try wasm.i32("grow", 2) == 0)
        #expect(try wasm.i32("store_last") == 0xAB)
    }

    @Test func initialSizeAboveTheEngineLimitIsALimitError() throws {
        var configuration = EngineConfiguration()
        configuration.maxMemoryPages = 10
        let store = Store(configuration: configuration)
        let module = try Module(bytes: Binary.module(Binary.memorySection(min: 11)))
        let error = #expect(throws: InstantiationError.self) { _ = try store.instantiate(module) }
        #expect(error?.kind == .limit)
    }
}
