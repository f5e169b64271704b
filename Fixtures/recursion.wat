;; Deep guest recursion: must end in the call-stack trap, never in a native stack overflow.
(module
  ;; recurse(n) = n == 0 ? 0 : 1 + recurse(n - 1)  (not a tail call: the add runs after the return)
  (func $recurse (export "recurse") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $recurse (i32.sub (local.get 0) (i32.const 1)))))))

  ;; infinite recursion with a few locals per frame
  (func $forever (export "forever") (param i64) (result i64)
    (local i64 i64 i64)
    (local.set 1 (i64.add (local.get 0) (i64.const 1)))
    (i64.add (call $forever (local.get 1)) (local.get 2)))

  ;; mutual recursion: even/odd
  (func $is_even (export "is_even") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 1))
      (else (call $is_odd (i32.sub (local.get 0) (i32.const 1))))))
  (func $is_odd (export "is_odd") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (call $is_even (i32.sub (local.get 0) (i32.const 1))))))

  ;; recursive fib, to check that the instance still computes after a stack-exhaustion trap
  (func $fib (export "fib") (param i32) (result i32)
    (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
      (then (local.get 0))
      (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                     (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
)
