;; Imports a function "calc" does not export.
(module
  (import "calc" "divide" (func (param i32 i32) (result i32))))
