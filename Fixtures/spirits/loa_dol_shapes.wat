;; What the DOL compiler emits for body-less `sex fun` declarations: imports from "loa" under the
;; names as written. vudo_now and vudo_error with the compiler's signatures link the DOL ABI's
;; functions; `fetch` is no ABI function, so it links a granted Loa's, as under "env".
(module
  (import "loa" "vudo_now" (func $now (result f64)))
  (import "loa" "vudo_error" (func $error (param i32 i32) (result i32)))
  (import "loa" "fetch" (func $fetch (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "https://loa.test/items")
  (func (export "now") (result f64) (call $now))
  (func (export "error") (param i32 i32) (result i32) (call $error (local.get 0) (local.get 1)))
  (func (export "fetch_items") (result i32) (call $fetch (i32.const 0) (i32.const 22))))
