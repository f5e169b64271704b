import Foundation
import Testing

/// Stores map their value stacks from large reservations of address space, and memories reserve
/// theirs; where the address space is limited (`ulimit -v`, strict overcommit, valgrind) both must
/// fall back to smaller mappings instead of stopping the process.
@Suite struct AddressSpaceLimitTests {
    @Test func runsUnderAnAddressSpaceLimit() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-ulimit-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let module = directory.appendingPathComponent("limited.wat")
        try """
        (module
          (memory 1)
          (func $sum (param $n i32) (result i32)
            (if (result i32) (i32.eqz (local.get $n))
              (then (i32.load (i32.const 8)))
              (else (i32.add (local.get $n) (call $sum (i32.sub (local.get $n) (i32.const 1)))))))
          (func (export "run") (param $n i32) (result i32)
            (i32.store (i32.const 8) (i32.const 1000))
            (call $sum (local.get $n))))
        """.write(to: module, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        // 4 GiB: far more than the process uses, far less than one stack reservation (64 GiB).
        process.arguments = [
            "-c", "ulimit -v 4194304 && exec \"$0\" invoke \"$1\" run 100", VudoCommand.executable.path, module.path,
        ]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = Pipe()
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        // 1000 + 100 + 99 + ... + 1
        #expect(printed.trimmingCharacters(in: .whitespacesAndNewlines) == "6050")
    }
}
