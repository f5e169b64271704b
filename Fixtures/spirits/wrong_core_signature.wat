;; vudo_alloc takes an i32 size in both ABIs; this Spirit declares an i64 (under `loa`, where the
;; DOL compiler puts a body-less `sex fun`).
(module
  (import "loa" "vudo_alloc" (func (param i64) (result i32))))
