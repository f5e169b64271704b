import Testing
import WasmCore

/// The disassembler's text for fixtures (names from the name section, types, indentation).
@Suite struct DisassemblerTests {
    @Test func namedFunctionsFromTheTrapsFixture() throws {
        let disassembler = Disassembler(module: try Fixtures.module("traps"))
        #expect(
            try disassembler.disassemble(definedFunction: 3) == """
                (func 3 $divide (i32, i32) -> (i32)
                  local.get 0
                  local.get 1
                  i32.div_s
                )
                """)
        #expect(
            try disassembler.disassemble(definedFunction: 5) == """
                (func 5 $call_slot (i32) -> (i32)
                  local.get 0
                  call_indirect 0 (type 0)
                )
                """)
        #expect(try disassembler.disassemble(definedFunction: 4).contains("i32.load offset=0 align=4"))
    }

    @Test func nestingIsIndented() throws {
        let module = try Fixtures.module("long_loop")
        let text = try Disassembler(module: module).disassemble(definedFunction: 0)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "(func 0 (i32) -> (i64)")
        #expect(lines.contains("  (local 1 x i32)"))
        #expect(lines.contains("  block"))
        #expect(lines.contains("    loop"))
        #expect(lines.contains("      br_if 1"))
        #expect(lines.contains("      i64.extend_i32_u"))
        #expect(lines.contains("      br 0"))
        #expect(lines.last == ")")
    }

    @Test func immediatesAreShown() throws {
        let text = try Disassembler(module: try Fixtures.module("translator")).disassembleAll()
        #expect(text.contains("br_table 2 1 0"))
        #expect(text.contains("select (result i64)"))
        #expect(text.contains("i64.const 77"))
        #expect(text.contains("if (type "))
    }

    @Test(arguments: HostileInputTests.fixtures + ["memory_unbounded"])
    func everyFixtureDisassembles(name: String) throws {
        let module = try Fixtures.module(name)
        let text = try Disassembler(module: module).disassembleAll()
        #expect(text.components(separatedBy: "\n(func ").count == module.codes.count)
    }

    @Test func unknownFunctionIndexThrows() throws {
        let disassembler = Disassembler(module: try Fixtures.module("traps"))
        #expect(throws: (any Error).self) { try disassembler.disassemble(definedFunction: 99) }
        #expect(throws: (any Error).self) { try disassembler.disassemble(definedFunction: -1) }
    }

    @Test func singleInstructionText() {
        #expect(Disassembler.text(of: Instruction(.i32Const, .i32(-5))) == "i32.const -5")
        #expect(Disassembler.text(of: Instruction(.block, .blockType(.value(.f64)))) == "block (result f64)")
        #expect(Disassembler.text(of: Instruction(.refNull, .heapType(.extern))) == "ref.null extern")
        #expect(
            Disassembler.text(of: Instruction(.brTable, .branchTable(targets: [3, 1], defaultTarget: 0)))
                == "br_table 3 1 0")
    }
}
