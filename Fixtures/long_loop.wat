;; Long-running loops with checkable results.
(module
  ;; sum of 0..<n as i64
  (func (export "sum") (param $n i32) (result i64)
    (local $i i32) (local $acc i64)
    (block $exit
      (loop $next
        (br_if $exit (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $acc))

  ;; n iterations of an LCG x = x * 1664525 + 1013904223 (mod 2^32), from seed
  (func (export "lcg") (param $seed i32) (param $n i32) (result i32)
    (local $x i32)
    (local.set $x (local.get $seed))
    (block $exit
      (loop $next
        (br_if $exit (i32.eqz (local.get $n)))
        (local.set $x (i32.add (i32.mul (local.get $x) (i32.const 1664525)) (i32.const 1013904223)))
        (local.set $n (i32.sub (local.get $n) (i32.const 1)))
        (br $next)))
    (local.get $x))

  ;; the same count, written as a do-while with br_if back to the loop
  (func (export "count_down") (param $n i32) (result i32)
    (local $steps i32)
    (loop $next
      (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
      (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $steps))
)
