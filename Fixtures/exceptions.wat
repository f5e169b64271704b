;; Exceptions across frames and the host boundary (Tests/WasmCoreTests/ExceptionTests.swift).
;; Expected values cross-checked with wasmtime 51 (all but the legacy function, which its text
;; parser does not read).
(module
  (import "env" "host_tag" (tag $host_tag (param i32 i64)))
  (import "env" "host_throw" (func $host_throw (param i32)))
  (import "env" "host_fail" (func $host_fail))
  (import "env" "host_call" (func $host_call (param i32) (result i32)))
  (tag $e (export "e") (param i32))

  ;; Throws $e 42 after n nested calls.
  (func $deep (export "deep") (param $n i32) (result i32)
    (if (i32.eqz (local.get $n)) (then (throw $e (i32.const 42))))
    (i32.add (call $deep (i32.sub (local.get $n) (i32.const 1))) (i32.const 1)))

  (func (export "catch_deep") (param $n i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e $h)
        (call $deep (local.get $n)))))

  (func (export "legacy_catch_deep") (param $n i32) (result i32)
    (try (result i32)
      (do (call $deep (local.get $n)))
      (catch $e)))

  (func (export "throw_out") (param i32) (throw $e (local.get 0)))

  (func (export "catch_host") (param i32) (result i32 i64)
    (block $h (result i32 i64)
      (try_table (catch $host_tag $h)
        (call $host_throw (local.get 0)))
      (i32.const -1) (i64.const -1)))

  (func (export "catch_all_host_fail") (result i32)
    (block $h
      (try_table (catch_all $h) (call $host_fail))
      (return (i32.const 0)))
    (i32.const 1))

  (func (export "through_host") (param i32) (result i32)
    (block $h (result i32)
      (try_table (result i32) (catch $e $h) (call $host_call (local.get 0)))))

  ;; Throws and catches n times, summing the values caught.
  (func (export "throw_loop") (param $n i32) (result i32)
    (local $sum i32)
    (loop $l
      (block $h (result i32)
        (try_table (result i32) (catch $e $h) (throw $e (local.get $n))))
      (local.set $sum (i32.add (local.get $sum)))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $sum))

  ;; catch_ref then throw_ref: the same exception goes on to the outer handler.
  (func (export "rethrow_ref") (param i32) (result i32)
    (block $outer (result i32)
      (try_table (result i32) (catch $e $outer)
        (block $inner (result exnref)
          (try_table (catch_all_ref $inner) (throw $e (local.get 0)))
          (unreachable))
        (throw_ref))))

  ;; The same loop, bare and inside a try_table: the same internal code.
  (func (export "plain") (param $n i32) (result i32) (local $s i32)
    (loop $l
      (local.set $s (i32.add (local.get $s) (i32.mul (local.get $n) (local.get $n))))
      (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
    (local.get $s))
  (func (export "guarded") (param $n i32) (result i32) (local $s i32)
    (block $h
      (try_table (catch_all $h)
        (loop $l
          (local.set $s (i32.add (local.get $s) (i32.mul (local.get $n) (local.get $n))))
          (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
    (local.get $s))

  ;; An exception kept in a global stays itself after plain catches of it and of others.
  (global $saved (mut exnref) (ref.null exn))
  (func (export "saved_exception") (param i32) (result i32)
    (block $h (result exnref)
      (try_table (catch_all_ref $h) (throw $e (local.get 0)))
      (unreachable))
    (global.set $saved)
    (block $h1 (result i32)
      (try_table (result i32) (catch $e $h1) (throw_ref (global.get $saved))))
    (drop)
    (block $h2 (result i32)
      (try_table (result i32) (catch $e $h2) (throw $e (i32.const 99))))
    (drop)
    (block $h3 (result i32)
      (try_table (result i32) (catch $e $h3) (throw_ref (global.get $saved)))))

  ;; A tail call leaves its caller's frame, handlers included, also when the callee is the host's:
  ;; the host's exception escapes the try_table around the tail call (the spec's try_table.wast,
  ;; "return-call-in-try-catch") and reaches the function that called the tail-caller.
  (type $throw_type (func (param i32)))
  (table $host_functions funcref (elem $host_throw))
  (elem declare func $host_throw)
  (func $tail_call_host (export "tail_call_host") (param i32)
    (block $h (try_table (catch_all $h) (return_call $host_throw (local.get 0))))
    (unreachable))
  (func $tail_call_ref_host (export "tail_call_ref_host") (param i32)
    (block $h (try_table (catch_all $h) (return_call_ref $throw_type (local.get 0) (ref.func $host_throw))))
    (unreachable))
  (func $tail_call_indirect_host (export "tail_call_indirect_host") (param i32)
    (block $h
      (try_table (catch_all $h)
        (return_call_indirect $host_functions (type $throw_type) (local.get 0) (i32.const 0))))
    (unreachable))
  (func (export "catch_tail_call") (param i32) (result i32 i64)
    (block $h (result i32 i64)
      (try_table (catch $host_tag $h) (call $tail_call_host (local.get 0)))
      (unreachable)))
  (func (export "catch_tail_call_ref") (param i32) (result i32 i64)
    (block $h (result i32 i64)
      (try_table (catch $host_tag $h) (call $tail_call_ref_host (local.get 0)))
      (unreachable)))
  (func (export "catch_tail_call_indirect") (param i32) (result i32 i64)
    (block $h (result i32 i64)
      (try_table (catch $host_tag $h) (call $tail_call_indirect_host (local.get 0)))
      (unreachable)))
)
