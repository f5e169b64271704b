;; call_indirect through a table whose elements are subtypes of the expected type
;; (Tests/WasmCoreTests/TypedReferenceTests.swift; `sub` types come from GC). Results
;; cross-checked with wasmtime 51.
(module
  (type $base (sub (func (result i32))))
  (type $derived (sub $base (func (result i32))))
  (type $other (func (result i32)))
  (func $f (type $derived) (i32.const 7))
  (func $g (type $other) (i32.const 8))
  (table $t 2 funcref)
  (elem (table $t) (i32.const 0) func $f $g)
  ;; Element 0 is a $derived, a subtype of $base: the call matches.
  (func (export "call_base") (param i32) (result i32)
    (call_indirect $t (type $base) (local.get 0)))
  (func (export "call_derived") (param i32) (result i32)
    (call_indirect $t (type $derived) (local.get 0)))
)
