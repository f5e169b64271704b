import Testing
import WasmCore
import WasmText

/// Several memories, 64-bit memories and 64-bit tables, against the spec's semantics.
@Suite struct MemoryIndexTests {
    @Test func eachMemoryHasItsOwnBytesAndBounds() throws {
        let module = try Running(
            """
            (module
              (memory $small 1)
              (memory $large 2)
              (data (memory $large) (i32.const 65536) "\\2a")
              (func (export "store") (param $memory i32) (param $address i32) (param $value i32)
                (if (local.get $memory)
                  (then (i32.store8 $large (local.get $address) (local.get $value)))
                  (else (i32.store8 $small (local.get $address) (local.get $value)))))
              (func (export "load_small") (param i32) (result i32) (i32.load8_u $small (local.get 0)))
              (func (export "load_large") (param i32) (result i32) (i32.load8_u $large offset=65536 (local.get 0)))
              (func (export "sizes") (result i32 i32) (memory.size $small) (memory.size $large))
              (func (export "grow_large") (param i32) (result i32) (memory.grow $large (local.get 0)))
              (func (export "copy") (param i32 i32 i32) (memory.copy $small $large (local.get 0) (local.get 1) (local.get 2)))
              (func (export "fill") (param i32 i32 i32) (memory.fill $large (local.get 0) (local.get 1) (local.get 2))))
            """)
        #expect(try module.call("load_large", [.i32(0)]) == [.i32(42)])
        #expect(try module.call("load_small", [.i32(0)]) == [.i32(0)])
        try module.call("store", [.i32(1), .i32(70_000), .i32(9)]).forEach { _ in }
        #expect(try module.call("load_large", [.i32(70_000 - 65536)]) == [.i32(9)])
        // Memory 0 has one page: the same address is out of its bounds.
        #expect(module.trap("store", [.i32(0), .i32(70_000), .i32(9)]) == .memoryOutOfBounds)
        #expect(module.trap("load_large", [.i32(65536)]) == .memoryOutOfBounds)
        #expect(try module.call("sizes") == [.i32(1), .i32(2)])
        #expect(try module.call("grow_large", [.i32(1)]) == [.i32(2)])
        #expect(try module.call("sizes") == [.i32(1), .i32(3)])
        // From the large memory into the small one.
        _ = try module.call("copy", [.i32(10), .i32(65536), .i32(1)])
        #expect(try module.call("load_small", [.i32(10)]) == [.i32(42)])
        #expect(module.trap("copy", [.i32(65536), .i32(0), .i32(1)]) == .memoryOutOfBounds)
        _ = try module.call("fill", [.i32(65536), .i32(7), .i32(2)])
        #expect(try module.call("load_large", [.i32(1)]) == [.i32(7)])
    }

    @Test func sixtyFourBitAddressesAreCheckedWithoutWrapping() throws {
        let module = try Running(
            """
            (module
              (memory i64 1 3)
              (func (export "load") (param i64) (result i32) (i32.load (local.get 0)))
              (func (export "load_far") (param i64) (result i32) (i32.load offset=0xFFFFFFFFFFFFFFF0 (local.get 0)))
              (func (export "store") (param i64 i32) (i32.store (local.get 0) (local.get 1)))
              (func (export "size") (result i64) (memory.size))
              (func (export "grow") (param i64) (result i64) (memory.grow (local.get 0)))
              (func (export "fill") (param i64 i32 i64) (memory.fill (local.get 0) (local.get 1) (local.get 2))))
            """)
        _ = try module.call("store", [.i64(65532), .i32(0x1234_5678)])
        #expect(try module.call("load", [.i64(65532)]) == [.i32(0x1234_5678)])
        #expect(module.trap("load", [.i64(65533)]) == .memoryOutOfBounds)
        // 2^32 + 4 is not 4 here: an address is never truncated to 32 bits.
        #expect(module.trap("load", [.i64(0x1_0000_0004)]) == .memoryOutOfBounds)
        // address + offset overflows 64 bits: out of bounds, not a wrapped small address.
        #expect(module.trap("load_far", [.i64(0x20)]) == .memoryOutOfBounds)
        #expect(try module.call("size") == [.i64(1)])
        #expect(try module.call("grow", [.i64(2)]) == [.i64(1)])
        // Past the maximum, or a delta beyond 32 bits: -1 as an i64.
        #expect(try module.call("grow", [.i64(1)]) == [.i64(UInt64.max)])
        #expect(try module.call("grow", [.i64(0x1_0000_0001)]) == [.i64(UInt64.max)])
        #expect(module.trap("fill", [.i64(3 * 65536 - 1), .i32(1), .i64(2)]) == .memoryOutOfBounds)
    }

    @Test func sixtyFourBitTablesTakeAndGiveI64() throws {
        let module = try Running(
            """
            (module
              (type $answer (func (result i32)))
              (table $t i64 2 4 funcref)
              (elem (table $t) (i64.const 1) func $forty_two)
              (func $forty_two (result i32) (i32.const 42))
              (func (export "call") (param i64) (result i32) (call_indirect $t (type $answer) (local.get 0)))
              (func (export "size") (result i64) (table.size $t))
              (func (export "grow") (param i64) (result i64) (table.grow $t (ref.null func) (local.get 0)))
              (func (export "is_null") (param i64) (result i32) (ref.is_null (table.get $t (local.get 0)))))
            """)
        #expect(try module.call("call", [.i64(1)]) == [.i32(42)])
        #expect(module.trap("call", [.i64(0x1_0000_0001)]) == .undefinedElement)
        #expect(try module.call("size") == [.i64(2)])
        #expect(try module.call("grow", [.i64(2)]) == [.i64(2)])
        #expect(try module.call("grow", [.i64(1)]) == [.i64(UInt64.max)])
        #expect(try module.call("is_null", [.i64(3)]) == [.i32(1)])
        #expect(module.trap("is_null", [.i64(0x1_0000_0000)]) == .tableOutOfBounds)
    }
}
