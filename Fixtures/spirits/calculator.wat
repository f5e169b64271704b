;; The calculator Spirit: i64 arithmetic, plus a few signatures that exercise typed calls
;; (i32, f32, f64, bool-as-i32 and a two-value result).
(module
  (func (export "add") (param $a i64) (param $b i64) (result i64)
    (i64.add (local.get $a) (local.get $b)))
  (func (export "multiply") (param $a i64) (param $b i64) (result i64)
    (i64.mul (local.get $a) (local.get $b)))
  ;; Traps on a zero divisor: the typed-error path of a call.
  (func (export "divide") (param $a i64) (param $b i64) (result i64)
    (i64.div_s (local.get $a) (local.get $b)))
  ;; Quotient and remainder: a multi-value result.
  (func (export "divmod") (param $a i32) (param $b i32) (result i32 i32)
    (i32.div_u (local.get $a) (local.get $b))
    (i32.rem_u (local.get $a) (local.get $b)))
  (func (export "is_even") (param $n i32) (result i32)
    (i32.eqz (i32.and (local.get $n) (i32.const 1))))
  (func (export "half") (param $x f32) (result f32)
    (f32.mul (local.get $x) (f32.const 0.5)))
  (func (export "square") (param $x f64) (result f64)
    (f64.mul (local.get $x) (local.get $x)))
  (func (export "noop")))
