;; Each function is shaped so that the translator emits one particular superinstruction (named in
;; the comment); FusedInstructionTests checks both that the instruction is there and that it
;; computes what the unfused wasm would.
(module
  (memory 1)
  ;; Bytes 0..15: 0x80 0x81 ... 0x8f, so that sign and zero extension differ.
  (data (i32.const 0) "\80\81\82\83\84\85\86\87\88\89\8a\8b\8c\8d\8e\8f")
  (data (i32.const 2048)
    "\08\08\00\00\05\00\00\00\10\08\00\00\07\00\00\00\00\00\00\00\09\00\00\00")
  (data (i32.const 1024)
    "\03\00\00\00\07\00\00\00\00\00\00\80\09\00\00\00\05\00\00\00\01\00\00\00\ff\ff\ff\ff\04\00\00\00")

  ;; xLoadAddImm: load from (p + 4), the sum wrapping to 32 bits like i32.add.
  (func (export "i32_load_add") (param $p i32) (result i32)
    (i32.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "i64_load_add") (param $p i32) (result i64)
    (i64.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "f32_load_add") (param $p i32) (result f32)
    (f32.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "f64_load_add") (param $p i32) (result f64)
    (f64.load (i32.add (local.get $p) (i32.const 4))))
  (func (export "i32_load8_s_add") (param $p i32) (result i32)
    (i32.load8_s (i32.add (local.get $p) (i32.const 4))))
  (func (export "i32_load8_u_add") (param $p i32) (result i32)
    (i32.load8_u (i32.add (local.get $p) (i32.const 4))))
  (func (export "i32_load16_s_add") (param $p i32) (result i32)
    (i32.load16_s (i32.add (local.get $p) (i32.const 4))))
  (func (export "i32_load16_u_add") (param $p i32) (result i32)
    (i32.load16_u (i32.add (local.get $p) (i32.const 4))))

  ;; xStoreAddImm: store $v at (p + 32); read back with `peek`, a plain load.
  (func (export "i32_store_add") (param $p i32) (param $v i32)
    (i32.store (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "i64_store_add") (param $p i32) (param $v i64)
    (i64.store (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "f32_store_add") (param $p i32) (param $v f32)
    (f32.store (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "f64_store_add") (param $p i32) (param $v f64)
    (f64.store (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "i32_store8_add") (param $p i32) (param $v i32)
    (i32.store8 (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "i32_store16_add") (param $p i32) (param $v i32)
    (i32.store16 (i32.add (local.get $p) (i32.const 32)) (local.get $v)))
  (func (export "peek") (param $address i32) (result i64)
    (i64.load (local.get $address)))
  (func (export "clear") (param $address i32)
    (i64.store (local.get $address) (i64.const 0)))

  ;; copy2: locals rotate (a, b, c) <- (b, c, a) $n times; four copies become two copy2.
  (func (export "rotate") (param $n i32) (result i32)
    (local $a i32) (local $b i32) (local $c i32) (local $t i32)
    (local.set $a (i32.const 1))
    (local.set $b (i32.const 2))
    (local.set $c (i32.const 3))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $t (local.get $a))
        (local.set $a (local.get $b))
        (local.set $b (local.get $c))
        (local.set $c (local.get $t))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (i32.add (i32.mul (local.get $a) (i32.const 100))
             (i32.add (i32.mul (local.get $b) (i32.const 10)) (local.get $c))))
  ;; copy2 whose second copy reads the first one's destination: b <- a, then c <- b (the new b).
  (func (export "copy_chain") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $b (local.get $a))
    (local.set $c (local.get $b))
    (i32.add (i32.mul (local.get $b) (i32.const 10)) (local.get $c)))

  ;; retFrom: the result is a call's, in the callee's slot, not slot 0.
  (func $double (param i32) (result i32) (i32.add (local.get 0) (local.get 0)))
  (func (export "return_call_result") (param i32) (result i32)
    (call $double (i32.add (local.get 0) (i32.const 1))))
  ;; The last add writes slot 0 directly (it is the parameter, dead by then).
  (func (export "return_sum") (param i32) (param i32) (result i32)
    (i32.sub (local.get 0) (local.get 1)))

  ;; f64 multiply fused into the add or subtract that consumes it.
  (func (export "mul_add") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (f64.mul (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "add_mul") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (local.get $z) (f64.mul (local.get $x) (local.get $y))))
  (func (export "mul_sub") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.sub (f64.mul (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "sub_mul") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.sub (local.get $z) (f64.mul (local.get $x) (local.get $y))))
;; A store whose value is computed after its address still absorbs the address sum.
  (func (export "store_computed_value") (param $p i32) (param $v i32)
    (i32.store (i32.add (local.get $p) (i32.const 32))
      (i32.add (i32.mul (local.get $v) (local.get $v)) (i32.const 1))))
  ;; ...but not when that computation writes x: the address must use x from before.
  (func (export "store_value_rewrites_base") (param $p i32) (result i32)
    (i32.store (i32.add (local.get $p) (i32.const 32))
      (i32.add (local.tee $p (i32.const 64)) (i32.const 1)))
    (local.get $p))
  ;; An address computed as x - K (clang's form for a negative displacement).
  (func (export "i32_load_sub") (param $p i32) (result i32)
    (i32.load (i32.sub (local.get $p) (i32.const 4))))

  ;; Unoptimized C tests a bool as `(a < b) & 1`: the `& 1` vanishes and the comparison fuses with
  ;; the branch (brIfI32GeU).
  (func (export "bool_test") (param $a i32) (param $b i32) (result i32)
    (if (i32.eqz (i32.and (i32.lt_u (local.get $a) (local.get $b)) (i32.const 1)))
      (then (return (i32.const 10))))
    (i32.const 20))
  ;; An i32 loaded and compared at once: a search loop's test going back (the loaded word kept in
  ;; a local for after the loop, on either side of the comparison), going forward out of a loop
  ;; (the word a temporary), and an `if`'s. Words at 1024: 3, 7, 0x80000000, 9, 5, 1, -1, 4.
  (func (export "scan_below_u") (param $p i32) (param $pivot i32) (result i32)
    (local $v i32)
    (loop $again
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $again (i32.lt_u (local.tee $v (i32.load offset=1020 (local.get $p))) (local.get $pivot))))
    (i32.add (i32.mul (local.get $v) (i32.const 1001)) (local.get $p)))
  (func (export "scan_above_s") (param $p i32) (param $pivot i32) (result i32)
    (local $v i32)
    (loop $again
      (local.set $p (i32.add (local.get $p) (i32.const 4)))
      (br_if $again (i32.gt_s (local.get $pivot) (local.tee $v (i32.load offset=1020 (local.get $p))))))
    (i32.add (i32.mul (local.get $v) (i32.const 1001)) (local.get $p)))
  (func (export "find") (param $key i32) (result i32)
    (local $p i32)
    (block $found
      (loop $next
        (br_if $found (i32.eq (i32.load offset=1024 (local.get $p)) (local.get $key)))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next)))
    (i32.shr_u (local.get $p) (i32.const 2)))
  (func (export "word_at_most") (param $i i32) (param $limit i32) (result i32)
    (if (i32.le_u (i32.load offset=1024 (i32.shl (local.get $i) (i32.const 2))) (local.get $limit))
      (then (return (i32.const 1))))
    (i32.const 0))
  ;; A word tested for zero as it is loaded (a list walk going back, its link kept in a local; a
  ;; search going forward) and bits tested at once, forward and back. Nodes at 2048: (next, value)
  ;; = (2056, 5), (2064, 7), (0, 9).
  (func (export "list_sum") (param $p i32) (result i32)
    (local $sum i32)
    (block $end
      (br_if $end (i32.eqz (local.get $p)))
      (loop $next
        (local.set $sum (i32.add (local.get $sum) (i32.load offset=4 (local.get $p))))
        (br_if $next (local.tee $p (i32.load (local.get $p))))))
    (local.get $sum))
  (func (export "first_zero_word") (param $p i32) (result i32)
    (block $found
      (loop $next
        (br_if $found (i32.eqz (i32.load offset=1024 (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $next)))
    (local.get $p))
  (func (export "bits_set") (param $x i32) (result i32)
    (if (i32.and (local.get $x) (i32.const 0x12000)) (then (return (i32.const 1))))
    (i32.const 0))
  (func (export "trailing_zeros") (param $x i32) (result i32)
    (local $n i32)
    (if (i32.eqz (local.get $x)) (then (return (i32.const 32))))
    (block $done
      (loop $again
        (br_if $done (i32.and (local.get $x) (i32.const 1)))
        (local.set $x (i32.shr_u (local.get $x) (i32.const 1)))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $again)))
    (local.get $n))
  (func (export "trailing_ones") (param $x i32) (result i32)
    (local $n i32)
    (block $done
      (br_if $done (i32.eqz (i32.and (local.get $x) (i32.const 1))))
      (loop $again
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (local.set $x (i32.shr_u (local.get $x) (i32.const 1)))
        (br_if $again (i32.and (local.get $x) (i32.const 1)))))
    (local.get $n))
  ;; A stepped value kept in two locals (`p = q = p - 4`): the add writes both. Addends of up to
  ;; 16 bits; subtracting -32768 adds 32768, which does not fit, and stays an add and a copy.
  (func (export "step_both") (param $p i32) (result i32)
    (local $q i32)
    (local.set $p (local.tee $q (i32.sub (local.get $p) (i32.const 4))))
    (i32.add (i32.mul (local.get $p) (i32.const 3)) (local.get $q)))
  (func (export "step_up_both") (param $p i32) (result i32)
    (local $q i32)
    (local.set $p (local.tee $q (i32.add (local.get $p) (i32.const 32767))))
    (i32.sub (i32.mul (local.get $p) (i32.const 3)) (local.get $q)))
  (func (export "step_down_most") (param $p i32) (result i32)
    (local $q i32)
    (local.set $p (local.tee $q (i32.sub (local.get $p) (i32.const 32768))))
    (i32.add (i32.mul (local.get $p) (i32.const 3)) (local.get $q)))
  (func (export "step_too_far") (param $p i32) (result i32)
    (local $q i32)
    (local.set $p (local.tee $q (i32.sub (local.get $p) (i32.const -32768))))
    (i32.add (i32.mul (local.get $p) (i32.const 3)) (local.get $q)))
  ;; A copy and the jump or branch after it: an `if`'s result on its way out, a local updated
  ;; right before a loop's test, and a copy into the very local the branch then tests.
  (func (export "pick") (param $c i32) (param $x i32) (param $y i32) (result i32)
    (i32.mul (if (result i32) (local.get $c) (then (local.get $x)) (else (local.get $y))) (i32.const 2)))
  (func (export "last_step") (param $n i32) (result i32)
    (local $i i32) (local $c i32) (local $last i32)
    (loop $next
      (local.set $i (i32.add (local.get $i) (i32.const 3)))
      (local.set $c (i32.lt_u (local.get $i) (local.get $n)))
      (local.set $last (local.get $i))
      (br_if $next (local.get $c)))
    (i32.add (i32.mul (local.get $last) (i32.const 1000)) (local.get $i)))
  (func (export "copy_then_test") (param $x i32) (result i32)
    (local $c i32)
    (block $yes
      (local.set $c (local.get $x))
      (br_if $yes (local.get $c))
      (return (i32.const 0)))
    (i32.add (local.get $c) (i32.const 100)))
  ;; A pointer kept and loaded through at once: the load's result and the kept copy both count.
  (func (export "tee_then_load") (param $p i32) (result i32)
    (local $q i32) (local $v i32)
    (local.set $v (i32.load offset=4 (local.tee $q (local.get $p))))
    (i32.add (i32.mul (local.get $q) (i32.const 1000)) (local.get $v)))
  ;; A copy then a comparison with a constant: a state machine's `state = s; if (c == ',')`
  ;; (the copy is kept whichever way the branch goes), and a loop testing the copied value.
  (func (export "copy_then_eq") (param $c i32) (param $s i32) (result i32)
    (local $state i32)
    (block $comma
      (local.set $state (local.get $s))
      (br_if $comma (i32.eq (local.get $c) (i32.const 44)))
      (return (i32.add (local.get $state) (i32.const 1000))))
    (i32.sub (local.get $state) (i32.const 1)))
  (func (export "copy_then_ne_loop") (param $n i32) (result i32)
    (local $k i32) (local $steps i32)
    (loop $next
      (local.set $n (i32.sub (local.get $n) (i32.const 1)))
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (local.set $k (local.get $n))
      (br_if $next (i32.ne (local.get $k) (i32.const -5))))
    (i32.add (i32.mul (local.get $steps) (i32.const 1000)) (local.get $k)))
  ;; Counting down with the test after the step (fib's `n -= 2` while `n > 1`).
  (func (export "count_down_gt_u") (param $n i32) (result i32)
    (local $steps i32)
    (loop $next
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (br_if $next (i32.gt_u (local.tee $n (i32.sub (local.get $n) (i32.const 2))) (i32.const 1))))
    (i32.add (i32.mul (local.get $steps) (i32.const 1000)) (local.get $n)))
  (func (export "count_down_gt_s") (param $n i32) (result i32)
    (local $steps i32)
    (loop $next
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (br_if $next (i32.gt_s (local.tee $n (i32.add (local.get $n) (i32.const -2))) (i32.const -3))))
    (i32.add (i32.mul (local.get $steps) (i32.const 1000)) (local.get $n)))
  ;; A linked list reversed as CoreMark's core_list_reverse compiles: the link `local.tee`d into
  ;; `$cur` is copied once and loaded through `$cur`. Builds `$n` nodes at 4096 (next, value k + 1),
  ;; reverses them, then hashes the values in the new order.
  (func (export "list_reverse") (param $n i32) (result i32)
    (local $k i32) (local $list i32) (local $cur i32) (local $next i32) (local $h i32)
    (block $built
      (loop $build
        (br_if $built (i32.ge_u (local.get $k) (local.get $n)))
        (i32.store offset=4096 (i32.shl (local.get $k) (i32.const 3))
          (select (i32.add (i32.shl (local.get $k) (i32.const 3)) (i32.const 4104)) (i32.const 0)
            (i32.lt_u (i32.add (local.get $k) (i32.const 1)) (local.get $n))))
        (i32.store offset=4100 (i32.shl (local.get $k) (i32.const 3)) (i32.add (local.get $k) (i32.const 1)))
        (local.set $k (i32.add (local.get $k) (i32.const 1)))
        (br $build)))
    (local.set $list (select (i32.const 4096) (i32.const 0) (local.get $n)))
    (block $done
      (br_if $done (i32.eqz (local.get $list)))
      (loop $reverse
        local.get $list
        local.tee $cur
        i32.load
        local.set $list
        local.get $cur
        local.get $next
        i32.store
        local.get $cur
        local.set $next
        local.get $list
        br_if $reverse))
    (block $hashed
      (loop $hash
        (br_if $hashed (i32.eqz (local.get $next)))
        (local.set $h (i32.add (i32.mul (local.get $h) (i32.const 31)) (i32.load offset=4 (local.get $next))))
        (local.set $next (i32.load (local.get $next)))
        (br $hash)))
    (local.get $h))
  ;; `& 1` of something that is not a comparison stays.
  (func (export "and_one") (param $a i32) (result i32)
    (i32.and (i32.add (local.get $a) (i32.const 2)) (i32.const 1)))
  ;; An f64 sum compared at once (mandelbrot's escape test), as the branch of an `if`, a forward
  ;; `br_if` and a loop's backward `br_if`.
  (func (export "sum_within") (param $x f64) (param $y f64) (param $limit f64) (result i32)
    (if (f64.le (f64.add (local.get $x) (local.get $y)) (local.get $limit))
      (then (return (i32.const 1))))
    (i32.const 0))
  ;; The squares in locals, as clang keeps them for the next step.
  (func (export "escape_steps") (param $cr f64) (param $ci f64) (result i32)
    (local $zr f64) (local $zi f64) (local $zr2 f64) (local $zi2 f64) (local $t f64) (local $n i32)
    (block $out
      (loop $next
        (br_if $out (i32.ge_u (local.get $n) (i32.const 100)))
        (local.set $zr2 (f64.mul (local.get $zr) (local.get $zr)))
        (local.set $zi2 (f64.mul (local.get $zi) (local.get $zi)))
        (br_if $out (f64.gt (f64.add (local.get $zr2) (local.get $zi2)) (f64.const 4)))
        (local.set $t (f64.add (f64.sub (local.get $zr2) (local.get $zi2)) (local.get $cr)))
        (local.set $zi
          (f64.add (f64.mul (f64.mul (f64.const 2) (local.get $zr)) (local.get $zi)) (local.get $ci)))
        (local.set $zr (local.get $t))
        (local.set $n (i32.add (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $n))
  (func (export "sum_below") (param $step f64) (param $limit f64) (result i32)
    (local $x f64) (local $n i32)
    (loop $again
      (local.set $n (i32.add (local.get $n) (i32.const 1)))
      (local.set $x (f64.add (local.get $x) (local.get $step)))
      (br_if $again (f64.lt (f64.add (local.get $x) (local.get $step)) (local.get $limit))))
    (local.get $n))
  ;; Loop counters: x += K then a branch on x, as one instruction. Each returns how often its body
  ;; ran, and the counter's final value in memory at 200 (so the step is checked too).
  (func (export "count_ne") (param $n i32) (result i32)
    (local $i i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 3)))
      (br_if $body (i32.ne (local.get $n) (local.get $i))))
    (i32.store (i32.const 200) (local.get $i))
    (local.get $runs))
  (func (export "count_ne_imm") (result i32)
    (local $i i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const -2)))
      (br_if $body (i32.ne (local.get $i) (i32.const -10))))
    (i32.store (i32.const 200) (local.get $i))
    (local.get $runs))
  (func (export "count_lt_u") (param $n i32) (result i32)
    (local $i i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br_if $body (i32.lt_u (local.get $i) (local.get $n))))
    (i32.store (i32.const 200) (local.get $i))
    (local.get $runs))
  (func (export "count_lt_u_imm") (result i32)
    (local $i i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 5)))
      (br_if $body (i32.lt_u (local.get $i) (i32.const 21))))
    (i32.store (i32.const 200) (local.get $i))
    (local.get $runs))
  ;; Counting up to zero through the 32-bit wrap: from 0xFFFF_FFF8 in steps of 2.
  (func (export "count_nez") (result i32)
    (local $i i32) (local $runs i32)
    (local.set $i (i32.const -8))
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $i (i32.add (local.get $i) (i32.const 2)))
      (br_if $body (local.get $i)))
    (i32.store (i32.const 200) (local.get $i))
    (local.get $runs))
