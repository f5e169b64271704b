;; Imports a function no host provides yet: loading must fail naming the import.
(module
  (import "http" "fetch" (func $fetch (param i32 i32) (result i32)))
  (func (export "run") (result i32)
    (call $fetch (i32.const 0) (i32.const 0))))
