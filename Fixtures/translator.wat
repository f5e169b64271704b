;; Regression fixtures for the translator's register allocation: `local.get` folded into its
;; consumers' operands, `local.set` / `local.tee` retargeted into the instruction that produced
;; the value, and the copies that branches with values need. Each export stresses one path; the
;; expected results are computed by hand in TranslatorRegressionTests.swift.
(module
  ;; --- local.get x, then local.set x inside the same expression -------------------------------

  ;; x + 5: the first operand must keep the old x although x changes before the add runs.
  (func (export "get_then_set_in_block") (param i32) (result i32)
    (i32.add (local.get 0) (block (result i32) (local.set 0 (i32.const 5)) (local.get 0))))

  ;; x - (x + 1) = -1: the add is retargeted to write x directly.
  (func (export "get_then_set_self_add") (param i32) (result i32)
    (i32.sub (local.get 0)
      (block (result i32) (local.set 0 (i32.add (local.get 0) (i32.const 1))) (local.get 0))))

  ;; The same without a block: x, then x := 5, then x + (new x) = x + 5.
  (func (export "get_then_set_flat") (param i32) (result i32)
    local.get 0
    i32.const 5
    local.set 0
    local.get 0
    i32.add)

  ;; (x + 5) * 5: the tee changes x while the old x is still an operand.
  (func (export "get_then_tee") (param i32) (result i32)
    (i32.mul (i32.add (local.get 0) (local.tee 0 (i32.const 5))) (local.get 0)))

  ;; x + (x + 1): the tee's producer reads x and a pending operand reads x too.
  (func (export "get_get_add_tee") (param i32) (result i32)
    local.get 0
    local.get 0
    i32.const 1
    i32.add
    local.tee 0
    i32.add)

  ;; x := x + x (producer reads the local it is retargeted to write).
  (func (export "set_from_self") (param i32) (result i32)
    (local.set 0 (i32.add (local.get 0) (local.get 0)))
    (local.get 0))

  ;; --- tee chains ---------------------------------------------------------------------------

  ;; l0 = l1 = l2 = x + 1; returns l0 * 100 + l1 * 10 + l2.
  (func (export "tee_chain") (param i32) (result i32)
    (local i32 i32)
    (local.set 0 (local.tee 1 (local.tee 2 (i32.add (local.get 0) (i32.const 1)))))
    (i32.add (i32.add (i32.mul (local.get 0) (i32.const 100)) (i32.mul (local.get 1) (i32.const 10)))
             (local.get 2)))

  ;; tee of the same local twice in a row.
  (func (export "tee_same_twice") (param i32) (result i32)
    (i32.add (local.tee 0 (local.tee 0 (i32.const 7))) (local.get 0)))

  ;; 3 + 4: the first tee's value is still on the stack when the second tee overwrites the local.
  (func (export "tee_then_tee_same") (result i32)
    (local i32)
    (i32.add (local.tee 0 (i32.const 3)) (local.tee 0 (i32.const 4))))

  ;; y = x + 2, then x := y * y.
  (func (export "tee_into_product") (param i32) (result i32)
    (local.set 0 (i32.mul (local.tee 0 (i32.add (local.get 0) (i32.const 2))) (local.get 0)))
    (local.get 0))

  ;; --- local.set / local.tee after a drop ----------------------------------------------------

  ;; The value set is the 7: the dropped 9's producer must not be retargeted.
  (func (export "set_after_drop") (result i32)
    (local i32)
    i32.const 7
    i32.const 9
    drop
    local.set 0
    local.get 0)

  (func (export "tee_after_drop") (result i32)
    (local i32)
    i32.const 7
    i32.const 9
    drop
    local.tee 0)

  ;; x + 1 is stored in l1; the dropped product must not be.
  (func (export "set_after_drop_of_op") (param i32) (result i32)
    (local i32)
    (i32.add (local.get 0) (i32.const 1))
    (i32.mul (local.get 0) (i32.const 1000))
    drop
    local.set 1
    local.get 1)

  ;; The same with local.tee: returns x + 1 (and l1 holds it).
  (func (export "tee_after_drop_of_op") (param i32) (result i32)
    (local i32)
    (i32.add (local.get 0) (i32.const 1))
    (i32.mul (local.get 0) (i32.const 1000))
    drop
    local.tee 1
    local.get 1
    i32.add)

  ;; --- br_if with values ----------------------------------------------------------------------

  ;; c != 0: 100 (branch to the outer block); c == 0: 1 + 10.
  (func (export "br_if_outer") (param $c i32) (result i32)
    (block $outer (result i32)
      (i32.add
        (block $inner (result i32)
          (drop (br_if $outer (i32.const 100) (local.get $c)))
          (i32.const 1))
        (i32.const 10))))

  ;; The branch value is a local (not in its home slot): c != 0: v; c == 0: v + 1.
  (func (export "br_if_local_value") (param $c i32) (param $v i32) (result i32)
    (block $b (result i32)
      (br_if $b (local.get $v) (local.get $c))
      (i32.const 1)
      (i32.add)))

  ;; The branch value sits above the target's height: c != 0: 1000 + 2; c == 0: 1000 + (1 + 2).
  (func (export "br_if_height") (param $c i32) (result i32)
    (i32.add (i32.const 1000)
      (block $b (result i32)
        (i32.const 1)
        (i32.const 2)
        (br_if $b (local.get $c))
        (i32.add))))

  ;; Two values to an outer block: c != 0: (7, x) -> 7 * 10 + x; c == 0: (x + 1, 3) -> (x + 1) * 10 + 3.
  (func (export "br_if_multi") (param $c i32) (param $x i32) (result i32)
    (local $second i32)
    (block $outer (result i32 i32)
      (block $inner
        (br_if $outer (i32.const 7) (local.get $x) (local.get $c))
        (drop) (drop))
      (i32.add (local.get $x) (i32.const 1))
      (i32.const 3))
    (local.set $second)
    (i32.mul (i32.const 10))
    (local.get $second)
    (i32.add))

  ;; br_if to the function's own label with two values: c != 0: (1, 2); c == 0: (3, 4).
  (func (export "br_if_return") (param $c i32) (result i32 i32)
    (br_if 0 (i32.const 1) (i32.const 2) (local.get $c))
    (drop) (drop)
    (i32.const 3) (i32.const 4))

  ;; br_if back to a loop with a parameter: x -> 2x + 1, n times, from 0 (= 2^n - 1).
  (func (export "loop_br_if_param") (param $n i32) (result i32)
    (i32.const 0)
    (loop $next (param i32) (result i32)
      (i32.add (i32.mul (i32.const 2)) (i32.const 1))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  ;; --- br_table with values and different target heights -------------------------------------

  ;; 0: 1000 + 5; 1: 1000 + 100 + 5; 2 and above: 1000 + 100 + 10 + 5.
  (func (export "br_table_heights") (param i32) (result i32)
    (i32.add (i32.const 1000)
      (block $a (result i32)
        (i32.add (i32.const 100)
          (block $b (result i32)
            (i32.add (i32.const 10)
              (block $c (result i32)
                (br_table $a $b $c (i32.const 5) (local.get 0)))))))))

  ;; The same with the value in a local, so no target has it in place.
  (func (export "br_table_local_value") (param $i i32) (param $v i32) (result i32)
    (i32.add (i32.const 1000)
      (block $a (result i32)
        (i32.add (i32.const 100)
          (block $b (result i32)
            (br_table $a $b (local.get $v) (local.get $i)))))))

  ;; Two values. 0: $a gets (1, 2) -> 1 * 100 + 2; else $b gets (1, 2), which become (10, 20).
  (func (export "br_table_multi") (param $i i32) (result i32)
    (local $first i32) (local $second i32)
    (block $a (result i32 i32)
      (i32.const 9)
      (block $b (result i32 i32)
        (br_table $a $b (i32.const 1) (i32.const 2) (local.get $i)))
      (local.set $second)
      (local.set $first)
      (drop)
      (i32.mul (local.get $first) (i32.const 10))
      (i32.mul (local.get $second) (i32.const 10)))
    (local.set $second)
    (local.set $first)
    (i32.add (i32.mul (local.get $first) (i32.const 100)) (local.get $second)))

  ;; Targets include the function itself (a return): 0: returns 7; 1: $c, 7 + 1 + 2; else $b, 7 + 2.
  (func (export "br_table_return") (param $i i32) (result i32)
    (block $b (result i32)
      (block $c (result i32)
        (br_table 2 $c $b (i32.const 7) (local.get $i)))
      (i32.add (i32.const 1)))
    (i32.add (i32.const 2)))

  ;; --- loops with parameters ------------------------------------------------------------------

  ;; fib(n) with the pair carried as loop parameters through locals.
  (func (export "loop_params_fib") (param $n i32) (result i32)
    (local $a i32) (local $b i32)
    (i32.const 0) (i32.const 1)
    (loop $next (param i32 i32) (result i32)
      (local.set $b) (local.set $a)
      (if (result i32) (i32.eqz (local.get $n))
        (then (local.get $a))
        (else
          (local.set $n (i32.sub (local.get $n) (i32.const 1)))
          (br $next (local.get $b) (i32.add (local.get $a) (local.get $b)))))))

  (func $step (param i32 i32) (result i32 i32)
    (local.get 1) (i32.add (local.get 0) (local.get 1)))

  ;; (0, 1) stepped n times (at least once) by (a, b) -> (b, a + b): (fib n, fib n+1).
  (func (export "loop_params_pair") (param $n i32) (result i32 i32)
    (i32.const 0) (i32.const 1)
    (loop $next (param i32 i32) (result i32 i32)
      (call $step)
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))

  ;; --- if/else with parameters ----------------------------------------------------------------

  ;; c != 0: x - 3; c == 0: x * 3 (the parameters come from a local and a constant).
  (func (export "if_params") (param $x i32) (param $c i32) (result i32)
    (local.get $x) (i32.const 3)
    (if (param i32 i32) (result i32) (local.get $c)
      (then (i32.sub))
      (else (i32.mul))))

  ;; x > 0: p = x + 1, x := p, result p * p + x; else -(x + 1) + x = -1.
  (func (export "if_params_tee") (param $x i32) (result i32)
    (i32.add (local.get $x) (i32.const 1))
    (if (param i32) (result i32) (i32.gt_s (local.get $x) (i32.const 0))
      (then (local.tee $x) (local.get $x) (i32.mul))
      (else (i32.mul (i32.const -1))))
    (local.get $x)
    (i32.add))

  ;; if without else whose parameter passes through: c != 0: x + 1; c == 0: x.
  (func (export "if_param_no_else") (param $x i32) (param $c i32) (result i32)
    (local.get $x)
    (if (param i32) (result i32) (local.get $c)
      (then (i32.add (i32.const 1)))))

  ;; --- returns from nested blocks with several values -----------------------------------------

  ;; x != 0: (1, 2, x + 3) returned from inside a loop; x == 0: (100 + 9, 77, 5).
  (func (export "return_nested") (param $x i32) (result i32 i64 i32)
    (i32.const 100)
    (block $a (result i32)
      (block $b
        (loop $c
          (if (local.get $x)
            (then (return (i32.const 1) (i64.const 2) (i32.add (local.get $x) (i32.const 3)))))
          (br $a (i32.const 9))))
      (i32.const 8))
    (i32.add)
    (i64.const 77)
    (i32.const 5))

  ;; The results are the parameters in reverse: copying them into slots 0..2 must not clobber.
  (func (export "return_reversed") (param i32 i32 i32) (result i32 i32 i32)
    (block (block (return (local.get 2) (local.get 1) (local.get 0))))
    (unreachable))

  ;; Rotation through locals in a nested br to the function label.
  (func (export "br_rotate") (param i32 i32 i32) (result i32 i32 i32)
    (block (br 1 (local.get 1) (local.get 2) (local.get 0)))
    (unreachable))

  ;; --- select with locals ---------------------------------------------------------------------

  (func (export "select_locals") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (select (local.get $a) (local.get $b) (local.get $c)))

  ;; a := c ? b : a; b := !c ? a : b; result a * 10 + b.
  (func (export "select_into_operand") (param $a i32) (param $b i32) (param $c i32) (result i32)
    (local.set $a (select (local.get $b) (local.get $a) (local.get $c)))
    (local.set $b (select (local.get $a) (local.get $b) (i32.eqz (local.get $c))))
    (i32.add (i32.mul (local.get $a) (i32.const 10)) (local.get $b)))

  ;; The condition is also the first operand: x != 0 ? x : 5, then tee'd back into x; + x.
  (func (export "select_cond_is_operand") (param $x i32) (result i32)
    (i32.add (local.tee $x (select (local.get $x) (i32.const 5) (local.get $x))) (local.get $x)))

  (func (export "select_typed_i64") (param $a i64) (param $b i64) (param $c i32) (result i64)
    (local.set $b (select (result i64) (local.get $a) (local.get $b) (local.get $c)))
    (i64.sub (local.get $b) (local.get $a)))
;; --- a branch fused with a comparison against a wide immediate ------------------------------

  ;; -2158253 needs more than the branch's 16 immediate bits, so it goes to a slot first: as an
  ;; i64 it must arrive there sign-extended (found by the differential fuzzer, seed 7001).
  (func (export "i64_lt_s_wide_immediate_branch") (param $x i64) (result i32)
    (if (i64.lt_s (local.get $x) (i64.const -2158253)) (then (return (i32.const 1))))
    (i32.const 0))

  (func (export "i32_lt_u_wide_immediate_branch") (param $x i32) (result i32)
    (if (i32.lt_u (local.get $x) (i32.const 0x80000001)) (then (return (i32.const 1))))
    (i32.const 0))
)
