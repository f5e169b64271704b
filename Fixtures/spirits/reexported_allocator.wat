;; Exports an allocator that is the host's own vudo_alloc/vudo_free: host allocations go through
;; the export, which calls back into the host, which must not recurse into the export again.
(module
  (import "env" "vudo_alloc" (func $vudo_alloc (param i32) (result i32)))
  (import "env" "vudo_free" (func $vudo_free (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "alloc") (param i32) (result i32) (call $vudo_alloc (local.get 0)))
  (func (export "free") (param i32) (call $vudo_free (local.get 0) (i32.const 0))))
