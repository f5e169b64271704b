import Testing
import WasmCore

/// Small functions (Fixtures/translator.wat) that hit exactly the translator's folding paths:
/// `local.get` operands that must survive a later write to the local, `local.set` / `local.tee`
/// retargeted into the producing instruction, and the copies branches with values need.
/// Expected values are worked out by hand from the wat.
@Suite struct TranslatorRegressionTests {
    let wasm: Loaded

    init() throws {
        wasm = try Fixtures.instantiate("translator")
    }

    // MARK: local.get x, then local.set x in the same expression

    @Test(arguments: [0, 10, -7, Int32.max])
    func getThenSetInBlock(x: Int32) throws {
        #expect(try wasm.i32("get_then_set_in_block", x) == x &+ 5)
    }

    @Test(arguments: [0, 41, Int32.max])
    func getThenSetSelfAdd(x: Int32) throws {
        #expect(try wasm.i32("get_then_set_self_add", x) == -1)
    }

    @Test func getThenSetFlat() throws {
        #expect(try wasm.i32("get_then_set_flat", 10) == 15)
        #expect(try wasm.i32("get_then_set_flat", -5) == 0)
    }

    @Test func getThenTee() throws {
        #expect(try wasm.i32("get_then_tee", 10) == 75)
        #expect(try wasm.i32("get_then_tee", 0) == 25)
    }

    @Test func getGetAddTee() throws {
        #expect(try wasm.i32("get_get_add_tee", 20) == 41)
    }

    @Test func setFromSelf() throws {
        #expect(try wasm.i32("set_from_self", 21) == 42)
    }

    // MARK: tee chains

    @Test func teeChain() throws {
        #expect(try wasm.i32("tee_chain", 1) == 222)
        #expect(try wasm.i32("tee_chain", 2) == 333)
    }

    @Test func teeSameTwice() throws {
        #expect(try wasm.i32("tee_same_twice", 100) == 14)
    }

    @Test func teeThenTeeSame() throws {
        #expect(try wasm.i32("tee_then_tee_same") == 7)
    }

    @Test func teeIntoProduct() throws {
        #expect(try wasm.i32("tee_into_product", 3) == 25)
    }

    // MARK: local.set / local.tee right after a drop

    @Test func setAfterDrop() throws {
        #expect(try wasm.i32("set_after_drop") == 7)
    }

    @Test func teeAfterDrop() throws {
        #expect(try wasm.i32("tee_after_drop") == 7)
    }

    @Test func setAfterDropOfOperation() throws {
        let result = try wasm.i32("set_after_drop_of_op", 4)
        #expect(result == 5)
    }

    @Test func teeAfterDropOfOperation() throws {
        let result = try wasm.i32("tee_after_drop_of_op", 4)
        #expect(result == 10)
    }

    // MARK: br_if with values

    @Test func brIfToOuterBlock() throws {
        #expect(try wasm.i32("br_if_outer", 1) == 100)
        #expect(try wasm.i32("br_if_outer", 0) == 11)
    }

    @Test func brIfWithLocalValue() throws {
        #expect(try wasm.i32("br_if_local_value", 1, 40) == 40)
        #expect(try wasm.i32("br_if_local_value", 0, 40) == 41)
    }

    @Test func brIfValueAboveTargetHeight() throws {
        #expect(try wasm.i32("br_if_height", 1) == 1002)
        #expect(try wasm.i32("br_if_height", 0) == 1003)
    }

    @Test func brIfWithTwoValues() throws {
        #expect(try wasm.i32("br_if_multi", 1, 4) == 74)
        #expect(try wasm.i32("br_if_multi", 0, 4) == 53)
    }

    @Test func brIfToFunctionLabel() throws {
        #expect(try wasm.call("br_if_return", [.s32(1)]) == [.i32(1), .i32(2)])
        #expect(try wasm.call("br_if_return", [.s32(0)]) == [.i32(3), .i32(4)])
    }

    @Test func brIfBackToLoopWithParameter() throws {
        #expect(try wasm.i32("loop_br_if_param", 1) == 1)
        #expect(try wasm.i32("loop_br_if_param", 5) == 31)
        #expect(try wasm.i32("loop_br_if_param", 31) == Int32.max)
    }

    // MARK: br_table with values

    @Test(arguments: [(0, 1005), (1, 1105), (2, 1115), (3, 1115), (-1, 1115)] as [(Int32, Int32)])
    func brTableToDifferentHeights(index: Int32, expected: Int32) throws {
        #expect(try wasm.i32("br_table_heights", index) == expected)
    }

    @Test func brTableWithLocalValue() throws {
        #expect(try wasm.i32("br_table_local_value", 0, 6) == 1006)
        #expect(try wasm.i32("br_table_local_value", 1, 6) == 1106)
        #expect(try wasm.i32("br_table_local_value", 9, 6) == 1106)
    }

