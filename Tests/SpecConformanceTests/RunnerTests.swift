import Testing
@_spi(Testing) import WasmCore
import WasmSpecTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A throwaway script folder `<tmp>/fixture/fixture.json` with its module files, removed when the
/// test lets go of it.
private final class Fixture {
    let directory: String
    private let folders: [String]
    private var files: [String] = []

    /// A script and its files in a fresh directory, under `folders` (the runner reads a script's
    /// features from the folder it sits in).
    init(script: String, files: [String: [UInt8]] = [:], folders: [String] = ["fixture"]) throws {
        var template = Array("/tmp/vudo-spectest-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let path = mkdtemp(base) else { return nil }
            return String(cString: path)
        }
        let root = try #require(created)
        var directory = root
        for folder in folders {
            directory += "/" + folder
            try #require(mkdir(directory, 0o755) == 0)
        }
        self.directory = directory
        // Innermost first, the order they are removed in.
        self.folders = folders.indices.reversed().map { root + "/" + folders[...$0].joined(separator: "/") } + [root]
        try write(Array(script.utf8), to: "fixture.json")
        for (name, bytes) in files { try write(bytes, to: name) }
    }

    deinit {
        for name in files { unlink(directory + "/" + name) }
        for folder in folders { rmdir(folder) }
    }

    var scriptPath: String { directory + "/fixture.json" }

