;; vudo_sleep is in the reference runtime's ABI but not in core 1.0.0.
(module
  (import "vudo" "vudo_sleep" (func (param i32))))
