import Testing
import Vudo

@Suite struct SeanceConcurrencyTests {
    /// 1,000 invocations across 8 Spirits from concurrent tasks: every result arrives once, right.
    @Test func manyTasksInvokeManySpirits() async throws {
        let seance = Seance()
        let names = (0..<8).map { "calc\($0)" }
        for name in names { try await seance.summon(name, SeanceFixtures.source("calc")) }
        let results = try await withThrowingTaskGroup(of: (Int, Int32).self) { group in
            for index in 0..<1000 {
                group.addTask {
                    let product: Int32 = try await seance.invoke(names[index % 8], "multiply", Int32(index), Int32(3))
                    return (index, product)
                }
            }
            var collected: [Int: Int32] = [:]
            for try await (index, product) in group {
                #expect(collected[index] == nil, "result \(index) arrived twice")
                collected[index] = product
            }
            return collected
        }
        #expect(results.count == 1000)
        #expect(results.allSatisfy { Int32($0.key) * 3 == $0.value })
    }

    /// Spirits calling a shared callee through imports while others call it directly.
    @Test func crossSpiritCallsRunConcurrentlyWithDirectOnes() async throws {
        let seance = Seance()
        try await seance.summon("calc", SeanceFixtures.source("calc"))
        for index in 0..<4 { try await seance.summon("square\(index)", SeanceFixtures.source("square")) }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for index in 0..<400 {
                group.addTask {
                    let value = Int32(index % 50)
                    if index % 2 == 0 {
                        let squared: Int32 = try await seance.invoke("square\(index % 4)", "square", value)
                        #expect(squared == value * value)
                    } else {
                        let product: Int32 = try await seance.invoke("calc", "multiply", value, Int32(2))
                        #expect(product == value * 2)
                    }
                }
            }
            try await group.waitForAll()
        }
    }
}
