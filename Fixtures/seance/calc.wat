;; A calculator Spirit for the Séance tests: exports multiply and add, imports nothing.
(module
  (memory (export "memory") 1)
  (func (export "multiply") (param i32 i32) (result i32) (i32.mul (local.get 0) (local.get 1)))
  (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1))))
