import Testing
import WasmCore

/// Traps (Fixtures/traps.wat): the reason, a backtrace named from the name section, and an
/// instance that works normally afterwards.
@Suite struct TrapTests {
    let wasm: Loaded

    init() throws {
        wasm = try Fixtures.instantiate("traps")
    }

    @Test func backtraceNamesEveryFrameInnermostFirst() throws {
        let trap = try wasm.trap("outer")
        #expect(trap.reason == .unreachable)
        #expect(trap.reason.origin == .guest)
        #expect(trap.backtrace == ["inner", "middle", "outer"])
        #expect(trap.description.hasPrefix("unreachable\n"))
        #expect(trap.description.contains("inner"))
    }

    @Test func backtraceFallsBackToIndices() throws {
        // The same module without its name section.
        var module = try Fixtures.module("traps")
        module.names = NameSection()
        let store = Store()
        let instance = try store.instantiate(module)
        let outer = try #require(instance.exportedFunction("outer"))
        let error = #expect(throws: Trap.self) { try store.invoke(outer, []) }
        #expect(error?.backtrace == ["func[0]", "func[1]", "func[2]"])
    }

    @Test func integerTraps() throws {
        #expect(try wasm.trap("divide", [.s32(1), .s32(0)]).reason == .integerDivideByZero)
        #expect(try wasm.trap("divide", [.s32(Int32.min), .s32(-1)]).reason == .integerOverflow)
        #expect(try wasm.i32("divide", -7, 2) == -3)
    }

    @Test func memoryTraps() throws {
        #expect(try wasm.i32("load", 65532) == 0)
        for address: Int32 in [65533, 65536, -1, Int32.min] {
            let trap = try wasm.trap("load", [.s32(address)])
            #expect(trap.reason == .memoryOutOfBounds, "address \(address)")
            #expect(trap.backtrace == ["load"])
        }
    }

    @Test func indirectCallTraps() throws {
        #expect(try wasm.trap("call_slot", [.s32(0)]).reason == .unreachable)
        #expect(try wasm.trap("call_slot", [.s32(1)]).reason == .indirectCallTypeMismatch)
        #expect(try wasm.trap("call_slot", [.s32(2)]).reason == .uninitializedElement(2))
        #expect(try wasm.trap("call_slot", [.s32(3)]).reason == .undefinedElement)
        #expect(try wasm.trap("call_slot", [.s32(-1)]).reason == .undefinedElement)
        #expect(try wasm.trap("call_slot", [.s32(0)]).backtrace == ["inner", "call_slot"])
    }

    @Test func conversionTraps() throws {
        #expect(try wasm.trap("truncate", [.f32(0x7FC0_0000)]).reason == .invalidConversionToInteger)
        #expect(try wasm.trap("truncate", [.float(3e9)]).reason == .integerOverflow)
        #expect(try wasm.trap("truncate", [.float(-2_147_483_904)]).reason == .integerOverflow)
        #expect(try wasm.call("truncate", [.float(-2_147_483_648)]) == [.s32(Int32.min)])
        #expect(try wasm.call("truncate", [.float(-1.9)]) == [.s32(-1)])
    }

    @Test func trapMessagesAreTheSpecSuiteTexts() {
        #expect(TrapReason.unreachable.description == "unreachable")
        #expect(TrapReason.memoryOutOfBounds.description == "out of bounds memory access")
        #expect(TrapReason.integerDivideByZero.description == "integer divide by zero")
        #expect(TrapReason.integerOverflow.description == "integer overflow")
        #expect(TrapReason.invalidConversionToInteger.description == "invalid conversion to integer")
        #expect(TrapReason.indirectCallTypeMismatch.description == "indirect call type mismatch")
        #expect(TrapReason.undefinedElement.description == "undefined element")
        #expect(TrapReason.uninitializedElement(2).description == "uninitialized element 2")
        #expect(TrapReason.callStackExhausted.description == "call stack exhausted")
    }

    @Test func instanceStaysUsableAfterEachTrap() throws {
        for _ in 0..<3 {
            _ = try wasm.trap("outer")
            #expect(try wasm.i32("ok") == 42)
            _ = try wasm.trap("divide", [.s32(1), .s32(0)])
            #expect(try wasm.i32("divide", 100, 5) == 20)
            _ = try wasm.trap("load", [.s32(-1)])
            #expect(try wasm.i32("load", 0) == 0)
            _ = try wasm.trap("call_slot", [.s32(2)])
            #expect(try wasm.i32("ok") == 42)
        }
    }

    @Test func startFunctionTrapIsAnInstantiationTrap() throws {
        // (func $start unreachable) (start $start)
        let bytes = Binary.module(
            Binary.typeSection([Binary.functionType([], [])]), Binary.functionSection([0]),
            Binary.startSection(0), Binary.codeSection([Binary.body([Instr.unreachable])]))
        let error = #expect(throws: InstantiationError.self) { _ = try Store().instantiate(try Module(bytes: bytes)) }
        #expect(error?.kind == .trap)
        #expect(error?.message == "unreachable")
    }
}
