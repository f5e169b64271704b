;; v128 values where the translator lays slots out by width: parameters, locals, operands,
;; results, constants, globals, calls, blocks and branches carrying vectors next to scalars, and
;; the host boundary. Read by Tests/WasmCoreTests/VectorTests.swift.
(module
  (import "host" "mix" (func $host_mix (param i32 v128 i64) (result v128 i32)))
  (memory (export "memory") 1)
  (global $counter (export "counter") (mut v128) (v128.const i32x4 1 2 3 4))
  (global $fixed v128 (v128.const i64x2 -1 7))

  ;; Parameters (i32, v128, i64, v128): the vectors at slots 1-2 and 4-5.
  (func $mixed (export "mixed") (param $a i32) (param $v v128) (param $b i64) (param $w v128)
    (result i64 v128 i32)
    (local $t v128) (local $k i32)
    (local.set $t (i32x4.add (local.get $v) (local.get $w)))
    (local.set $k (i32.add (local.get $a) (i32x4.extract_lane 3 (local.get $t))))
    (i64.add (local.get $b) (i64x2.extract_lane 0 (local.get $w)))
    (i32x4.mul (local.get $t) (i32x4.splat (local.get $k)))
    (local.get $k))

  ;; A call with mixed arguments and results: homes by width on both sides.
  (func (export "call_mixed") (param $x i32) (result i32 v128 i64)
    (local $r v128)
    (call $mixed (local.get $x) (v128.const i32x4 1 2 3 4) (i64.const 100) (v128.const i32x4 10 20 30 40))
    (drop)  ;; k
    (local.set $r)
    (i32.wrap_i64)  ;; the i64 result
    (local.get $r)
    (i64.extend_i32_u (local.get $x)))

  ;; Blocks and branches with vector values: results, parameters, and br_if out of a loop.
  (func (export "sum_lanes") (param $n i32) (result v128 i32)
    (v128.const i32x4 0 0 0 0)
    (local.get $n)
    (loop $again (param v128 i32) (result v128 i32)
      (local.set $n)
      (i32x4.add (v128.const i32x4 1 2 3 4))
      (local.tee $n (i32.sub (local.get $n) (i32.const 1)))
      (br_if $again (local.get $n))))

  (func (export "choose") (param $c i32) (param $x v128) (param $y v128) (result v128 v128)
    (select (local.get $x) (local.get $y) (local.get $c))
    (select (result v128) (local.get $y) (local.get $x) (local.get $c)))

  (func (export "branch_table") (param $i i32) (result v128)
    (block $b0 (result v128)
      (block $b1 (result v128)
        (block $b2 (result v128)
          (v128.const i32x4 7 7 7 7)
          (br_table $b0 $b1 $b2 (local.get $i)))
        (i32x4.add (v128.const i32x4 1 0 0 0))
        (br $b0))
      (i32x4.add (v128.const i32x4 0 2 0 0)))
    (i32x4.add (v128.const i32x4 0 0 3 0)))

  (func (export "if_else") (param $c i32) (param $v v128) (result v128)
    (local.get $v)
    (if (param v128) (result v128) (local.get $c)
      (then (i32x4.neg))
      (else (i32x4.add (v128.const i32x4 100 100 100 100)))))

  ;; Globals: a mutable v128 global read, changed and exported; an immutable one.
  (func (export "bump") (result v128)
    (global.set $counter (i32x4.add (global.get $counter) (global.get $fixed)))
    (global.get $counter))

  ;; The host function's v128 argument and result, among scalars.
  (func (export "through_host") (param $v v128) (result v128 i32)
    (call $host_mix (i32.const 5) (local.get $v) (i64.const -2)))

  ;; One constant used as a whole operand and copied into a local (whose copy reads its high half).
  (func (export "constants") (result v128)
    (local $c v128)
    (local.set $c (v128.const i64x2 0x1111111111111111 0x2222222222222222))
    (v128.xor (local.get $c) (v128.const i64x2 0x1111111111111111 0x2222222222222222))
    (v128.or (v128.const i8x16 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16)))

  ;; The shuffle's lane indices become a constant operand.
  (func (export "shuffle") (param $x v128) (param $y v128) (result v128)
    (i8x16.shuffle 31 0 30 1 29 2 28 3 27 4 26 5 25 6 24 7 (local.get $x) (local.get $y)))

  ;; Whole 32-bit lanes: the shuffle of `wasm_i32x4_shuffle(x, y, 1, 7, 0, 4)`.
  (func (export "shuffle_words") (param $x v128) (param $y v128) (result v128)
    (i8x16.shuffle 4 5 6 7 28 29 30 31 0 1 2 3 16 17 18 19 (local.get $x) (local.get $y)))

  ;; Multiplies feeding adds, in both operand orders (superinstructions).
  (func (export "mul_add") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f32x4.add (f32x4.mul (local.get $a) (local.get $b)) (local.get $c)))
  (func (export "add_mul") (param $a v128) (param $b v128) (param $c v128) (result v128)
    (f64x2.add (local.get $c) (f64x2.mul (local.get $a) (local.get $b))))

  ;; A single v128 result from a parameter at slot 1: copied down to slots 0-1.
  (func (export "second") (param i32) (param $v v128) (result v128) (local.get $v))

  ;; Memory: a load from x + K (address-sum form), lanes with offsets beyond 16 bits (data word).
  (func (export "load_sum") (param $p i32) (result v128)
    (v128.load (i32.add (local.get $p) (i32.const 16))))
  (func (export "store_sum") (param $p i32) (param $v v128)
    (v128.store (i32.add (local.get $p) (i32.const 16)) (local.get $v)))
  (func (export "load_lane_far") (param $p i32) (param $v v128) (result v128)
    (v128.load32_lane offset=70000 2 (local.get $p) (local.get $v)))
  (func (export "store_lane_far") (param $p i32) (param $v v128)
    (v128.store16_lane offset=70000 5 (local.get $p) (local.get $v)))
)
