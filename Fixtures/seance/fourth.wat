;; Imports square from a Spirit wired in as "sq": fourth(x) = square(square(x)).
(module
  (import "sq" "square" (func $square (param i32) (result i32)))
  (func (export "fourth") (param i32) (result i32) (call $square (call $square (local.get 0)))))
