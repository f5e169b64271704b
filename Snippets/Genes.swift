import Vudo

let math = try await loadSpirit(path: "Fixtures/spirits/math.wasm")

// Dynamically, with a layout and a dictionary:
let pointLayout = GeneLayout(name: "Point", fields: [("x", .i64), ("y", .i64)])
let p1 = try await math.memory.allocateGene(["x": .i64(0), "y": .i64(0)], as: pointLayout)
let p2 = try await math.memory.allocateGene(["x": .i64(3), "y": .i64(4)], as: pointLayout)
let distance: Double = try await math.call("distance", p1, p2)
print("distance:", distance)

// Statically, with a type conforming to Gene (`vudo codegen math.dol` writes this one):
struct Point: Gene, Hashable {
    var x: Int64
    var y: Int64

    static let geneLayout = GeneLayout(name: "Point", fields: [("x", .i64), ("y", .i64)])

    init(x: Int64, y: Int64) {
        self.x = x
        self.y = y
    }

    init(geneValues: GeneValues) throws(MemoryError) {
        self.x = try geneValues.field("x", of: Self.geneLayout)
        self.y = try geneValues.field("y", of: Self.geneLayout)
    }

    var geneValues: GeneValues { ["x": x.geneValue, "y": y.geneValue] }
}

let pointer = try await math.memory.allocateGene(Point(x: 7, y: -7))
let point = try await math.memory.readGene(Point.self, at: pointer)
print(point)
