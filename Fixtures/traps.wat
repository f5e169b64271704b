;; Traps with backtraces: names come from the name section (built with --debug-names).
(module
  (memory 1)
  ;; slot 0: the right type; slot 1: another type; slot 2: null; 3 and up: out of the table
  (table 3 funcref)
  (elem (i32.const 0) $inner $divide)
  (type $void_to_i32 (func (result i32)))

  (func $inner (result i32) (unreachable))
  (func $middle (result i32) (i32.add (call $inner) (i32.const 1)))
  (func $outer (export "outer") (result i32) (call $middle))

  (func $divide (export "divide") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
  (func $load (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func $call_slot (export "call_slot") (param i32) (result i32)
    (call_indirect (type $void_to_i32) (local.get 0)))
  (func $truncate (export "truncate") (param f32) (result i32) (i32.trunc_f32_s (local.get 0)))
  (func $ok (export "ok") (result i32) (i32.const 42))
)
