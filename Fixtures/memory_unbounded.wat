;; A memory without a declared maximum: the engine's maxMemoryPages is the limit.
(module
  (memory (export "memory") 0)
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size))
  (func (export "store_last") (result i32)
    ;; writes and reads the last byte of the memory
    (local $last i32)
    (local.set $last (i32.sub (i32.mul (memory.size) (i32.const 65536)) (i32.const 1)))
    (i32.store8 (local.get $last) (i32.const 0xAB))
    (i32.load8_u (local.get $last)))
)
