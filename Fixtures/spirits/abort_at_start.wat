;; Aborts in its start function: loading fails with the abort's message, file and line.
(module
  (import "env" "vudo_abort" (func $abort (param i32 i32 i32 i32 i32)))
  (memory 1)
  (data (i32.const 0) "not configured")
  (data (i32.const 16) "boot.dol")
  (func $boot (call $abort (i32.const 0) (i32.const 14) (i32.const 16) (i32.const 8) (i32.const 7)))
  (start $boot))
