;; The same core function under each module name that reaches it: the Loa's own name, and the
;; env/vudo/loa names Spirits of the DOL toolchain and the reference runtime use.
(module
  (import "env" "vudo_print" (func $env (param i32 i32)))
  (import "vudo" "vudo_print" (func $vudo (param i32 i32)))
  (import "loa" "vudo_print" (func $loa (param i32 i32)))
  (import "core" "vudo_print" (func $core (param i32 i32)))
  (memory 1)
  (data (i32.const 0) "env")
  (data (i32.const 4) "vudo")
  (data (i32.const 8) "loa")
  (data (i32.const 12) "core")
  (func (export "greet")
    (call $env (i32.const 0) (i32.const 3))
    (call $vudo (i32.const 4) (i32.const 4))
    (call $loa (i32.const 8) (i32.const 3))
    (call $core (i32.const 12) (i32.const 4))))
