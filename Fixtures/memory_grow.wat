;; memory.grow up to the declared maximum, and -1 beyond it.
(module
  (memory (export "memory") 1 4)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
  (func (export "store") (param i32 i32) (i32.store (local.get 0) (local.get 1)))
  ;; grows by one page at a time until it fails; returns how many grows succeeded
  (func (export "grow_until_failure") (result i32)
    (local $count i32)
    (block $done
      (loop $again
        (br_if $done (i32.eq (memory.grow (i32.const 1)) (i32.const -1)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br $again)))
    (local.get $count))
)
