import Testing
import WasmSpecTest

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `.wast` scripts run directly: text modules through WasmText, the same commands as wast2json's.
@Suite("Runner on .wast scripts")
struct WastRunnerTests {
    private func run(_ script: String) throws -> SpecTestReport {
        var template = Array("/tmp/vudo-wast-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let base = buffer.baseAddress, let path = mkdtemp(base) else { return nil }
            return String(cString: path)
        }
        let directory = try #require(created)
        let path = directory + "/script.wast"
        defer {
            unlink(path)
            rmdir(directory)
        }
        let file = try #require(fopen(path, "wb"))
        let bytes = Array(script.utf8)
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        try #require(written == bytes.count)
        return SpecTestRunner().run(path: path)
    }

    @Test func modulesActionsAndAssertions() throws {
        let report = try run(
            #"""
            (module $M
              (global (export "g") i32 (i32.const 7))
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "div") (param f32 f32) (result f32) (f32.div (local.get 0) (local.get 1)))
              (func (export "id") (param externref) (result externref) (local.get 0))
              (func (export "trap") unreachable))
            (assert_return (invoke "add" (i32.const 1) (i32.const -2)) (i32.const -1))
            (assert_return (get $M "g") (i32.const 7))
            (assert_return (invoke "div" (f32.const 0) (f32.const 0)) (f32.const nan:canonical))
            (assert_return (invoke "id" (ref.extern 3)) (ref.extern 3))
            (assert_return (invoke "id" (ref.null extern)) (ref.null))
            (assert_return (invoke "id" (ref.extern 3)) (ref.extern))
            (assert_trap (invoke "trap") "unreachable")
            (register "m" $M)
            (module (import "m" "add" (func (param i32 i32) (result i32))))
            (assert_unlinkable (module (import "m" "nope" (func))) "unknown import")
            (assert_invalid (module (func (result i32))) "type mismatch")
            (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
            (assert_malformed (module binary "\00asm") "unexpected end")
            (assert_return (invoke $M "add" (i32.const 2) (i32.const 2)) (either (i32.const 3) (i32.const 4)))
            """#)
        for failure in report.failures { Issue.record(Comment(rawValue: failure.description)) }
        #expect(report.summaryLine == "15 passed, 0 failed, 0 skipped")
        #expect(report.files.first?.name.hasSuffix("/script") == true)
    }

    @Test func definitionsAndInstances() throws {
        let report = try run(
            #"""
            (module definition $D (global (export "g") (mut i32) (i32.const 0))
              (func (export "inc") (global.set 0 (i32.add (global.get 0) (i32.const 1)))))
            (module instance $A $D)
            (module instance $B $D)
            (invoke $A "inc")
            (assert_return (get $A "g") (i32.const 1))
            (assert_return (get $B "g") (i32.const 0))
            """#)
        for failure in report.failures { Issue.record(Comment(rawValue: failure.description)) }
        #expect(report.summaryLine == "6 passed, 0 failed, 0 skipped")
    }

    /// Malformed text outside `assert_malformed` fails the module's command, and the script goes on.
    @Test func malformedTextFailsItsModule() throws {
        let report = try run(
            #"""
            (module (func (export "f") i32.frobnicate))
            (module (func (export "f") (result i32) (i32.const 1)))
            (assert_return (invoke "f") (i32.const 1))
            (thread $T (invoke "f"))
            (wait $T)
            """#)
        #expect(report.summaryLine == "2 passed, 1 failed, 2 skipped")
        #expect(report.failures.first?.got?.contains("unknown operator i32.frobnicate") == true)
        #expect(report.skipReasons == ["thread command": 1, "wait command": 1])
    }
}
