;; The README's first command: `swift run vudo run Fixtures/hello.wasm` prints the greeting through
;; the DOL ABI's vudo_println(ptr, len) (raw UTF-8, then a newline).
(module
  (import "vudo" "vudo_println" (func $println (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from a Spirit!")
  (func (export "_start")
    (call $println (i32.const 16) (i32.const 20))))
