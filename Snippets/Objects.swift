import Vudo
import WasmCore

// A Spirit written with WebAssembly GC: its structs and arrays live in the Spirit's heap.
let shapes = try await loadSpirit(
    wat: """
        (module
          (type $name (array i8))
          (type $point (struct (field $x f64) (field $y f64) (field $label (ref $name))))
          (func (export "point") (param f64 f64) (result (ref $point))
            (struct.new $point (local.get 0) (local.get 1)
              (array.new_fixed $name 2 (i32.const 80) (i32.const 49))))
          (func (export "norm2") (param (ref $point)) (result f64)
            (f64.add
              (f64.mul (struct.get $point $x (local.get 0)) (struct.get $point $x (local.get 0)))
              (f64.mul (struct.get $point $y (local.get 0)) (struct.get $point $y (local.get 0))))))
        """)

// A reference the host holds keeps its object alive; the Spirit reads it for the host.
let made = try await shapes.call("point", [.double(3), .double(4)])
guard case .anyref(.object(let point))? = made.first else { fatalError("expected a struct") }
let fields = await shapes.fields(of: point) ?? []
print(fields[0], fields[1])
if case .anyref(.object(let label)) = fields[2] {
    print(await shapes.elements(of: label) ?? [])
}

// It goes back in as an argument; collecting keeps it and what it reaches.
print(try await shapes.call("norm2", [.anyref(.object(point))]))
await shapes.collectGarbage()
print(await shapes.heapStatistics.objects)