;; f64 multiply feeding a multiply, and f64 loads feeding add, sub or mul, from either side.
  (func (export "mul_mul") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.mul (f64.mul (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "mul_mul_right") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.mul (local.get $z) (f64.mul (local.get $x) (local.get $y))))
  (func (export "load_add") (param $p i32) (param $x f64) (result f64)
    (f64.add (f64.load offset=8 (local.get $p)) (local.get $x)))
  (func (export "add_load") (param $p i32) (param $x f64) (result f64)
    (f64.add (local.get $x) (f64.load offset=8 (local.get $p))))
  (func (export "load_sub") (param $p i32) (param $x f64) (result f64)
    (f64.sub (f64.load offset=8 (local.get $p)) (local.get $x)))
  (func (export "sub_load") (param $p i32) (param $x f64) (result f64)
    (f64.sub (local.get $x) (f64.load offset=8 (local.get $p))))
  (func (export "load_mul") (param $p i32) (param $x f64) (result f64)
    (f64.mul (f64.load offset=8 (local.get $p)) (local.get $x)))
  (func (export "mul_load") (param $p i32) (param $x f64) (result f64)
    (f64.mul (local.get $x) (f64.load offset=8 (local.get $p))))
  (func (export "poke_f64") (param $address i32) (param $value f64)
    (f64.store (local.get $address) (local.get $value)))
