import Testing
@_spi(Tools) import WasmCore
import WasmText

/// A call zeroes only four slots of the new frame; a function with more declared locals, or with
/// constants, runs a prologue placed after its body first. Every way into a function must still
/// find its locals zero and its constants in place, however the slots were left by the frame that
/// used them before (the spec: locals start at their default value). Expected values: by the
/// spec's semantics, and wasmtime gives the same for each export.
@Suite struct FramePrologueTests {
    /// `$wide` records what its six wide locals held on entry (`seen`), then fills them with
    /// 1, 2, 4, ... 32 (constants) and adds them to what the deeper call returns: with zeroed
    /// locals, `n` levels return 63 n + 1000, and any stale local shows in the total.
    static let module = """
        (module
          (type $level (func (param i32) (result i64)))
          (table funcref (elem $wide))
          (func $wide (export "direct") (param $n i32) (result i64)
            (local $a i64) (local $b i64) (local $c i64) (local $d i64) (local $e i64) (local $f i64)
            (local $seen i64)
            (local.set $seen
              (i64.or (i64.or (i64.or (local.get $a) (local.get $b)) (i64.or (local.get $c) (local.get $d)))
                (i64.or (local.get $e) (local.get $f))))
            (local.set $a (i64.const 1)) (local.set $b (i64.const 2)) (local.set $c (i64.const 4))
            (local.set $d (i64.const 8)) (local.set $e (i64.const 16)) (local.set $f (i64.const 32))
            (i64.add (local.get $seen)
              (if (result i64) (i32.eqz (local.get $n))
                (then (i64.const 1000))
                (else
                  (i64.add
                    (call $wide (i32.sub (local.get $n) (i32.const 1)))
                    (i64.add (i64.add (i64.add (local.get $a) (local.get $b)) (i64.add (local.get $c) (local.get $d)))
                      (i64.add (local.get $e) (local.get $f))))))))
          (func (export "indirect") (param $n i32) (result i64)
            (call_indirect (type $level) (local.get $n) (i32.const 0)))
          ;; Leaves its own eight locals non-zero in the frame that the tail call hands to $wide.
          (func (export "after_dirty_frame") (param $n i32) (result i64)
            (local i64 i64 i64 i64 i64 i64 i64 i64)
            (local.set 1 (i64.const -1)) (local.set 2 (i64.const -1)) (local.set 3 (i64.const -1))
            (local.set 4 (i64.const -1)) (local.set 5 (i64.const -1)) (local.set 6 (i64.const -1))
            (local.set 7 (i64.const -1)) (local.set 8 (i64.const -1))
            (return_call $wide (local.get $n)))
          ;; A loop as the body's first instruction: its back edge goes to index 0, where the
          ;; prologue also jumps, and must not zero the counter again.
          (func (export "loop_first") (param $n i32) (result i32)
            (local $i i32) (local i32 i32 i32 i32 i32)
            (loop $again
              (local.set $i (i32.add (local.get $i) (i32.const 3)))
              (br_if $again (i32.lt_u (local.get $i) (local.get $n))))
            (local.get $i)))
        """

    @Test func everyEntryFindsItsLocalsZeroAndItsConstantsSet() throws {
        let module = try Running(Self.module)
        for n in [0, 1, 5, 200] {
            let expected = Value.i64(UInt64(63 * n + 1000))
            #expect(try module.call("direct", [.i32(UInt32(n))]) == [expected])
            #expect(try module.call("indirect", [.i32(UInt32(n))]) == [expected])
            #expect(try module.call("after_dirty_frame", [.i32(UInt32(n))]) == [expected])
        }
    }

    @Test(.timeLimit(.minutes(1))) func aLoopAtTheStartDoesNotRunThePrologueAgain() throws {
        let module = try Running(Self.module)
        #expect(try module.call("loop_first", [.i32(10)]) == [.i32(12)])
        #expect(try module.call("loop_first", [.i32(0)]) == [.i32(3)])
    }

    @Test func withFuelTheCheckpointAtTheStartStillCharges() throws {
        var configuration = EngineConfiguration()
        configuration.meteringEnabled = true
        let module = try Running(Self.module, configuration: configuration)
        module.store.fuel = 1_000_000
        #expect(try module.call("direct", [.i32(5)]) == [.i64(1315)])
        #expect(try module.call("loop_first", [.i32(30)]) == [.i32(30)])
        let used = 1_000_000 - (module.store.fuel ?? 0)
        #expect(used > 0)
        module.store.fuel = 1_000
        #expect(module.trap("loop_first", [.i32(1_000_000)]) == .outOfFuel)
    }

    @Test func onlyFunctionsThatNeedItHaveAPrologue() throws {
        let module = try Running(
            """
            (module
              (func (export "small") (param i32) (result i32) (local i32 i32 i32 i32)
                (i32.add (local.get 0) (local.get 4)))
              (func (export "many_locals") (param i32) (result i32) (local i32 i32 i32 i32 i32)
                (i32.add (local.get 0) (local.get 5)))
              (func (export "constant") (result i64) (i64.const 0x123456789abc)))
            """)
        func code(_ name: String) throws -> String {
            try module.store.internalCode(of: #require(module.instance.exportedFunction(name)))
        }
        #expect(try !code("small").contains("enterFrame"))
        #expect(try code("many_locals").contains("enterFrame"))
        #expect(try code("constant").contains("enterFrame"))
        #expect(try module.call("many_locals", [.i32(7)]) == [.i32(7)])
        #expect(try module.call("constant") == [.i64(0x1234_5678_9abc)])
    }
}
