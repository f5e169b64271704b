;; call_ref and ref.as_non_null (Tests/WasmCoreTests/TypedReferenceTests.swift). Results
;; cross-checked with wasmtime 51.
(module
  (type $t (func (result i32)))
  (func $f (type $t) (i32.const 7))
  (elem declare func $f)
  (func (export "call_ref") (result i32)
    (call_ref $t (ref.func $f)))
  (func (export "call_null") (result i32)
    (call_ref $t (ref.null $t)))
  (func (export "as_non_null") (param i32) (result i32)
    (call_ref $t (ref.as_non_null (select (result (ref null $t)) (ref.func $f) (ref.null $t) (local.get 0)))))
)