;; f64 arithmetic on a value loaded from a wrapped sum x + K.
  (func (export "sum_load_add") (param $p i32) (param $x f64) (result f64)
    (f64.add (f64.load (i32.add (local.get $p) (i32.const 8))) (local.get $x)))
  (func (export "add_sum_load") (param $p i32) (param $x f64) (result f64)
    (f64.add (local.get $x) (f64.load (i32.add (local.get $p) (i32.const 8)))))
  (func (export "sum_load_sub") (param $p i32) (param $x f64) (result f64)
    (f64.sub (f64.load (i32.add (local.get $p) (i32.const 8))) (local.get $x)))
  (func (export "sub_sum_load") (param $p i32) (param $x f64) (result f64)
    (f64.sub (local.get $x) (f64.load (i32.add (local.get $p) (i32.const 8)))))
  (func (export "sum_load_mul") (param $p i32) (param $x f64) (result f64)
    (f64.mul (f64.load (i32.add (local.get $p) (i32.const 8))) (local.get $x)))
  (func (export "mul_sum_load") (param $p i32) (param $x f64) (result f64)
    (f64.mul (local.get $x) (f64.load (i32.add (local.get $p) (i32.const 8)))))

  ;; Loop counters stepping by a slot: j += step, then j != n / j < n / j <= n.
  (func (export "step_ne") (param $step i32) (param $n i32) (result i32)
    (local $j i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $j (i32.add (local.get $j) (local.get $step)))
      (br_if $body (i32.ne (local.get $j) (local.get $n))))
    (i32.store (i32.const 200) (local.get $j))
    (local.get $runs))
  (func (export "step_lt_u") (param $step i32) (param $n i32) (result i32)
    (local $j i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $j (i32.add (local.get $j) (local.get $step)))
      (br_if $body (i32.lt_u (local.get $j) (local.get $n))))
    (i32.store (i32.const 200) (local.get $j))
    (local.get $runs))
  (func (export "step_le_u") (param $step i32) (param $n i32) (result i32)
    (local $j i32) (local $runs i32)
    (loop $body
      (local.set $runs (i32.add (local.get $runs) (i32.const 1)))
      (local.set $j (i32.add (local.get $j) (local.get $step)))
      (br_if $body (i32.le_u (local.get $j) (local.get $n))))
    (i32.store (i32.const 200) (local.get $j))
    (local.get $runs))

  ;; A bit field: (x >> s) & mask.
  (func (export "bit_field") (param $x i32) (result i32)
    (i32.and (i32.shr_u (local.get $x) (i32.const 4)) (i32.const 0xFF)))
  ;; A shift count of 36 is 4 (counts are taken modulo 32).
  (func (export "bit_field_wide_shift") (param $x i32) (result i32)
    (i32.and (i32.shr_u (local.get $x) (i32.const 36)) (i32.const 0xFFFF)))
  ;; A mask wider than 16 bits does not fuse (the fused form holds 16 bits of mask).
  (func (export "bit_field_wide_mask") (param $x i32) (result i32)
    (i32.and (i32.shr_u (local.get $x) (i32.const 4)) (i32.const 0x00FF_FFFF)))
