;; A Spirit that imports its memory: the host creates it from SpiritOptions' limits.
(module
  (import "env" "memory" (memory 1))
  (func (export "size") (result i32) (memory.size))
  (func (export "store") (param $ptr i32) (param $value i32)
    (i32.store (local.get $ptr) (local.get $value))))
