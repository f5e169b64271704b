;; The logger Spirit: prints through the host's vudo_print(ptr, len) (raw UTF-8, not length-prefixed).
(module
  (import "env" "vudo_print" (func $print (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from a Spirit!")
  ;; Prints the greeting stored in its own data segment.
  (func (export "hello")
    (call $print (i32.const 16) (i32.const 20)))
  ;; Prints text the host placed in memory.
  (func (export "log") (param $ptr i32) (param $len i32)
    (call $print (local.get $ptr) (local.get $len))))
