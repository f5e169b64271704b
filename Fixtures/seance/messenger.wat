;; Thin wrappers over the messaging Loa, so tests drive the DOL ABI with data they write to memory.
(module
  (import "messaging" "vudo_send" (func $send (param i32 i32 i32 i32 i32) (result i32)))
  (import "messaging" "vudo_recv" (func $recv (param i32 i32 i32 i32 i32) (result i32)))
  (import "messaging" "vudo_pending" (func $pending (param i32) (result i32)))
  (import "messaging" "vudo_broadcast" (func $broadcast (param i32 i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "send") (param i32 i32 i32 i32 i32) (result i32)
    (call $send (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "recv") (param i32 i32 i32 i32 i32) (result i32)
    (call $recv (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "pending") (param i32) (result i32) (call $pending (local.get 0)))
  (func (export "broadcast") (param i32 i32 i32) (result i32)
    (call $broadcast (local.get 0) (local.get 1) (local.get 2))))
