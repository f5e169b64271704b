import Testing
import Vudo
import VudoCodegen

/// The design's Point gene, written by hand (Generated/MathGenes.swift has the codegen version).
let pointLayout = GeneLayout(name: "Point", fields: [("x", .i64), ("y", .i64)])

@Suite struct GeneLayoutTests {
    @Test func cLayoutRulesPadEachFieldToItsAlignment() {
        let mixed = GeneLayout(name: "Mixed", fields: [("a", .i32), ("b", .i64), ("c", .i32)])
        #expect(mixed.fields.map(\.offset) == [0, 8, 16])
        #expect(mixed.size == 24)
        #expect(mixed.alignment == 8)
        let flag = GeneLayout(name: "Flag", fields: [("a", .i32), ("b", .bool), ("c", .f64)])
        #expect(flag.fields.map(\.offset) == [0, 4, 8])
        #expect(flag.size == 16)
    }

    @Test(arguments: [
        (GeneFieldType.i32, 4, 4), (.i64, 8, 8), (.f32, 4, 4), (.f64, 8, 8), (.bool, 4, 4), (.string, 4, 4),
    ])
    func everyFieldTypeIsAlignedToItsSize(_ type: GeneFieldType, size: Int, alignment: Int) {
        #expect(type.size == size)
        #expect(type.alignment == alignment)
        // After an i32, the field lands on its own alignment and the gene is padded to it.
        let layout = GeneLayout(name: "T", fields: [("lead", .i32), ("field", type)])
        #expect(layout.fields[1].offset == alignment)
        #expect(layout.size == alignment + size)
    }

    @Test func nestedGenesEmbedInlineWithTheirAlignment() {
        let line = GeneLayout(
            name: "Line", fields: [("tag", .i32), ("start", .gene(pointLayout)), ("end", .gene(pointLayout))])
        #expect(line.fields.map(\.offset) == [0, 8, 24])
        #expect(line.size == 40)
        #expect(line.alignment == 8)
        let small = GeneLayout(name: "Small", fields: [("a", .i32)])
        let outer = GeneLayout(name: "Outer", fields: [("flag", .bool), ("inner", .gene(small)), ("last", .bool)])
        #expect(outer.fields.map(\.offset) == [0, 4, 8])
        #expect(outer.size == 12)
    }

    @Test func anEmptyGeneTakesNoSpace() {
        let empty = GeneLayout(name: "Empty", fields: [])
        #expect(empty.size == 0)
        #expect(empty.alignment == 1)
    }

    @Test func theDescriptionShowsOffsets() {
        #expect(pointLayout.description == "Point { x: i64 @0, y: i64 @8 } size 16 align 8")
    }
}

@Suite struct GeneMemoryTests {
    @Test func theMathSpiritMeasuresTheDistanceBetweenTwoGenesTheHostWrote() async throws {
        let math = try await loadSpirit(path: Fixtures.path("math.wasm"))
        let p1 = try await math.memory.allocateGene(["x": .i64(0), "y": .i64(0)], as: pointLayout)
        let p2 = try await math.memory.allocateGene(["x": .i64(3), "y": .i64(4)], as: pointLayout)
        let distance: Double = try await math.call("distance", p1, p2)
        #expect(distance == 5.0)
    }

    @Test func theHostReadsAGeneTheGuestWrote() async throws {
        let math = try await Fixtures.load("math.wasm")
        let pointer = try await math.memory.alloc(pointLayout.size, alignment: pointLayout.alignment)
        try await math.call("make_point", pointer, Int64(-12), Int64(34))
        let values = try await math.memory.readGene(pointLayout, at: pointer)
        #expect(values == ["x": .i64(-12), "y": .i64(34)])
        #expect(try await math.memory.readGene(Point.self, at: pointer) == Point(x: -12, y: 34))
    }

    @Test func aGeneWrittenIsReadBackEqual() async throws {
        let math = try await Fixtures.load("math.wasm")
        let everything = GeneLayout(
            name: "Everything",
            fields: [
                ("a", .i32), ("b", .i64), ("c", .f32), ("d", .f64), ("e", .bool), ("f", .string),
                ("g", .gene(pointLayout)),
            ])
        let values: GeneValues = [
            "a": .i32(-1), "b": .i64(.min), "c": .f32(-0.5), "d": .f64(.greatestFiniteMagnitude), "e": .bool(true),
            "f": .string("Grüße 🌍"), "g": .gene(["x": .i64(1), "y": .i64(2)]),
        ]
        let pointer = try await math.memory.allocateGene(values, as: everything)
        #expect(pointer % 8 == 0)
        #expect(try await math.memory.readGene(everything, at: pointer) == values)
        // The bytes follow the layout: a @0, b @8, c @16, d @24, e @32 (an i32 1), f @36, g @40.
        #expect(everything.fields.map(\.offset) == [0, 8, 16, 24, 32, 36, 40])
        #expect(try await math.memory.load(Int64.self, at: pointer + 8) == .min)
        #expect(try await math.memory.load(UInt32.self, at: pointer + 32) == 1)
        #expect(try await math.memory.load(Int64.self, at: pointer + 48) == 2)
    }

