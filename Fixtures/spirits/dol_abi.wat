;; A Spirit as the DOL compiler builds one: it imports all 22 functions of the `vudo` module with
;; the compiler's signatures (docs/COMPILER-IMPORTS.md of univrs/dol), keeps its strings at 1024
;; as the compiler does, and exports its memory.
;;
;; `_start` exercises every function but vudo_panic and prints what it saw: `vudo run` runs it.
;; Alone (under `vudo run`) a Spirit has no one to message: send finds no recipient (-4), recv
;; waits out its 10 ms and gets nothing, broadcast reaches no one. In a Séance the same lines show
;; the messages. A check that fails ends the run through vudo_assert.
;;
;; Every import is also exported through a wrapper of the same signature (`allocate`, `release`
;; and `reallocate` for the memory ones: exports named alloc/free would become the Spirit's own
;; allocator), and `wait_for_message` naps with vudo_sleep until a message is pending.
;; Memory: strings 1024-2047, number text 4096-4111, a receive buffer at 8192 (256 bytes),
;; random bytes at 8448; tests use 16384 and up.
(module
  (import "vudo" "vudo_print" (func $print (param i32 i32)))
  (import "vudo" "vudo_println" (func $println (param i32 i32)))
  (import "vudo" "vudo_log" (func $log (param i32 i32 i32)))
  (import "vudo" "vudo_error" (func $error (param i32 i32) (result i32)))
  (import "vudo" "vudo_alloc" (func $alloc (param i32) (result i32)))
  (import "vudo" "vudo_free" (func $free (param i32 i32)))
  (import "vudo" "vudo_realloc" (func $realloc (param i32 i32 i32) (result i32)))
  (import "vudo" "vudo_now" (func $now (result f64)))
  (import "vudo" "vudo_sleep" (func $sleep (param i32)))
  (import "vudo" "vudo_monotonic_now" (func $monotonic_now (result i64)))
  (import "vudo" "vudo_send" (func $send (param i32 i32 i32 i32) (result i32)))
  (import "vudo" "vudo_recv" (func $recv (param i32 i32 i32) (result i32)))
  (import "vudo" "vudo_pending" (func $pending (result i32)))
  (import "vudo" "vudo_broadcast" (func $broadcast (param i32 i32) (result i32)))
  (import "vudo" "vudo_free_message" (func $free_message (param i32)))
  (import "vudo" "vudo_random" (func $random (result f64)))
  (import "vudo" "vudo_random_bytes" (func $random_bytes (param i32 i32)))
  (import "vudo" "vudo_emit_effect" (func $emit_effect (param i32 i32) (result i32)))
  (import "vudo" "vudo_subscribe" (func $subscribe (param i32 i32) (result i32)))
  (import "vudo" "vudo_breakpoint" (func $breakpoint))
  (import "vudo" "vudo_assert" (func $assert (param i32 i32 i32)))
  (import "vudo" "vudo_panic" (func $panic (param i32 i32)))
  (memory (export "memory") 1 256)
  (data (i32.const 1024) "dol_abi: the 22 functions of the vudo module")
  (data (i32.const 1068) "print, then println: ")
  (data (i32.const 1092) "one line")
  (data (i32.const 1100) "a log line at level 2 (info)")
  (data (i32.const 1128) "an error line")
  (data (i32.const 1144) "vudo_error returned ")
  (data (i32.const 1164) "alloc, realloc, free: ok")
  (data (i32.const 1188) "alloc or realloc failed")
  (data (i32.const 1212) "now > 0, monotonic time never decreases: ok")
  (data (i32.const 1256) "the clock is wrong")
  (data (i32.const 1276) "slept 100 ms: ok")
  (data (i32.const 1292) "vudo_sleep(100) returned early")
  (data (i32.const 1324) "random in [0, 1), 16 random bytes: ok")
  (data (i32.const 1364) "vudo_random out of [0, 1)")
  (data (i32.const 1392) "host")
  (data (i32.const 1396) "hello from dol_abi")
  (data (i32.const 1416) "send to host: ")
  (data (i32.const 1432) "pending: ")
  (data (i32.const 1444) "recv (10 ms): ")
  (data (i32.const 1460) " bytes")
  (data (i32.const 1468) "broadcast reached ")
  (data (i32.const 1488) "hello, everyone")
  (data (i32.const 1504) "{\"effect_type\":\"greeting\",\"payload\":{\"text\":\"hi\"}}")
  (data (i32.const 1556) "effect id ")
  (data (i32.const 1568) "greeting")
  (data (i32.const 1576) ", subscription id ")
  (data (i32.const 1596) "vudo_emit_effect or vudo_subscribe returned 0")
  (data (i32.const 1644) "breakpoint, assert: ok")
  (data (i32.const 1668) "never shown: the condition holds")
  (data (i32.const 1700) "done")

  ;; Prints a signed number in decimal, without a newline.
  (func $print_i32 (param $n i32)
    (local $p i32) (local $u i32) (local $negative i32)
    (local.set $p (i32.const 4112))
    (local.set $negative (i32.lt_s (local.get $n) (i32.const 0)))
    (local.set $u (select (i32.sub (i32.const 0) (local.get $n)) (local.get $n) (local.get $negative)))
    (loop $digits
      (local.set $p (i32.sub (local.get $p) (i32.const 1)))
      (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $u) (i32.const 10))))
      (local.set $u (i32.div_u (local.get $u) (i32.const 10)))
      (br_if $digits (local.get $u)))
    (if (local.get $negative)
      (then
        (local.set $p (i32.sub (local.get $p) (i32.const 1)))
        (i32.store8 (local.get $p) (i32.const 45))))
    (call $print (local.get $p) (i32.sub (i32.const 4112) (local.get $p))))

  ;; Prints `label` then `n`, ending the line.
  (func $report (param $label i32) (param $length i32) (param $n i32)
    (call $print (local.get $label) (local.get $length))
    (call $print_i32 (local.get $n))
    (call $println (i32.const 0) (i32.const 0)))

  (func (export "_start")
    (local $block i32) (local $t0 i64) (local $t1 i64) (local $x f64) (local $effect i32) (local $subscription i32)
    (call $println (i32.const 1024) (i32.const 44))
    ;; Output: print continues the line, println ends it; log and error go to the host's log.
    (call $print (i32.const 1068) (i32.const 21))
    (call $println (i32.const 1092) (i32.const 8))
    (call $log (i32.const 2) (i32.const 1100) (i32.const 28))
    (call $report (i32.const 1144) (i32.const 20) (call $error (i32.const 1128) (i32.const 13)))
    ;; Memory.
    (local.set $block (call $alloc (i32.const 64)))
    (call $assert (local.get $block) (i32.const 1188) (i32.const 23))
    (i32.store (local.get $block) (i32.const 0x2a))
    (local.set $block (call $realloc (local.get $block) (i32.const 64) (i32.const 128)))
    (call $assert (i32.and (i32.ne (local.get $block) (i32.const 0)) (i32.eq (i32.load (local.get $block)) (i32.const 0x2a))) (i32.const 1188) (i32.const 23))
    (call $free (local.get $block) (i32.const 128))
    (call $println (i32.const 1164) (i32.const 24))
    ;; Time: wall clock in ms as an f64, monotonic clock in ns, and a sleep that suspends.
    (local.set $t0 (call $monotonic_now))
    (call $assert (i32.and (f64.gt (call $now) (f64.const 0)) (i64.ge_s (call $monotonic_now) (local.get $t0))) (i32.const 1256) (i32.const 18))
    (call $println (i32.const 1212) (i32.const 43))
    (call $sleep (i32.const 100))
    (local.set $t1 (call $monotonic_now))
    (call $assert (i64.ge_s (i64.sub (local.get $t1) (local.get $t0)) (i64.const 100000000)) (i32.const 1292) (i32.const 30))
    (call $println (i32.const 1276) (i32.const 16))
    ;; Randomness.
    (local.set $x (call $random))
    (call $assert (i32.and (f64.ge (local.get $x) (f64.const 0)) (f64.lt (local.get $x) (f64.const 1))) (i32.const 1364) (i32.const 25))
    (call $random_bytes (i32.const 8448) (i32.const 16))
    (call $println (i32.const 1324) (i32.const 37))
    ;; Messaging.
    (call $report (i32.const 1416) (i32.const 14) (call $send (i32.const 1392) (i32.const 4) (i32.const 1396) (i32.const 18)))
    (call $report (i32.const 1432) (i32.const 9) (call $pending))
    (call $print (i32.const 1444) (i32.const 14))
    (call $print_i32 (call $recv (i32.const 10) (i32.const 8192) (i32.const 256)))
    (call $println (i32.const 1460) (i32.const 6))
    (call $report (i32.const 1468) (i32.const 18) (call $broadcast (i32.const 1488) (i32.const 15)))
    (call $free_message (i32.const 0))
    ;; Effects.
    (local.set $effect (call $emit_effect (i32.const 1504) (i32.const 50)))
    (local.set $subscription (call $subscribe (i32.const 1568) (i32.const 8)))
    (call $assert (i32.and (i32.ne (local.get $effect) (i32.const 0)) (i32.ne (local.get $subscription) (i32.const 0))) (i32.const 1596) (i32.const 45))
    (call $print (i32.const 1556) (i32.const 10))
    (call $print_i32 (local.get $effect))
    (call $report (i32.const 1576) (i32.const 18) (local.get $subscription))
    ;; Debugging (vudo_panic ends the call: the `panic` export shows it).
    (call $breakpoint)
    (call $assert (i32.const 1) (i32.const 1668) (i32.const 32))
    (call $println (i32.const 1644) (i32.const 22))
    (call $println (i32.const 1700) (i32.const 4)))

  ;; Naps 100 ms at a time until a message is pending; returns how many naps that took, or -1
  ;; after `max` naps.
  (func (export "wait_for_message") (param $max i32) (result i32)
    (local $naps i32)
    (block $none
      (loop $nap
        (br_if $none (i32.ge_u (local.get $naps) (local.get $max)))
        (if (i32.gt_u (call $pending) (i32.const 0)) (then (return (local.get $naps))))
        (call $sleep (i32.const 100))
        (local.set $naps (i32.add (local.get $naps) (i32.const 1)))
        (br $nap)))
    (i32.const -1))

  (func (export "print") (param i32 i32) (call $print (local.get 0) (local.get 1)))
  (func (export "println") (param i32 i32) (call $println (local.get 0) (local.get 1)))
  (func (export "log") (param i32 i32 i32) (call $log (local.get 0) (local.get 1) (local.get 2)))
  (func (export "error") (param i32 i32) (result i32) (call $error (local.get 0) (local.get 1)))
  (func (export "allocate") (param i32) (result i32) (call $alloc (local.get 0)))
  (func (export "release") (param i32 i32) (call $free (local.get 0) (local.get 1)))
  (func (export "reallocate") (param i32 i32 i32) (result i32) (call $realloc (local.get 0) (local.get 1) (local.get 2)))
  (func (export "now") (result f64) (call $now))
  (func (export "sleep") (param i32) (call $sleep (local.get 0)))
  (func (export "monotonic_now") (result i64) (call $monotonic_now))
  (func (export "send") (param i32 i32 i32 i32) (result i32)
    (call $send (local.get 0) (local.get 1) (local.get 2) (local.get 3)))
  (func (export "recv") (param i32 i32 i32) (result i32) (call $recv (local.get 0) (local.get 1) (local.get 2)))
  (func (export "pending") (result i32) (call $pending))
  (func (export "broadcast") (param i32 i32) (result i32) (call $broadcast (local.get 0) (local.get 1)))
  (func (export "free_message") (param i32) (call $free_message (local.get 0)))
  (func (export "random") (result f64) (call $random))
  (func (export "random_bytes") (param i32 i32) (call $random_bytes (local.get 0) (local.get 1)))
  (func (export "emit_effect") (param i32 i32) (result i32) (call $emit_effect (local.get 0) (local.get 1)))
  (func (export "subscribe") (param i32 i32) (result i32) (call $subscribe (local.get 0) (local.get 1)))
  (func (export "breakpoint") (call $breakpoint))
  (func (export "assert") (param i32 i32 i32) (call $assert (local.get 0) (local.get 1) (local.get 2)))
  (func (export "panic") (param i32 i32) (call $panic (local.get 0) (local.get 1))))