;; An f64 sum or difference fused into the add that consumes it.
  (func (export "add_add") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (f64.add (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "add_add_right") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (local.get $z) (f64.add (local.get $x) (local.get $y))))
  (func (export "sub_add") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (f64.sub (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "add_sub") (param $x f64) (param $y f64) (param $z f64) (result f64)
    (f64.add (local.get $z) (f64.sub (local.get $x) (local.get $y))))
  ;; m += x: an add of a loaded value, stored back where it was loaded...
  (func (export "add_to_memory") (param $p i32) (param $x f64)
    (f64.store offset=8 (local.get $p) (f64.add (local.get $x) (f64.load offset=8 (local.get $p)))))
  ;; ...but not when it is stored elsewhere.
  (func (export "add_to_other_memory") (param $p i32) (param $x f64)
    (f64.store offset=16 (local.get $p) (f64.add (local.get $x) (f64.load offset=8 (local.get $p)))))
;; An array element's address: (i << 2) + base, in either operand order; a count of 34 is 2.
  (func (export "shl_add") (param $i i32) (param $base i32) (result i32)
    (i32.add (i32.shl (local.get $i) (i32.const 2)) (local.get $base)))
  (func (export "add_shl") (param $i i32) (param $base i32) (result i32)
    (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 34))))
