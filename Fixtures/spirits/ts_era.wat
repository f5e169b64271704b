;; A Spirit written for @vudo/runtime, whose loader links every Loa's functions under "env": the
;; core Loa's vudo_print beside the design's `http` Loa's fetch(url, url_len) -> status and
;; post(url, url_len, body, body_len) -> status. It loads once `http` is granted.
(module
  (import "env" "vudo_print" (func $print (param i32 i32)))
  (import "env" "fetch" (func $fetch (param i32 i32) (result i32)))
  (import "env" "post" (func $post (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "https://loa.test/items")
  (data (i32.const 32) "{\22name\22:\22gris-gris\22}")
  (data (i32.const 64) "hello from env")
  (func (export "hello") (call $print (i32.const 64) (i32.const 14)))
  (func (export "fetch_items") (result i32) (call $fetch (i32.const 0) (i32.const 22)))
  (func (export "post_item") (result i32)
    (call $post (i32.const 0) (i32.const 22) (i32.const 32) (i32.const 20))))