    @Test func staticGenesRoundTrip() async throws {
        let math = try await Fixtures.load("math.wasm")
        let pointer = try await math.memory.allocateGene(Point(x: 7, y: -7))
        #expect(try await math.memory.readGene(Point.self, at: pointer) == Point(x: 7, y: -7))
        try await math.memory.writeGene(Point(x: 1, y: 1), at: pointer)
        #expect(try await math.memory.readGene(pointLayout, at: pointer) == ["x": .i64(1), "y": .i64(1)])
    }

    @Test func badValuesAreRefusedAndNothingIsWritten() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        let pointer = try await memory.allocateGene(["x": .i64(5), "y": .i64(6)], as: pointLayout)
        let before = try await memory.readBytes(at: pointer, count: 16)
        await #expect(throws: MemoryError.unknownField(gene: "Point", field: "z")) {
            try await memory.writeGene(["x": .i64(1), "y": .i64(2), "z": .i64(3)], as: pointLayout, at: pointer)
        }
        await #expect(throws: MemoryError.missingField(gene: "Point", field: "y")) {
            try await memory.writeGene(["x": .i64(1)], as: pointLayout, at: pointer)
        }
        await #expect(throws: MemoryError.typeMismatch(gene: "Point", field: "y", expected: "i64", got: "i32")) {
            try await memory.writeGene(["x": .i64(1), "y": .i32(2)], as: pointLayout, at: pointer)
        }
        let nested = GeneLayout(name: "Line", fields: [("from", .gene(pointLayout)), ("to", .gene(pointLayout))])
        await #expect(throws: MemoryError.typeMismatch(gene: "Point", field: "x", expected: "i64", got: "f64")) {
            try await memory.writeGene(
                ["from": .gene(["x": .f64(1), "y": .i64(2)]), "to": .gene(["x": .i64(1), "y": .i64(2)])],
                as: nested, at: pointer)
        }
        #expect(try await memory.readBytes(at: pointer, count: 16) == before)
    }

    @Test func aGeneRunningPastTheEndIsRefusedWhole() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        let lastFit: UInt32 = 65536 - 16
        try await memory.writeGene(["x": .i64(1), "y": .i64(2)], as: pointLayout, at: lastFit)
        #expect(try await memory.readGene(pointLayout, at: lastFit) == ["x": .i64(1), "y": .i64(2)])
        await #expect(throws: MemoryError.outOfBounds(address: 65528, count: 16, memorySize: 65536)) {
            try await memory.writeGene(["x": .i64(9), "y": .i64(9)], as: pointLayout, at: 65536 - 8)
        }
        await #expect(throws: MemoryError.outOfBounds(address: 65528, count: 16, memorySize: 65536)) {
            _ = try await memory.readGene(pointLayout, at: 65536 - 8)
        }
        // The half that would have fitted was not written.
        #expect(try await memory.load(Int64.self, at: 65536 - 8) == 2)
    }

    @Test func aMisalignedGenePointerIsRefused() async throws {
        let math = try await Fixtures.load("math.wasm")
        await #expect(throws: MemoryError.misaligned(address: 4, alignment: 8)) {
            _ = try await math.memory.readGene(pointLayout, at: 4)
        }
    }

    @Test func aStringFieldWithABadPointerIsAnError() async throws {
        let math = try await Fixtures.load("math.wasm")
        let named = GeneLayout(name: "Named", fields: [("name", .string)])
        try await math.memory.store(UInt32(70_000), at: 64)  // points past the end
        await #expect(throws: MemoryError.self) { _ = try await math.memory.readGene(named, at: 64) }
        try await math.memory.store(UInt32(0), at: 64)  // null reads as ""
        #expect(try await math.memory.readGene(named, at: 64) == ["name": .string("")])
    }
}

@Suite struct DOLParsingTests {
    @Test func genesAndTheShortFormAreRead() throws {
        let layouts = try GeneGenerator.layouts(
            fromDOL: """
                gene Point { has x: Int64  has y: Int64 }
                gen Pixel { has at: Point  has color: i32  has visible: bool }
                system Renderer { requires Pixel }
                """)
        #expect(layouts.map(\.name) == ["Point", "Pixel"])
        #expect(layouts[1].fields.map(\.offset) == [0, 16, 20])
        #expect(layouts[1].size == 24)
    }

