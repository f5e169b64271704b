;; binary-trees (the Computer Language Benchmarks Game) on WebAssembly GC structs: builds and
;; checks complete binary trees of depths 4, 6, ..., 14, many times each, while one tree of depth 14
;; stays alive throughout. Almost every node becomes garbage at once, which the collector reclaims.
;;
;; The checksum is the total node count: a tree of depth d has 2^(d+1) - 1 nodes, so
;; (2^16 - 1) for the stretch tree + sum over d = 4, 6, ..., 14 of 2^(18 - d) * (2^(d+1) - 1)
;; + (2^15 - 1) for the long-lived one = 3,222,190. Written in text (no C toolchain emits GC);
;; `vudo wat2wasm Benchmarks/src/binary_trees.wat -o Benchmarks/binary_trees.wasm` builds it.
(module
  (type $node (struct (field $left (ref null $node)) (field $right (ref null $node))))

  (func $bottom_up (param $depth i32) (result (ref $node))
    (if (result (ref $node)) (i32.eqz (local.get $depth))
      (then (struct.new $node (ref.null $node) (ref.null $node)))
      (else
        (struct.new $node
          (call $bottom_up (i32.sub (local.get $depth) (i32.const 1)))
          (call $bottom_up (i32.sub (local.get $depth) (i32.const 1)))))))

  (func $check (param $node (ref $node)) (result i32)
    (local $left (ref null $node))
    (local.set $left (struct.get $node $left (local.get $node)))
    (if (result i32) (ref.is_null (local.get $left))
      (then (i32.const 1))
      (else
        (i32.add
          (i32.add (i32.const 1) (call $check (ref.as_non_null (local.get $left))))
          (call $check (ref.as_non_null (struct.get $node $right (local.get $node))))))))

  (func (export "run") (result i32)
    (local $max i32) (local $sum i32) (local $long (ref null $node))
    (local $depth i32) (local $iterations i32) (local $i i32)
    (local.set $max (i32.const 14))
    ;; The stretch tree, one deeper than the rest, dropped at once.
    (local.set $sum (call $check (call $bottom_up (i32.add (local.get $max) (i32.const 1)))))
    (local.set $long (call $bottom_up (local.get $max)))
    (local.set $depth (i32.const 4))
    (loop $depths
      (local.set $iterations
        (i32.shl (i32.const 1) (i32.add (i32.sub (local.get $max) (local.get $depth)) (i32.const 4))))
      (local.set $i (i32.const 0))
      (loop $trees
        (local.set $sum (i32.add (local.get $sum) (call $check (call $bottom_up (local.get $depth)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br_if $trees (i32.lt_u (local.get $i) (local.get $iterations))))
      (local.set $depth (i32.add (local.get $depth) (i32.const 2)))
      (br_if $depths (i32.le_u (local.get $depth) (local.get $max))))
    (i32.add (local.get $sum) (call $check (ref.as_non_null (local.get $long))))))
