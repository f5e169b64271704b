;; vudo_alloc takes an i32 size; this Spirit declares an i64.
(module
  (import "loa" "vudo_alloc" (func (param i64) (result i32))))
