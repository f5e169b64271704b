;; The DOL compiler's messaging functions (module "vudo", its signatures), wrapped so tests drive
;; them with data they write to memory: no channels, payloads only, return codes of the ABI.
(module
  (import "vudo" "vudo_send" (func $send (param i32 i32 i32 i32) (result i32)))
  (import "vudo" "vudo_recv" (func $recv (param i32 i32 i32) (result i32)))
  (import "vudo" "vudo_pending" (func $pending (result i32)))
  (import "vudo" "vudo_broadcast" (func $broadcast (param i32 i32) (result i32)))
  (import "vudo" "vudo_free_message" (func $free_message (param i32)))
  (memory (export "memory") 1)
  (func (export "send") (param i32 i32 i32 i32) (result i32)
    (call $send (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "recv") (param i32 i32 i32) (result i32) (call $recv (local.get 0) (local.get 1) (local.get 2)))
  (func (export "pending") (result i32) (call $pending))
  (func (export "broadcast") (param i32 i32) (result i32) (call $broadcast (local.get 0) (local.get 1)))
  (func (export "free_message") (param i32) (call $free_message (local.get 0))))
