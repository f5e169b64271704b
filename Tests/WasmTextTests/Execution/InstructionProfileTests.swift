import Testing
@_spi(Tools) import WasmCore
import WasmText

/// The instruction profile counts what the driver loop dispatches, which only unoptimized builds
/// have (optimized handlers jump to each other). The expected counts follow from the loop's
/// internal code, which the test checks first: one fused step-and-branch per iteration, then the
/// return.
@Suite(.serialized) struct InstructionProfileTests {
    static let loop = """
        (module
          (func (export "count") (param $n i32) (result i32)
            (local $i i32)
            (loop $again
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $again (i32.ne (local.get $i) (local.get $n))))
            (local.get $i)))
        """

    @Test(.enabled(if: _isDebugAssertConfiguration(), "optimized builds do not count"))
    func countsEachInstructionAndEachPairRun() throws {
        let module = try Running(Self.loop)
        let code = try module.store.internalCode(of: #require(module.instance.exportedFunction("count")))
        let operations = code.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[1] }
        #expect(operations == ["i32AddImmBrIfNe", "retFrom"], "\(code)")

        InstructionProfile.start()
        let result = try module.call("count", [.i32(10)])
        InstructionProfile.stop()
        #expect(result == [.i32(10)])
        let report = InstructionProfile.report(top: 5)
        #expect(report.hasPrefix("instructions run: 11\n"), "\(report)")
        #expect(report.contains("10  909‰  i32.add_imm_br_if_ne\n"), "\(report)")
        #expect(report.contains("9  818‰  i32.add_imm_br_if_ne → i32.add_imm_br_if_ne\n"), "\(report)")
        #expect(report.contains("1   90‰  i32.add_imm_br_if_ne → return_from\n"), "\(report)")
    }

    @Test func nothingIsCountedUnlessStarted() throws {
        InstructionProfile.start()
        InstructionProfile.stop()
        _ = try Running(Self.loop).call("count", [.i32(3)])
        #expect(InstructionProfile.report().hasPrefix("no instructions counted"))
    }
}
