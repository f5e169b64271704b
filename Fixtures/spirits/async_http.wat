;; A Spirit whose `http.fetch` import the tests provide as an async Loa function.
(module
  (import "http" "fetch" (func $fetch (param i32) (result i32)))
  (func (export "once") (param i32) (result i32) (call $fetch (local.get 0)))
  ;; acc = acc * 31 + fetch(i) for i in 0..<n: every result used, in order
  (func (export "chain") (param $n i32) (result i32)
    (local $i i32) (local $acc i32)
    (block $done
      (loop $again
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (call $fetch (local.get $i))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again)))
    (local.get $acc))
  (func (export "plain") (result i32) (i32.const 7))
)
