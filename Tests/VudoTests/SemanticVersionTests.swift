import Testing
import Vudo

@Suite struct SemanticVersionTests {
    @Test func versionsParseAndOrder() {
        #expect(SemanticVersion("1.2.3") == SemanticVersion(1, 2, 3))
        #expect(SemanticVersion("1.2") == SemanticVersion(1, 2, 0))
        #expect(SemanticVersion("4") == SemanticVersion(4, 0, 0))
        for bad in ["", "1.", "1.2.3.4", "a.b.c", "1.-2.0", "+1.0.0", "1.0.0-beta", " 1.0"] {
            #expect(SemanticVersion(bad) == nil, "\(bad)")
        }
        let sorted: [SemanticVersion] = ["1.10.0", "1.2.10", "0.9.9", "1.2.9", "2.0.0"]
        #expect(sorted.sorted().map(\.description) == ["0.9.9", "1.2.9", "1.2.10", "1.10.0", "2.0.0"])
    }

    @Test func caretKeepsTheLeftmostNonZeroPart() throws {
        try expect("^1.2", accepts: ["1.2.0", "1.2.7", "1.9.0"], refuses: ["1.1.9", "2.0.0", "0.9.0"])
        try expect("^1", accepts: ["1.0.0", "1.99.0"], refuses: ["2.0.0", "0.1.0"])
        try expect("^0.2.3", accepts: ["0.2.3", "0.2.9"], refuses: ["0.3.0", "0.2.2", "1.0.0"])
        try expect("^0.0.3", accepts: ["0.0.3"], refuses: ["0.0.4", "0.1.0"])
        try expect("^0", accepts: ["0.0.1", "0.9.0"], refuses: ["1.0.0"])
    }

    @Test func tildeKeepsMajorAndMinor() throws {
        try expect("~1.2.3", accepts: ["1.2.3", "1.2.9"], refuses: ["1.3.0", "1.2.2"])
        try expect("~1.2", accepts: ["1.2.0", "1.2.5"], refuses: ["1.3.0"])
        try expect("~1", accepts: ["1.0.0", "1.8.0"], refuses: ["2.0.0"])
    }

    @Test func exactAndAtLeast() throws {
        try expect("=1.2.3", accepts: ["1.2.3"], refuses: ["1.2.4", "1.2.2"])
        try expect("1.2.3", accepts: ["1.2.3"], refuses: ["1.2.4"])
        try expect("=1.2", accepts: ["1.2.0", "1.2.9"], refuses: ["1.3.0"])
        try expect(">=1.2", accepts: ["1.2.0", "9.0.0"], refuses: ["1.1.9"])
        try expect("*", accepts: ["0.0.0", "7.1.2"], refuses: [])
    }

    @Test func malformedRequirementsDoNotParse() {
        for bad in ["^", "~x", ">=", "^1.2.3.4", "<2.0", "^^1"] {
            #expect(VersionRequirement(bad) == nil, "\(bad)")
        }
        let padded = " ^1.2 "
        #expect(VersionRequirement(padded)?.description == "^1.2")
    }

    @Test func requirementsAtTheLargestVersionHaveNoLimit() throws {
        let top = SemanticVersion(UInt32.max, UInt32.max, UInt32.max)
        #expect(VersionRequirement.caret(top).isSatisfied(by: top))
        #expect(VersionRequirement.exact(top).isSatisfied(by: top))
    }

    private func expect(_ text: String, accepts: [SemanticVersion], refuses: [SemanticVersion]) throws {
        let requirement = try #require(VersionRequirement(text))
        for version in accepts { #expect(requirement.isSatisfied(by: version), "\(text) should accept \(version)") }
        for version in refuses { #expect(!requirement.isSatisfied(by: version), "\(text) should refuse \(version)") }
    }
}