    @Test func genesMayUseGenesDeclaredLater() throws {
        let layouts = try GeneGenerator.layouts(fromDOL: "gen A { has b: B } gen B { has v: f64 }")
        #expect(layouts[0].size == 8)
    }

    @Test(arguments: [
        ("gene A { has x: Vector }", "line 1: field A.x has unknown type Vector"),
        ("gene A { has b: B }\ngene B { has a: A }", "line 1: gene A contains itself: A -> B -> A"),
        ("gene A { has x: i32\n has x: i64 }", "line 2: gene A declares field 'x' twice"),
        ("gene A { has x: i32 }\ngene A { has y: i32 }", "line 2: gene A is declared twice"),
        ("gene A { has x: i32 ", "line 1: gene A is not closed with '}'"),
        ("gene A { has xs: List<i32> }", "line 1: field A.xs: generic types have no gene layout"),
    ])
    func mistakesAreReportedWithTheirLine(_ source: String, _ message: String) {
        #expect(throws: CodegenError.self) { _ = try GeneGenerator.layouts(fromDOL: source) }
        do {
            _ = try GeneGenerator.layouts(fromDOL: source)
        } catch {
            #expect(error.description == message)
        }
    }
}

/// The gene scenarios of @vudo/runtime's tests/memory.test.ts, on its rules (type-bridge.ts,
/// dol-abi.md section 5): bool as an i32 0/1 read back as non-zero, i64 beyond JavaScript's safe
/// integers, a string field's pointer 0 as "", and the layout of `i32, i64, i32`.
@Suite struct GeneReferenceRuntimeTests {
    static let record = GeneLayout(
        name: "Record", fields: [("id", .i32), ("big", .i64), ("on", .bool), ("label", .string)])

    @Test func theLayoutOfI32I64I32IsZeroEightSixteenSizeTwentyFour() {
        let layout = GeneLayout(name: "T", fields: [("a", .i32), ("b", .i64), ("c", .i32)])
        #expect(layout.fields.map(\.offset) == [0, 8, 16] && layout.size == 24 && layout.alignment == 8)
    }

    @Test func falseIsStoredAsZeroAndAnyNonZeroReadsTrue() async throws {
        let math = try await Fixtures.load("math.wasm")
        let pointer = try await math.memory.allocateGene(
            ["id": .i32(1), "big": .i64(0), "on": .bool(false), "label": .string("")], as: Self.record)
        let onOffset = UInt32(Self.record.fields[2].offset)
        #expect(try await math.memory.load(UInt32.self, at: pointer + onOffset) == 0)
        #expect(try await math.memory.readGene(Self.record, at: pointer)["on"] == .bool(false))
        // A guest that stores 2 for true is read as true.
        try await math.memory.store(UInt32(2), at: pointer + onOffset)
        #expect(try await math.memory.readGene(Self.record, at: pointer)["on"] == .bool(true))
    }

    @Test func i64sBeyondJavaScriptsSafeIntegersRoundTripExactly() async throws {
        let math = try await Fixtures.load("math.wasm")
        for big: Int64 in [1 << 53 + 1, .max, .min, -(1 << 53) - 1] {
            let pointer = try await math.memory.allocateGene(
                ["id": .i32(0), "big": .i64(big), "on": .bool(true), "label": .string("x")], as: Self.record)
            #expect(try await math.memory.readGene(Self.record, at: pointer)["big"] == .i64(big))
            #expect(try await math.memory.load(Int64.self, at: pointer + 8) == big)
        }
    }

    @Test func aStringFieldHoldsAPointerToALengthPrefixedString() async throws {
        let math = try await Fixtures.load("math.wasm")
        let pointer = try await math.memory.allocateGene(
            ["id": .i32(0), "big": .i64(0), "on": .bool(true), "label": .string("Grüße")], as: Self.record)
        let labelOffset = UInt32(Self.record.fields[3].offset)
        let string: UInt32 = try await math.memory.load(at: pointer + labelOffset)
        #expect(string != 0 && string % 4 == 0)
        #expect(try await math.memory.load(UInt32.self, at: string) == UInt32("Grüße".utf8.count))
        #expect(try await math.memory.readBytes(at: string + 4, count: 7) == Array("Grüße".utf8))
        // Pointer 0 reads as the empty string.
        try await math.memory.store(UInt32(0), at: pointer + labelOffset)
        #expect(try await math.memory.readGene(Self.record, at: pointer)["label"] == .string(""))
    }
}
