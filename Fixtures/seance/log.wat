;; Records values: log(v) adds v to a running total and counts calls; total() and calls() read them.
(module
  (global $total (mut i32) (i32.const 0))
  (global $calls (mut i32) (i32.const 0))
  (func (export "log") (param i32)
    (global.set $total (i32.add (global.get $total) (local.get 0)))
    (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
  (func (export "total") (result i32) (global.get $total))
  (func (export "calls") (result i32) (global.get $calls)))
