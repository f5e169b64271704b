;; The math Spirit: reads Point { x: i64, y: i64 } genes (size 16, align 8) that the host wrote.
;; It exports no allocator, so the host must reserve its own pages; the data segment at 1024 is the
;; guest data that host allocations must never overwrite.
(module
  (memory (export "memory") 1 4)
  (data (i32.const 1024) "guest data")
  ;; distance(p1, p2) = sqrt((x2 - x1)^2 + (y2 - y1)^2)
  (func (export "distance") (param $p1 i32) (param $p2 i32) (result f64)
    (local $dx f64) (local $dy f64)
    (local.set $dx (f64.convert_i64_s
      (i64.sub (i64.load offset=0 (local.get $p2)) (i64.load offset=0 (local.get $p1)))))
    (local.set $dy (f64.convert_i64_s
      (i64.sub (i64.load offset=8 (local.get $p2)) (i64.load offset=8 (local.get $p1)))))
    (f64.sqrt (f64.add (f64.mul (local.get $dx) (local.get $dx))
                       (f64.mul (local.get $dy) (local.get $dy)))))
  ;; Writes Point { x, y } at ptr: the host reads a gene the guest wrote.
  (func (export "make_point") (param $ptr i32) (param $x i64) (param $y i64)
    (i64.store offset=0 (local.get $ptr) (local.get $x))
    (i64.store offset=8 (local.get $ptr) (local.get $y)))
  ;; Grows memory as the guest would; returns the old page count or -1.
  (func (export "grow") (param $pages i32) (result i32)
    (memory.grow (local.get $pages))))
