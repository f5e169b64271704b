;; A Spirit written for @vudo/runtime: it imports its messaging Loa's functions from "env", where
;; that runtime's loader links every Loa, with that Loa's signatures (messagebus.ts).
(module
  (import "env" "vudo_send" (func $send (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "vudo_recv" (func $recv (param i32 i32 i32 i32 i32) (result i32)))
  (import "env" "vudo_pending" (func $pending (param i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "send") (param i32 i32 i32 i32 i32) (result i32)
    (call $send (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "recv") (param i32 i32 i32 i32 i32) (result i32)
    (call $recv (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func (export "pending") (param i32) (result i32) (call $pending (local.get 0))))
