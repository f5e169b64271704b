;; @vudo/runtime's vudo_now (an i64 of milliseconds) imported from "vudo", where the DOL compiler's
;; ABI declares an f64: the import is refused with both signatures named.
(module
  (import "vudo" "vudo_now" (func (result i64))))
