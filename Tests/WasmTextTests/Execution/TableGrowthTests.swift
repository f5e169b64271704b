import Testing
import WasmCore
import WasmText

/// Tables grow into spare capacity (it at least doubles) and move from the allocator to a mapping
/// past 8,192 elements: elements survive every move, new ones are what `table.grow` was given.
@Suite struct TableGrowthTests {
    static let growing = """
        (module
          (table $t 0 funcref)
          (elem declare func $seven)
          (func $seven (result i32) (i32.const 7))
          ;; Grows by one element n times: function references at even indices, null at odd ones.
          (func (export "grow") (param $n i32) (result i32)
            (local $i i32)
            (loop $l
              (if (i32.and (local.get $i) (i32.const 1))
                (then (drop (table.grow $t (ref.null func) (i32.const 1))))
                (else (drop (table.grow $t (ref.func $seven) (i32.const 1)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
            (table.size $t))
          (func (export "call_at") (param i32) (result i32) (call_indirect $t (result i32) (local.get 0)))
          (func (export "is_null") (param i32) (result i32) (ref.is_null (table.get $t (local.get 0)))))
        """

    @Test func elementsSurviveEveryMove() throws {
        let module = try Running(Self.growing)
        #expect(try module.call("grow", [.i32(20_000)]) == [.i32(20_000)])
        for index: UInt32 in [0, 2, 8190, 8192, 16_384, 19_998] {
            #expect(try module.call("call_at", [.i32(index)]) == [.i32(7)])
        }
        for index: UInt32 in [1, 8191, 8193, 19_999] {
            #expect(try module.call("is_null", [.i32(index)]) == [.i32(1)])
        }
        #expect(module.trap("call_at", [.i32(20_000)]) == .undefinedElement)
        #expect(try module.call("grow", [.i32(3)]) == [.i32(20_003)])
        #expect(try module.call("call_at", [.i32(20_000)]) == [.i32(7)])
        #expect(try module.call("is_null", [.i32(20_001)]) == [.i32(1)])
    }

    @Test func theEngineLimitStopsGrowth() throws {
        var configuration = EngineConfiguration()
        configuration.maxTableElements = 10
        let module = try Running(Self.growing, configuration: configuration)
        // table.grow returns -1 past the limit; the loop goes on, the size stays at 10.
        #expect(try module.call("grow", [.i32(25)]) == [.i32(10)])
    }
}
