;; Imports multiply from the Spirit summoned as "calc": square(x) = calc.multiply(x, x).
(module
  (import "calc" "multiply" (func $multiply (param i32 i32) (result i32)))
  (func (export "square") (param i32) (result i32) (call $multiply (local.get 0) (local.get 0))))
