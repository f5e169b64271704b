;; The README's first command: `swift run vudo run Fixtures/hello.wasm` prints the greeting through
;; the core Loa's vudo_print(ptr, len) (raw UTF-8).
(module
  (import "vudo" "vudo_print" (func $print (param i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 16) "Hello from a Spirit!")
  (func (export "_start")
    (call $print (i32.const 16) (i32.const 20))))
