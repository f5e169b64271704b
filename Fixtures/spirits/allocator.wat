;; A Spirit with its own allocator (`alloc`/`free`): host allocations must go through it.
;; A bump allocator in a global, starting at 4096; `free` counts calls so tests can observe it.
(module
  (memory (export "memory") 1 2)
  (global $next (mut i32) (i32.const 4096))
  (global $frees (mut i32) (i32.const 0))
  (func (export "alloc") (param $size i32) (result i32)
    (local $ptr i32)
    ;; 8-byte alignment, like a typical malloc.
    (local.set $ptr (i32.and (i32.add (global.get $next) (i32.const 7)) (i32.const -8)))
    ;; Out of memory (past the 2 pages): return 0, as malloc does, and keep $next.
    (if (result i32) (i32.gt_u (i32.add (local.get $ptr) (local.get $size)) (i32.const 131072))
      (then (i32.const 0))
      (else
        (global.set $next (i32.add (local.get $ptr) (local.get $size)))
        (local.get $ptr))))
  (func (export "free") (param $ptr i32)
    (global.set $frees (i32.add (global.get $frees) (i32.const 1))))
  (func (export "free_count") (result i32) (global.get $frees))
  (func (export "next") (result i32) (global.get $next)))
