import Testing
import WasmSpecTest

/// The suite lives outside the repository; without it these tests are skipped, visibly.
private let suitePath = SpecTestSuite.locate()

private let suiteMissing: Comment = """
    WebAssembly spec test suite not found: set VUDO_SPEC_TESTSUITE or place it at \
    ../shared/wasm-testsuite relative to the package root
    """

/// Enough individual issues to read; the rest are summarised so a broken engine stays readable.
private let maxRecordedFailures = 50

private func runFolder(_ folder: String) -> SpecTestReport? {
    guard let suitePath else { return nil }
    return SpecTestRunner().run(path: suitePath + "/json/" + folder)
}

private func recordFailures(_ report: SpecTestReport, sourceLocation: SourceLocation = #_sourceLocation) {
    for failure in report.failures.prefix(maxRecordedFailures) {
        Issue.record(Comment(rawValue: failure.description), sourceLocation: sourceLocation)
    }
    if report.failures.count > maxRecordedFailures {
        Issue.record("... and \(report.failures.count - maxRecordedFailures) more failures; \(report.summaryLine)",
                     sourceLocation: sourceLocation)
    }
}

@Suite("Spec conformance", .serialized)
struct SpecSuiteTests {
    @Test("core-2.0 passes completely", .enabled(if: suitePath != nil, suiteMissing))
    func core() throws {
        let report = try #require(runFolder("core-2.0"))
        #expect(report.files.count == 90)
        recordFailures(report)
        #expect(report.totals.failed == 0, "\(report.summaryLine)")
    }

    @Test("simd has no failures among the commands it runs", .enabled(if: suitePath != nil, suiteMissing))
    func simd() throws {
        let report = try #require(runFolder("simd"))
        #expect(report.files.count == 56)
        recordFailures(report)
        #expect(report.totals.failed == 0, "\(report.summaryLine)")
    }
}
