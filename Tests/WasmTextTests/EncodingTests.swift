import Testing
import WasmCore

@testable import WasmText

/// Encodings checked against an independent encoder: each expected binary is what wasmtime's
/// `wat2wasm` (the `wast` crate of wasm-tools) produced for the same text, with its optional
/// `name` section removed (the text parser writes none). Only cases where the two encoders make
/// the same choices are here; Fuzz/wat_oracle.py lists the choices where they differ.
@Suite("Encodings agree with wasm-tools")
struct EncodingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var text: String
        var expected: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "inline import and export",
            text:
                #"(module (func $f (export "a") (export "b") (import "m" "f") (param i32) (result i64)) (global $g (import "m" "g") (mut f32)) (memory (export "mem") 1 2) (table (export "t") 3 funcref))"#,
            expected: "0061736d0100000001060160017f017e020e02016d01660000016d0167037d0104040170000305040101010207130401"
                + "61000001620000036d656d020001740100"),
        Case(
            name: "implicit types appended in order of use",
            text:
                #"(module (type (func (param i32))) (func (param i64)) (func (param i32)) (func (result f32) (call_indirect (param f64) (result f32) (f64.const 1) (i32.const 0))) (table 1 funcref))"#,
            expected: "0061736d0100000001120460017f0060017e006000017d60017c017d0304030100020404017000010a180302000b0200"
                + "0b100044000000000000f03f41001103000b"),
        Case(
            name: "named locals and parameters",
            text:
                #"(module (func (param $a i32) (param i64) (local $x f32) (local f64 f64) (local.set $x (f32.const 1)) (local.get $a) (local.get 1) drop drop))"#,
            expected: "0061736d0100000001060160027f7e00030201000a15011302017d027c430000803f2102200020011a1a0b"),
        Case(
            name: "folded and flat instructions agree",
            text: #"(module (func (result i32) (i32.add (i32.const 1) (i32.mul (i32.const 2) (i32.const 3)))))"#,
            expected: "0061736d010000000105016000017f030201000a0c010a004101410241036c6a0b"),
        Case(
            name: "blocks with labels, br_table",
            text:
                #"(module (func (param i32) (result i32) (block $out (result i32) (block $a (block $b (br_table $a $b $out (i32.const 7) (local.get 0)))) (i32.const 1)) ))"#,
            expected: "0061736d0100000001060160017f017f030201000a18011600027f02400240410720000e020100020b0b41010b0b"),
        Case(
            name: "if with then and else",
            text:
                #"(module (func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2)))))"#,
            expected: "0061736d0100000001060160017f017f030201000a0e010c002000047f41010541020b0b"),
        Case(
            name: "integers: underscores, hex, signs",
            text:
                #"(module (func (i32.const 1_000_000) (i32.const -0x8000_0000) (i32.const 0xffff_ffff) (i64.const -9_223_372_036_854_775_808) (i64.const 0x7fff_ffff_ffff_ffff) (drop) (drop) (drop) (drop) (drop)))"#,
            expected: "0061736d01000000010401600000030201000a2b01290041c0843d418080808078417f428080808080808080807f42ff"
                + "ffffffffffffffff001a1a1a1a1a0b"),
        Case(
            name: "floats: hex, inf, nan payloads, -nan",
            text:
                #"(module (func (f32.const 0x1.8p3) (f32.const -inf) (f32.const nan:0x200000) (f32.const -nan) (f64.const 1_234.5e-2) (f64.const 0x1p-1074) (f64.const nan:0xf_ffff_ffff_ffff) (f64.const -0x0.0p0) (drop) (drop) (drop) (drop) (drop) (drop) (drop) (drop)))"#,
            expected: "0061736d01000000010401600000030201000a44014200430000404143000080ff430000a07f430000c0ff44713d0ad7"
                + "a3b0284044010000000000000044ffffffffffffff7f4400000000000000801a1a1a1a1a1a1a1a0b"),
        Case(
            name: "strings with escapes",
            text: #"(module (memory 1) (data (i32.const 0) "a\t\n\r\"\'\\\00\ff\u{48}\u{e9}\u{1F600}"))"#,
            expected: "0061736d0100000005030100010b16010041000b1061090a0d22275c00ff48c3a9f09f9880"),
        Case(
            name: "annotations and nested block comments are skipped",
            text: #"(module (@a x (y "z" (@b))) (; outer (; inner ;) still ;) (func (@hint 1) nop))"#,
            expected: "0061736d01000000010401600000030201000a05010300010b"),
        Case(
            name: "element segments: active, passive, declarative, expressions",
            text:
                #"(module (table $u 1 funcref) (table $t 4 funcref) (func $f) (func $g) (elem (i32.const 0) $f $g) (elem func $f) (elem declare func $g) (elem (table $t) (offset (i32.const 2)) funcref (ref.func $f) (ref.null func)))"#,
            expected: "0061736d010000000104016000000303020000040702700001700004091d040041000b02000101000100030001010601"
                + "41020b7002d2000bd0700b0a070202000b02000b"),
        Case(
            name: "data segments: active with offset forms, passive, memory index",
            text:
                #"(module (memory $m 1) (memory $n 1) (data (offset (i32.const 1)) "ab") (data (memory $n) (i32.const 2) "c" "d") (data "passive"))"#,
            expected: "0061736d01000000050502000100010b19030041010b026162020141020b026364010770617373697665"),
        Case(
            name: "memory with inline data",
            text: #"(module (memory (data "hello" "world")))"#,
            expected: "0061736d010000000504010101010b10010041000b0a68656c6c6f776f726c64"),
        Case(
            name: "memarg: offset, align, memory index, memory64",
            text:
                #"(module (memory 1) (memory $m i64 1) (func (drop (i32.load offset=16 align=2 (i32.const 0))) (drop (i64.load8_u $m offset=0x1_0000_0000 (i64.const 0))) (i32.store16 1 align=1 (i64.const 0) (i32.const 5))))"#,
            expected: "0061736d0100000001040160000003020100050502000104010a1d011b0041002801101a420031400180808080101a42"
                + "0041053b4001000b"),
        Case(
            name: "v128.const in every shape and i8x16.shuffle",
            text:
                #"(module (func (result v128) (v128.const i8x16 0 1 -1 255 4 5 6 7 8 9 10 11 12 13 14 15) (v128.const i16x8 -1 2 3 4 5 6 7 65535) (v128.const i32x4 1 -2 0xffff_ffff 4) (v128.const i64x2 -1 0x1234_5678_9abc_def0) (v128.const f32x4 1.5 -inf nan:0x1 0x1p-149) (v128.const f64x2 -0.0 nan) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31) drop drop drop drop drop))"#,
            expected: "0061736d010000000105016000017b030201000a880101850100fd0c0001ffff0405060708090a0b0c0d0e0ffd0cffff"
                + "020003000400050006000700fffffd0c01000000feffffffffffffff04000000fd0cfffffffffffffffff0debc9a7856"
                + "3412fd0c0000c03f000080ff0100807f01000000fd0c0000000000000080000000000000f87ffd0d0001020304050607"
                + "08090a0b0c0d0e1f1a1a1a1a1a0b"),
        Case(
            name: "rec groups and GC types",
            text:
                #"(module (rec (type $node (sub (struct (field $value i32) (field $next (mut (ref null $node)))))) (type $list (sub final $node (struct (field i32) (field (mut (ref null $node))) (field i8))))) (type $bytes (array (mut i8))) (type $f (func (param (ref $bytes)) (result (ref null $node)))))"#,
            expected: "0061736d010000000122034e0250005f027f006300014f01005f037f0063000178005e780160016402016300"),
        Case(
            name: "GC instructions by field name",
            text:
                #"(module (type $p (struct (field $x i32) (field $y (mut i64)))) (type $a (array (mut i16))) (func (param (ref $p) (ref $a)) (result i32) (struct.set $p $y (local.get 0) (i64.const 1)) (drop (array.get_u $a (local.get 1) (i32.const 0))) (drop (ref.test (ref null $p) (local.get 0))) (drop (ref.cast (ref $p) (local.get 0))) (struct.get $p $x (local.get 0))))"#,
            expected: "0061736d010000000112035f027f007e015e7701600264006401017f030201020a2601240020004201fb050001200141"
                + "00fb0d011a2000fb15001a2000fb16001a2000fb0200000b"),
        Case(
            name: "typed function references and tail calls",
            text:
                #"(module (type $t (func (param i32) (result i32))) (func $f (type $t) (local.get 0)) (elem declare func $f) (func (result i32) (return_call_ref $t (i32.const 1) (ref.func $f))) (func (param (ref null $t)) (result i32) (call_ref $t (i32.const 2) (ref.as_non_null (local.get 0)))))"#,
            expected: "0061736d0100000001100360017f017f6000017f60016300017f030403000102090501030001000a1903040020000b08"
                + "004101d20015000b090041022000d414000b"),
        Case(
            name: "br_on_cast and br_on_null",
            text:
                #"(module (type $s (struct)) (func (param anyref) (result (ref null $s)) (block $l (result (ref null $s)) (br_on_cast $l anyref (ref null $s) (local.get 0)) (br_on_null $l) drop (ref.null none))))"#,
            expected: "0061736d010000000109025f0060016e016300030201010a150113000263002000fb1803006e00d5001ad0710b0b"),
        Case(
            name: "tags and try_table",
            text:
                #"(module (tag $e (param i32)) (tag $e2) (func (result i32) (block $h2 (block $h (result i32) (try_table (catch $e $h) (catch_all $h2) (throw $e (i32.const 1))) (i32.const 0)) (return)) (i32.const 2)))"#,
            expected: "0061736d01000000010c0360017f006000006000017f030201020d0502000000010a1c011a000240027f1f4002000000"
                + "0201410108000b41000b0f0b41020b"),
        Case(
            name: "table64 and table with initialiser",
            text:
                #"(module (type $t (func)) (func $f (type $t)) (table $a i64 2 10 funcref) (table $b 1 (ref null $t) (ref.func $f)) (elem declare func $f))"#,
            expected: "0061736d0100000001040160000003020100040e027005020a400063000001d2000b090501030001000a040102000b"),
    ]

    @Test(arguments: cases)
    func matchesWasmTools(_ example: Case) throws {
        let bytes = try WAT.encode(example.text)
        #expect(hex(bytes) == example.expected)
    }

    /// Where wasm-tools chooses differently, the parser writes what the reference interpreter's
    /// encoder and wabt write; these binaries are wabt 1.0.32's `wat2wasm` output.
    @Test(arguments: [
        // An empty `else` is left out.
        (
            "(module (func (param i32) (if (local.get 0) (then (nop)) (else))))",
            "0061736d0100000001050160017f00030201000a0a01080020000440010b0b"
        ),
        // A block type use without parameters and with at most one result is written short.
        (
            "(module (type $v (func (result i32))) (func (result i32) (block (type $v) (i32.const 1))))",
            "0061736d010000000105016000017f030201000a09010700027f41010b0b"
        ),
        // `data.drop` makes a data count section.
        (
            "(module (memory 1) (data \"x\") (func (data.drop 0)))",
            "0061736d010000000104016000000302010005030100010c01010a07010500fc09000b0b0401010178"
        ),
    ])
    func matchesWabt(_ text: String, _ expected: String) throws {
        #expect(hex(try WAT.encode(text)) == expected)
    }

    private func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] })
    }
}
