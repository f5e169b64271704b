;; Imports vudo_pending from "vudo", as DOL-compiled Spirits do.
(module
  (import "vudo" "vudo_pending" (func $pending (param i32) (result i32)))
  (func (export "pending") (param i32) (result i32) (call $pending (local.get 0))))
