;; Body-less `sex fun` declarations with @vudo/runtime's signatures, under "loa": vudo_now as an
;; i64 and vudo_abort are not the DOL ABI's shapes (vudo_abort is not in it at all), so they link
;; the core Loa's functions, as under "env".
(module
  (import "loa" "vudo_now" (func $now (result i64)))
  (import "loa" "vudo_abort" (func $abort (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "stop")
  (func (export "now") (result i64) (call $now))
  (func (export "stop") (call $abort (i32.const 0) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 9))))