    private func write(_ bytes: [UInt8], to name: String) throws {
        let file = try #require(fopen(directory + "/" + name, "wb"))
        files.append(name)
        defer { fclose(file) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        try #require(written == bytes.count)
    }
}

@Suite("Runner")
struct RunnerTests {
    @Test func commandsThatNeedNoExecution() throws {
        let fixture = try Fixture(
            script: #"""
                {"source_filename": "fixture.wast", "commands": [
                  {"type": "assert_malformed", "line": 1, "filename": "fixture.0.wasm", "text": "magic header not detected", "module_type": "binary"},
                  {"type": "assert_malformed", "line": 2, "filename": "fixture.1.wat", "text": "unknown operator", "module_type": "text"},
                  {"type": "assert_invalid", "line": 3, "filename": "fixture.2.wasm", "text": "type mismatch", "module_type": "binary"},
                  {"type": "module", "line": 4, "filename": "missing.wasm"},
                  {"type": "assert_return", "line": 5, "action": {"type": "invoke", "field": "f", "args": []}, "expected": []},
                  {"type": "something_new", "line": 6}
                ]}
                """#,
            files: [
                "fixture.0.wasm": [0x00, 0x61, 0x73, 0x6E, 0x01, 0x00, 0x00, 0x00],
                // wast2json writes the quoted text of `(module quote "(func (nop1))")`.
                "fixture.1.wat": Array("(func (nop1))".utf8),
                // A valid module: assert_invalid must fail for it.
                "fixture.2.wasm": [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00],
            ])
        let report = SpecTestRunner().run(path: fixture.directory)
        #expect(report.files.count == 1)
        #expect(report.files.first?.name.hasSuffix("/fixture") == true)
        // The text is read: `nop1` is the reference interpreter's "unknown operator".
        #expect(report.countsByKind[.assertMalformed]?.passed == 2)
        #expect(report.skipReasons.isEmpty)
        #expect(report.countsByKind[.assertInvalid]?.failed == 1)
        #expect(report.countsByKind[.module]?.failed == 1)
        #expect(report.countsByKind[.assertReturn]?.failed == 1)
        #expect(report.countsByKind[.unknown]?.failed == 1)
        #expect(report.summaryLine == "2 passed, 4 failed, 0 skipped")
        #expect(report.failures.map(\.line) == [3, 4, 5, 6])
    }

    @Test func unreadableScriptFailsWithoutCrashing() throws {
        let fixture = try Fixture(script: #"{"commands": [ {"type": "module", "#)
        let report = SpecTestRunner().run(path: fixture.scriptPath)
        #expect(report.totals.failed == 1)
        #expect(report.files.first?.scriptError != nil)
    }

    @Test func malformedCommandsFailIndividually() throws {
        let fixture = try Fixture(
            script: #"""
                {"commands": [
                  {"type": "assert_return", "line": 1, "action": {"type": "invoke"}, "expected": []},
                  {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": [{"type": "i32", "value": "x"}]}, "expected": []},
                  {"type": "register", "line": 3},
                  17
                ]}
                """#)
        let report = SpecTestRunner().run(path: fixture.scriptPath)
        #expect(report.summaryLine == "0 passed, 4 failed, 0 skipped")
    }

    @Test func missingPathIsAFailure() {
        let report = SpecTestRunner().run(path: "/nonexistent/vudo/spec/path")
        #expect(report.totals.failed == 1)
    }

    @Test func usageErrors() {
        #expect(spectestMain(arguments: ["--no-such-option"]) == 2)
        #expect(spectestMain(arguments: ["/nonexistent/vudo/spec/path"]) == 2)
    }
}

/// Skips come from a closed list decided before a command runs; what happens while it runs is a
/// pass or a failure.
@Suite("Runner accounting")
struct RunnerAccountingTests {
    /// `(func (export "f") (result i32) (i32.const 42))`
    private static let answerModule: [UInt8] = [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,  // type () -> i32
        0x03, 0x02, 0x01, 0x00,  // one function
        0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,  // export "f"
        0x0A, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2A, 0x0B,  // i32.const 42
    ]

    private static let script = #"""
        {"commands": [
          {"type": "module", "line": 1, "filename": "answer.wasm"},
          {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": []}, "expected": [{"type": "i32", "value": "42"}]}
        ]}
        """#

    @Test func aFailedTranslationIsAFailureNotASkip() throws {
        let fixture = try Fixture(script: Self.script, files: ["answer.wasm": Self.answerModule])
        #expect(SpecTestRunner().run(path: fixture.scriptPath).summaryLine == "2 passed, 0 failed, 0 skipped")

        // Functions are translated when the module is instantiated: the module fails to load, and
        // the command on it fails too.
        var configuration = EngineConfiguration()
        configuration.failingTranslationForTesting = 0
        let report = SpecTestRunner(configuration: configuration).run(path: fixture.scriptPath)
        #expect(report.summaryLine == "0 passed, 2 failed, 0 skipped")
        #expect(report.failures.first?.got?.contains("translation of function 0 failed") == true)
    }

    /// A module using a feature the engine cannot run is skipped when it loads, by name, and so is
    /// every command on it (threads: a shared memory); a module of a feature it runs is run (SIMD,
    /// which was skipped as "SIMD execution" while it only validated).
    @Test func modulesBeyondTheEngineAreSkippedByFeature() throws {
        // (func (export "f") (result v128) (v128.const i64x2 0 0))
        let simd: [UInt8] =
            [
                0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
                0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7B,
                0x03, 0x02, 0x01, 0x00,
                0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00,
                0x0A, 0x16, 0x01, 0x14, 0x00, 0xFD, 0x0C,
            ] + [UInt8](repeating: 0, count: 16) + [0x0B]
        // (memory 1 1 shared)
        let threads: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
            0x05, 0x04, 0x01, 0x03, 0x01, 0x01,
        ]
        let fixture = try Fixture(
            script: #"""
                {"commands": [
                  {"type": "module", "line": 1, "filename": "simd.wasm"},
                  {"type": "assert_return", "line": 2, "action": {"type": "invoke", "field": "f", "args": []}, "expected": [{"type": "v128", "lane_type": "i64", "value": ["0", "0"]}]},
                  {"type": "module", "line": 3, "filename": "threads.wasm"}
                ]}
                """#, files: ["simd.wasm": simd, "threads.wasm": threads],
            folders: ["proposals", "threads"])
        let report = SpecTestRunner().run(path: fixture.scriptPath)
        #expect(report.summaryLine == "2 passed, 0 failed, 1 skipped")
        #expect(report.skipReasons == ["threads": 1])
    }
}
