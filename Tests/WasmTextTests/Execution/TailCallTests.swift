import TestSupport
import Testing
import WasmCore
import WasmText

/// Tail calls reuse the caller's frame: recursion through `return_call` runs in constant space,
/// far past the call depth limit that the same recursion through `call` reaches.
@Suite struct TailCallTests {
    static let parity = """
        (module
          (type $test (func (param i64) (result i32)))
          (table 2 funcref)
          (elem (i32.const 0) $even $odd)
          (func $even (export "even") (param $n i64) (result i32)
            (if (result i32) (i64.eqz (local.get $n))
              (then (i32.const 1))
              (else (return_call $odd (i64.sub (local.get $n) (i64.const 1))))))
          (func $odd (export "odd") (param $n i64) (result i32)
            (if (result i32) (i64.eqz (local.get $n))
              (then (i32.const 0))
              (else (return_call_indirect (type $test) (i64.sub (local.get $n) (i64.const 1)) (i32.const 0)))))
          (func $plainEven (export "plain_even") (param $n i64) (result i32)
            (if (result i32) (i64.eqz (local.get $n))
              (then (i32.const 1))
              (else (call $plainOdd (i64.sub (local.get $n) (i64.const 1))))))
          (func $plainOdd (param $n i64) (result i32)
            (if (result i32) (i64.eqz (local.get $n))
              (then (i32.const 0))
              (else (call $plainEven (i64.sub (local.get $n) (i64.const 1)))))))
        """

    /// Seconds of work in a debug build, on a thread of its own.
    @Test func aMutualTailRecursionTenMillionCallsDeepReturns() async throws {
        // The default depth limit is far below ten million: plain calls run out of it.
        #expect(EngineConfiguration().maxCallDepth < 10_000_000)
        let (plainTrap, even, odd, seven) = try await offThePool {
            let module = try Running(Self.parity)
            return (
                module.trap("plain_even", [.i64(100_000)]), try module.call("even", [.i64(10_000_000)]),
                try module.call("even", [.i64(9_999_999)]), try module.call("odd", [.i64(7)])
            )
        }
        #expect(plainTrap == .callStackExhausted)
        #expect(even == [.i32(1)])
        #expect(odd == [.i32(0)])
        #expect(seven == [.i32(1)])
    }

    @Test func aTailCallToAHostFunctionReturnsItsResults() throws {
        let store = Store()
        var imports = Imports()
        let triple = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32, .i64], results: [.i64, .i32])) { _, arguments in
                guard case .i32(let x) = arguments[0], case .i64(let y) = arguments[1] else { return [] }
                return [.i64(y &* 3), .i32(x &+ 1)]
            })
        imports.define(module: "host", name: "triple", .function(triple))
        let module = try Running(
            """
            (module
              (import "host" "triple" (func $triple (param i32 i64) (result i64 i32)))
              (func (export "f") (param i32 i64) (result i64 i32)
                (return_call $triple (local.get 0) (local.get 1))))
            """, in: store, imports: imports)
        #expect(try module.call("f", [.i32(41), .i64(14)]) == [.i64(42), .i32(42)])
    }

    @Test func aTailCallWithMoreParametersThanTheCallerHasSlots() throws {
        // The callee's frame is larger than the caller's: the arguments move down to slot 0 and
        // the callee's locals start zeroed.
        let module = try Running(
            """
            (module
              (func $sum (param i32 i32 i32 i32 i32 i32) (result i32)
                (local $zero i32)
                (i32.add (local.get $zero)
                  (i32.add (i32.add (i32.add (local.get 0) (local.get 1)) (i32.add (local.get 2) (local.get 3)))
                    (i32.add (local.get 4) (local.get 5)))))
              (func (export "f") (result i32)
                (return_call $sum (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5) (i32.const 6))))
            """)
        #expect(try module.call("f") == [.i32(21)])
    }

    @Test func anIndirectTailCallChecksTheType() throws {
        let module = try Running(
            """
            (module
              (type $unary (func (param i32) (result i32)))
              (type $nullary (func (result i32)))
              (table funcref (elem $seven))
              (func $seven (result i32) (i32.const 7))
              (func (export "right") (result i32) (return_call_indirect (type $nullary) (i32.const 0)))
              (func (export "wrong") (result i32) (return_call_indirect (type $unary) (i32.const 1) (i32.const 0)))
              (func (export "outside") (result i32) (return_call_indirect (type $nullary) (i32.const 5))))
            """)
        #expect(try module.call("right") == [.i32(7)])
        #expect(module.trap("wrong") == .indirectCallTypeMismatch)
        #expect(module.trap("outside") == .undefinedElement)
    }

    @Test func aTailCallThroughAReferenceRunsInConstantSpace() throws {
        let module = try Running(
            """
            (module
              (type $step (func (param i64 i64) (result i64)))
              (elem declare func $sum)
              (func $sum (type $step) (param $n i64) (param $total i64) (result i64)
                (if (result i64) (i64.eqz (local.get $n))
                  (then (local.get $total))
                  (else
                    (return_call_ref $step
                      (i64.sub (local.get $n) (i64.const 1)) (i64.add (local.get $total) (local.get $n))
                      (ref.func $sum)))))
              (func (export "sum") (param i64) (result i64)
                (call $sum (local.get 0) (i64.const 0)))
              (func (export "null") (result i64)
                (return_call_ref $step (i64.const 1) (i64.const 2) (ref.null $step))))
            """)
        #expect(try module.call("sum", [.i64(3_000_000)]) == [.i64(4_500_001_500_000)])
        #expect(module.trap("null") == .nullFunctionReference)
    }

    /// Only GC's `sub` declares a type that is not final, whose subtypes' functions match too.
    @Test func anIndirectTailCallAcceptsASubtypesFunction() throws {
        let module = try Running(
            """
            (module
              (type $base (sub (func (result i32))))
              (type $derived (sub $base (func (result i32))))
              (type $other (func (result i32)))
              (table funcref (elem $seven $eight))
              (func $seven (type $derived) (i32.const 7))
              (func $eight (type $other) (i32.const 8))
              (func (export "derived") (result i32) (return_call_indirect (type $base) (i32.const 0)))
              (func (export "unrelated") (result i32) (return_call_indirect (type $base) (i32.const 1))))
            """)
        #expect(try module.call("derived") == [.i32(7)])
        #expect(module.trap("unrelated") == .indirectCallTypeMismatch)
    }
}
