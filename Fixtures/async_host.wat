;; A guest that calls a host function which the tests make async.
(module
  (import "host" "next" (func $next (param i32) (result i32)))
  (func (export "once") (param i32) (result i32) (call $next (local.get 0)))
  ;; acc = acc * 31 + next(i) for i in 0..<n: every result used, in order
  (func (export "chain") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (call $next (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $acc))
  ;; n wasm frames stay suspended around the await at the bottom
  (func $deep (export "deep") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (call $next (i32.const 0)))
      (else (i32.add (i32.const 1) (call $deep (i32.sub (local.get $n) (i32.const 1)))))))
)
