;; A Spirit of the design's `http` Loa: fetch(url, url_len) -> status and
;; post(url, url_len, body, body_len) -> status. Its start function already fetches, so a test can
;; see that a refused link calls nothing at all.
(module
  (import "http" "fetch" (func $fetch (param i32 i32) (result i32)))
  (import "http" "post" (func $post (param i32 i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "https://loa.test/boot")
  (data (i32.const 32) "https://loa.test/items")
  (data (i32.const 64) "{\22name\22:\22gris-gris\22}")
  (global $bootStatus (mut i32) (i32.const 0))
  (func $boot
    (global.set $bootStatus (call $fetch (i32.const 0) (i32.const 21))))
  (start $boot)
  (func (export "boot_status") (result i32)
    (global.get $bootStatus))
  (func (export "fetch_items") (result i32)
    (call $fetch (i32.const 32) (i32.const 22)))
  (func (export "post_item") (result i32)
    (call $post (i32.const 32) (i32.const 22) (i32.const 64) (i32.const 20))))
