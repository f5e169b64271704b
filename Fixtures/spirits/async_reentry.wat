;; A Spirit whose async import `host.fetch` the tests implement by calling back into this Spirit:
;; its allocator, or `request` itself. `alloc` is a bump allocator, so a nested call leaves a trace.
(module
  (import "host" "fetch" (func $fetch (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $next (mut i32) (i32.const 1024))
  ;; Returns the old top and moves it up by `size`.
  (func (export "alloc") (param $size i32) (result i32)
    (global.get $next)
    (global.set $next (i32.add (global.get $next) (local.get $size))))
  (func (export "allocated") (result i32) (global.get $next))
  ;; fetch(n) answers with a pointer; the result is the i32 stored there.
  (func (export "request") (param $n i32) (result i32)
    (i32.load (call $fetch (local.get $n))))
  (func (export "plain") (result i32) (i32.const 7))
)
