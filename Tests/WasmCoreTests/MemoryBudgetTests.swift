import Testing
import WasmCore

/// A page budget shared by memories of several stores.
@Suite struct MemoryBudgetTests {
    @Test func growthStopsAtTheSharedBudgetAcrossStores() throws {
        let budget = MemoryBudget(maxPages: 5)
        var configuration = EngineConfiguration()
        configuration.memoryBudget = budget
        // Each instance starts with 1 page and may grow to 4 on its own.
        let first = try Fixtures.instantiate("memory_grow", configuration: configuration)
        let second = try Fixtures.instantiate("memory_grow", configuration: configuration)
        #expect(budget.usedPages == 2)
        #expect(try first.i32("grow_until_failure") == 3)
        #expect(budget.usedPages == 5)
        #expect(try second.i32("grow_until_failure") == 0)
        #expect(try second.i32("grow", 1) == -1)
    }

    @Test func creationBeyondTheBudgetIsALimitError() throws {
        let budget = MemoryBudget(maxPages: 1)
        var configuration = EngineConfiguration()
        configuration.memoryBudget = budget
        let kept = try Fixtures.instantiate("memory_grow", configuration: configuration)
        let error = #expect(throws: InstantiationError.self) {
            _ = try Fixtures.instantiate("memory_grow", configuration: configuration)
        }
        #expect(error?.kind == .limit)
        #expect(error?.message.contains("budget") == true)
        withExtendedLifetime(kept) {}
    }

    @Test func freedMemoriesReturnTheirPages() throws {
        let budget = MemoryBudget(maxPages: 4)
        var configuration = EngineConfiguration()
        configuration.memoryBudget = budget
        do {
            let loaded = try Fixtures.instantiate("memory_grow", configuration: configuration)
            #expect(try loaded.i32("grow_until_failure") == 3)
            #expect(budget.usedPages == 4)
        }
        #expect(budget.usedPages == 0)
    }
}
