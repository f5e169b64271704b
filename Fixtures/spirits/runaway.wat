;; A Spirit that misbehaves on request: for the resource-limit tests.
(module
  (memory (export "memory") 1)
  ;; never returns: a tight loop with no calls
  (func (export "spin")
    (loop $forever (br $forever)))
  ;; counts down from n; returns n
  (func (export "count") (param $n i32) (result i32)
    (local $i i32)
    (local.set $i (local.get $n))
    (block $done
      (loop $next
        (br_if $done (i32.eqz (local.get $i)))
        (local.set $i (i32.sub (local.get $i) (i32.const 1)))
        (br $next)))
    (local.get $n))
  ;; recursion n deep
  (func $recurse (export "recurse") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $recurse (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages)))
)
