;; Guest <-> host calls: the guest calls imported host functions, the host calls exported guest
;; functions, and a host function calls back into the guest (re-entrancy).
(module
  (import "env" "add" (func $host_add (param i32 i32) (result i32)))
  (import "env" "fail" (func $host_fail (param i32) (result i32)))
  (import "env" "reenter" (func $host_reenter (param i32) (result i32)))
  (import "env" "swap" (func $host_swap (param i64 f64) (result f64 i64)))
  (memory (export "memory") 1)

  ;; guest -> host: 3 * host_add(a, b)
  (func $call_add (export "call_add") (param i32 i32) (result i32)
    (i32.mul (call $host_add (local.get 0) (local.get 1)) (i32.const 3)))

  ;; guest -> host, where the host throws; the code after the call must not run
  (func $call_fail (export "call_fail") (param i32) (result i32)
    (drop (call $host_fail (local.get 0)))
    (i32.store (i32.const 0) (i32.const 0xdead))
    (i32.const -1))

  ;; host -> guest: a plain export
  (func $double (export "double") (param i32) (result i32)
    (i32.shl (local.get 0) (i32.const 1)))

  ;; Mutual recursion through the host: count_down(n) = n == 0 ? 0 : 1 + host_reenter(n - 1),
  ;; where host_reenter(k) invokes count_down(k) again through the store.
  (func $count_down (export "count_down") (param i32) (result i32)
    (if (result i32) (i32.eqz (local.get 0))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $host_reenter (i32.sub (local.get 0) (i32.const 1)))))))

  ;; multi-value across the boundary: keeps values live across the call in locals
  (func $call_swap (export "call_swap") (param i64 f64) (result f64 i64)
    (call $host_swap (local.get 0) (local.get 1)))

  ;; writes n at address 16, then lets the host read it through caller.memory
  (func $store_then_add (export "store_then_add") (param i32) (result i32)
    (i32.store (i32.const 16) (local.get 0))
    (call $host_add (local.get 0) (i32.const 0)))

  ;; the host must not be able to corrupt the guest's operand stack: values below the call survive
  (func $live_across_call (export "live_across_call") (param i32) (result i32)
    (local i32)
    (local.set 1 (i32.const 1000))
    (i32.add
      (i32.add (local.get 1) (local.get 0))
      (call $host_add (i32.const 7) (i32.const 8))))
)
