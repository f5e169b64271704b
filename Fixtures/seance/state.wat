;; Thin wrappers over the state Loa.
(module
  (import "state" "state_get" (func $get (param i32 i32 i32 i32) (result i32)))
  (import "state" "state_set" (func $set (param i32 i32 i32 i32) (result i32)))
  (import "state" "state_delete" (func $delete (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  (func (export "get") (param i32 i32 i32 i32) (result i32)
    (call $get (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "set") (param i32 i32 i32 i32) (result i32)
    (call $set (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "delete") (param i32 i32) (result i32) (call $delete (local.get 0) (local.get 1))))