    @Test func brTableWithTwoValues() throws {
        #expect(try wasm.i32("br_table_multi", 0) == 102)
        #expect(try wasm.i32("br_table_multi", 1) == 1020)
        #expect(try wasm.i32("br_table_multi", 2) == 1020)
    }

    @Test func brTableToFunctionLabel() throws {
        #expect(try wasm.i32("br_table_return", 0) == 7)
        #expect(try wasm.i32("br_table_return", 1) == 10)
        #expect(try wasm.i32("br_table_return", 2) == 9)
        #expect(try wasm.i32("br_table_return", 100) == 9)
    }

    // MARK: loops with parameters

    @Test(arguments: [(0, 0), (1, 1), (2, 1), (10, 55), (20, 6765)] as [(Int32, Int32)])
    func loopParametersThroughLocals(n: Int32, fib: Int32) throws {
        #expect(try wasm.i32("loop_params_fib", n) == fib)
    }

    @Test func loopParametersOnTheStack() throws {
        #expect(try wasm.call("loop_params_pair", [.s32(1)]) == [.i32(1), .i32(1)])
        #expect(try wasm.call("loop_params_pair", [.s32(10)]) == [.i32(55), .i32(89)])
        #expect(try wasm.call("loop_params_pair", [.s32(24)]) == [.i32(46368), .i32(75025)])
    }

    // MARK: if/else with parameters

    @Test func ifWithParameters() throws {
        #expect(try wasm.i32("if_params", 10, 1) == 7)
        #expect(try wasm.i32("if_params", 10, 0) == 30)
    }

    @Test func ifWithParameterAndTee() throws {
        #expect(try wasm.i32("if_params_tee", 3) == 20)
        #expect(try wasm.i32("if_params_tee", -5) == -1)
        #expect(try wasm.i32("if_params_tee", 0) == -1)
    }

    @Test func ifWithoutElsePassesParameterThrough() throws {
        #expect(try wasm.i32("if_param_no_else", 5, 1) == 6)
        #expect(try wasm.i32("if_param_no_else", 5, 0) == 5)
    }

    // MARK: returns with several values

    @Test func returnFromNestedBlocks() throws {
        #expect(try wasm.call("return_nested", [.s32(4)]) == [.i32(1), .i64(2), .i32(7)])
        #expect(try wasm.call("return_nested", [.s32(0)]) == [.i32(109), .i64(77), .i32(5)])
    }

    @Test func returnParametersReversed() throws {
        #expect(try wasm.call("return_reversed", [.s32(1), .s32(2), .s32(3)]) == [.i32(3), .i32(2), .i32(1)])
    }

    @Test func branchToFunctionRotatesParameters() throws {
        #expect(try wasm.call("br_rotate", [.s32(1), .s32(2), .s32(3)]) == [.i32(2), .i32(3), .i32(1)])
    }

    // MARK: select with locals

    @Test func selectBetweenLocals() throws {
        #expect(try wasm.i32("select_locals", 3, 4, 1) == 3)
        #expect(try wasm.i32("select_locals", 3, 4, 0) == 4)
    }

    @Test func selectIntoAnOperandLocal() throws {
        #expect(try wasm.i32("select_into_operand", 3, 4, 1) == 44)
        #expect(try wasm.i32("select_into_operand", 3, 4, 0) == 33)
    }

    @Test func selectWhoseConditionIsAnOperand() throws {
        #expect(try wasm.i32("select_cond_is_operand", 0) == 10)
        #expect(try wasm.i32("select_cond_is_operand", 8) == 16)
    }

    @Test func typedSelectOnI64Locals() throws {
        #expect(try wasm.call("select_typed_i64", [.s64(10), .s64(3), .s32(1)]) == [.i64(0)])
        #expect(try wasm.call("select_typed_i64", [.s64(10), .s64(3), .s32(0)]) == [.s64(-7)])
    }

    // MARK: branches fused with a wide immediate

    @Test func i64ComparisonWithAWideNegativeImmediate() throws {
        let branch = "i64_lt_s_wide_immediate_branch"
        #expect(try wasm.call(branch, [.s64(5)]) == [.i32(0)])
        #expect(try wasm.call(branch, [.s64(-2_158_253)]) == [.i32(0)])
        #expect(try wasm.call(branch, [.s64(-2_158_254)]) == [.i32(1)])
        #expect(try wasm.call(branch, [.s64(4_292_809_043)]) == [.i32(0)])
    }

    @Test func i32UnsignedComparisonWithAWideImmediate() throws {
        let branch = "i32_lt_u_wide_immediate_branch"
        #expect(try wasm.i32(branch, 5) == 1)
        #expect(try wasm.i32(branch, Int32(bitPattern: 0x8000_0001)) == 0)
        #expect(try wasm.i32(branch, -1) == 0)
    }
}
