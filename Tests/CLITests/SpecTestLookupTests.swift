import Foundation
import Testing

/// `vudo spectest NAME` finds NAME in the suite, and says where it looked when there is none.
struct SpecTestLookupTests {
    @Test func aNameWithoutASuiteSaysWhereTheSuiteIsLookedFor() throws {
        let elsewhere = FileManager.default.temporaryDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["VUDO_SPEC_TESTSUITE"] = nil
        let result = try VudoCommand.run("spectest", "core-2.0", in: elsewhere, environment: environment)
        #expect(result.status == 2)
        #expect(result.error.contains("no such file or directory: core-2.0"))
        #expect(result.error.contains("VUDO_SPEC_TESTSUITE"))
        #expect(result.error.contains("../shared/wasm-testsuite relative to the current directory"))
    }

    @Test func theOverviewDocumentsTheLookup() throws {
        let result = try VudoCommand.run("help")
        #expect(result.output.contains("spectest [PATH|NAME...]"))
        #expect(result.output.contains("$VUDO_SPEC_TESTSUITE"))
    }
}
