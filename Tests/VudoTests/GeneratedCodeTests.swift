import Testing
import Vudo

/// The checked-in output of `vudo codegen` (Generated/), used as an embedder would.
@Suite struct GeneratedCodeTests {
    @Test func theGeneratedInterfaceBindsAndCalls() async throws {
        let spirit = try await Fixtures.load("calculator.wasm")
        let calculator = try spirit.as(Calculator.self)
        #expect(try await calculator.add(40, 2) == 42)
        #expect(try await calculator.multiply(6, 7) == 42)
        let (quotient, remainder) = try await calculator.divmod(17, 5)
        #expect(quotient == 3 && remainder == 2)
        #expect(try await calculator.isEven(4) == 1)
        #expect(try await calculator.square(3) == 9)
        try await calculator.noop()
    }

    @Test func theGeneratedInterfaceRefusesAnotherSpirit() async throws {
        let spirit = try await Fixtures.load("math.wasm")
        #expect(throws: InterfaceBindingError.self) { _ = try spirit.as(Calculator.self) }
    }

    @Test func generatedGenesHaveTheDOLLayouts() {
        #expect(Point.geneLayout.fields.map(\.offset) == [0, 8])
        #expect(Point.geneLayout.size == 16)
        #expect(Segment.geneLayout.fields.map(\.offset) == [0, 16, 32])
        #expect(Segment.geneLayout.size == 40)
        #expect(Segment.geneLayout.alignment == 8)
        // id i32 @0, weight f64 @8, enabled bool @16, scale f32 @20, count i64 @24, name string @32.
        #expect(Sample.geneLayout.fields.map(\.offset) == [0, 8, 16, 20, 24, 32])
        #expect(Sample.geneLayout.size == 40)
    }

    @Test func generatedGenesRoundTripThroughMemory() async throws {
        let math = try await Fixtures.load("math.wasm")
        let segment = Segment(from: Point(x: 1, y: 2), to: Point(x: -3, y: 4), label: "diagonal ✓")
        let pointer = try await math.memory.allocateGene(segment)
        #expect(try await math.memory.readGene(Segment.self, at: pointer) == segment)
        let sample = Sample(id: -7, weight: 2.5, enabled: true, scale: 0.25, count: 1 << 40, name: "")
        let samplePointer = try await math.memory.allocateGene(sample)
        #expect(try await math.memory.readGene(Sample.self, at: samplePointer) == sample)
    }
}
