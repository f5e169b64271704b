;; Imports calc.multiply with i64 parameters; calc's takes i32.
(module
  (import "calc" "multiply" (func (param i64 i64) (result i64))))