;; An i32 operation feeding an add or xor, in either operand order.
  (func (export "i32_add_add") (param $x i32) (param $y i32) (param $z i32) (result i32)
    (i32.add (i32.add (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "i32_mul_add") (param $x i32) (param $y i32) (param $z i32) (result i32)
    (i32.add (local.get $z) (i32.mul (local.get $x) (local.get $y))))
  (func (export "i32_xor_add") (param $x i32) (param $y i32) (param $z i32) (result i32)
    (i32.add (i32.xor (local.get $x) (local.get $y)) (local.get $z)))
  (func (export "i32_rotl_xor") (param $x i32) (param $y i32) (param $z i32) (result i32)
    (i32.xor (local.get $z) (i32.rotl (local.get $x) (local.get $y))))
;; A value stored and loaded back at once (unoptimized C's locals in the shadow stack): the load
  ;; reads the stored value from its slot. The store checks the bounds.
  (func (export "reload_param") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=8 (local.get $p) (local.get $x))
    (i32.load offset=8 (local.get $p)))
  ;; The reloaded local changes before the reloaded value is read: it reads the old value.
  (func (export "reload_then_set") (param $p i32) (param $x i32) (result i32)
    (i32.store (local.get $p) (local.get $x))
    (i32.load (local.get $p))
    (local.set $x (i32.const 99))
    (i32.add (local.get $x)))
  ;; A computed i64, and an f32's bits (a NaN's payload stays).
  (func (export "reload_product") (param $p i32) (param $a i64) (param $b i64) (result i64)
    (i64.store offset=16 (local.get $p) (i64.mul (local.get $a) (local.get $b)))
    (i64.load offset=16 (local.get $p)))
  (func (export "reload_f32_bits") (param $p i32) (param $bits i32) (result i32)
    (f32.store (local.get $p) (f32.reinterpret_i32 (local.get $bits)))
    (i32.reinterpret_f32 (f32.load (local.get $p))))
  ;; Not the same bytes as the same type: these load.
  (func (export "reload_narrow") (param $p i32) (param $x i64) (result i64)
    (i64.store32 (local.get $p) (local.get $x))
    (i64.load32_u (local.get $p)))
  (func (export "reload_elsewhere") (param $p i32) (param $x i32) (result i32)
    (i32.store offset=4 (local.get $p) (local.get $x))
    (i32.load offset=8 (local.get $p)))
  ;; A shadow stack's frames, as C keeps them in `__stack_pointer`: the pointer read and stepped
  ;; down (and kept in `$fp`), stepped back up before returning. Returns the deepest frame's
  ;; address plus the arguments the frames stored.
  (global $sp (mut i32) (i32.const 1024))
  (func $frames (export "frames") (param $n i32) (result i32)
    (local $fp i32) (local $r i32)
    (global.set $sp (local.tee $fp (i32.sub (global.get $sp) (i32.const 16))))
    (i32.store offset=8 (local.get $fp) (local.get $n))
    (local.set $r
      (if (result i32) (i32.eqz (local.get $n))
        (then (global.get $sp))
        (else
          (i32.add (call $frames (i32.sub (local.get $n) (i32.const 1)))
            (i32.load offset=8 (local.get $fp))))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  (func (export "stack_pointer") (result i32) (global.get $sp))
  ;; Steps that wrap at 32 bits, one too wide for 16 bits, and a sum set into another global.
  (global $counter (mut i32) (i32.const -16))
  (global $other (mut i32) (i32.const 0))
  (func (export "step_counter") (result i32)
    (global.set $counter (i32.add (global.get $counter) (i32.const 32)))
    (global.get $counter))
  (func (export "step_counter_wide") (result i32)
    (global.set $counter (i32.sub (global.get $counter) (i32.const 40000)))
    (global.get $counter))
  (func (export "counter_into_other") (result i32)
    (global.set $other (i32.add (global.get $counter) (i32.const 4)))
    (i32.sub (global.get $other) (global.get $counter)))
  ;; Recursion's `f(n - 1)`: the argument's add joins the call. Unbounded, it exhausts the stack.
  (func $depth (export "depth") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (call $depth (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))))
  (func $identity (param $x i32) (result i32) (local.get $x))
  (func (export "call_successor") (param $x i32) (result i32)
    (call $identity (i32.add (local.get $x) (i32.const 1))))
  ;; SHA-256's Σ1 as clang writes it (rotl by 26, 21 and 7), and rotations by counts taken
  ;; modulo 32 (38 is 6, 32 is 0): one instruction each.
  (func (export "sigma1") (param $e i32) (result i32)
    (i32.xor
      (i32.xor (i32.rotl (local.get $e) (i32.const 26)) (i32.rotl (local.get $e) (i32.const 21)))
      (i32.rotl (local.get $e) (i32.const 7))))
  (func (export "rotations_mod_32") (param $x i32) (result i32)
    (i32.xor (i32.rotl (local.get $x) (i32.const 38)) (i32.rotl (local.get $x) (i32.const 32))))
  ;; Another word's rotation, or a count in a local, is not joined.
  (func (export "rotations_of_two") (param $x i32) (param $y i32) (result i32)
    (i32.xor (i32.rotl (local.get $x) (i32.const 3)) (i32.rotl (local.get $y) (i32.const 5))))
  (func (export "rotation_by_local") (param $x i32) (param $n i32) (result i32)
    (i32.xor (i32.rotl (local.get $x) (local.get $n)) (i32.rotl (local.get $x) (i32.const 5))))
  ;; A byte tested at once (a sieve's `if (!composite[i])`, a string's end), for non-zero and
  ;; for zero: counts the zero bytes of [p + 16, p + 16 + n); finds the first non-zero byte from p.
  (func (export "zero_bytes") (param $p i32) (param $n i32) (result i32)
    (local $count i32)
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $n)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br_if $next (i32.load8_u offset=16 (i32.add (local.get $p) (local.get $n))))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br $next)))
    (local.get $count))
  (func (export "first_set_byte") (param $p i32) (result i32)
    (local.set $p (i32.sub (local.get $p) (i32.const 1)))
    (loop $scan
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $scan (i32.eqz (i32.load8_u (local.get $p)))))
    (local.get $p))
  ;; An index and a pointer stepped in a row (`i++, p += 4`), until the word at p reaches a bound;
  ;; and one local stepped twice (in order: the second step reads the first's sum).
  (func (export "index_and_pointer") (param $p i32) (param $bound i32) (result i32)
    (local $i i32)
    (loop $scan
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $scan
        (i32.lt_u (i32.load (local.tee $p (i32.add (local.get $p) (i32.const 4)))) (local.get $bound))))
    (i32.add (i32.mul (local.get $i) (i32.const 65536)) (local.get $p)))
  (func (export "step_twice") (param $x i32) (result i32)
    (local.set $x (i32.add (local.get $x) (i32.const 1)))
    (local.set $x (i32.sub (local.get $x) (i32.const 32768)))
    (local.get $x))
  ;; A loaded word plus or minus a constant (`a[i] + 1`), wrapping at 32 bits.
  (func (export "loaded_plus") (param $p i32) (result i32)
    (i32.add (i32.load offset=4 (local.get $p)) (i32.const 7)))
  (func (export "loaded_minus") (param $p i32) (result i32)
    (i32.sub (i32.load offset=8 (local.get $p)) (i32.const 32768)))
  ;; `p->v += x * x` with the field's address kept in a local computed before the product (as
  ;; clang writes nbody's updates), at two fields; the second field's address read in between is
  ;; not moved. Returns the two fields' bits added as f64.
  (func (export "accumulate_fields") (param $p i32) (param $x f64) (result i64)
    (local $field i32) (local $seen i32)
    (local.set $field (i32.add (local.get $p) (i32.const 8)))
    (f64.store (local.get $field)
      (f64.add (f64.mul (local.get $x) (local.get $x)) (f64.load (local.get $field))))
    (local.set $field (i32.sub (local.get $p) (i32.const -16)))
    (local.set $seen (local.get $field))
    (f64.store (local.get $field) (f64.add (local.get $x) (f64.load (local.get $field))))
    (i64.reinterpret_f64
      (f64.add (f64.load offset=8 (local.get $p))
        (f64.load offset=16 (i32.sub (local.get $seen) (i32.const 16))))))
)
