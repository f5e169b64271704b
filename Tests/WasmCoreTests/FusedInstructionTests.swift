import Testing
@_spi(Tools) import WasmCore

/// The superinstructions of Fixtures/fused.wat: each function must translate to its fused
/// instruction (so these tests fail if a fusion silently stops happening) and must compute what
/// the unfused wasm computes, including the 32-bit wrap of an address sum and bounds traps.
@Suite struct FusedInstructionTests {
    let wasm: Loaded

    init() throws {
        wasm = try Fixtures.instantiate("fused")
    }

    private func internalCode(_ name: String) throws -> String {
        try wasm.store.internalCode(of: wasm.function(name))
    }

    @Test(arguments: [
        ("i32_load_add", "i32LoadAddImm"), ("i64_load_add", "i64LoadAddImm"),
        ("f32_load_add", "f32LoadAddImm"), ("f64_load_add", "f64LoadAddImm"),
        ("i32_load8_s_add", "i32Load8SAddImm"), ("i32_load8_u_add", "i32Load8UAddImm"),
        ("i32_load16_s_add", "i32Load16SAddImm"), ("i32_load16_u_add", "i32Load16UAddImm"),
        ("i32_store_add", "i32StoreAddImm"), ("i64_store_add", "i64StoreAddImm"),
        ("f32_store_add", "f32StoreAddImm"), ("f64_store_add", "f64StoreAddImm"),
        ("i32_store8_add", "i32Store8AddImm"), ("i32_store16_add", "i32Store16AddImm"),
        ("rotate", "copy2"), ("copy_chain", "copy2"), ("return_call_result", "retFrom"),
        ("mul_add", "f64MulAdd"), ("add_mul", "f64AddMul"), ("mul_sub", "f64MulSub"), ("sub_mul", "f64SubMul"),
        ("store_computed_value", "i32StoreAddImm"), ("i32_load_sub", "i32LoadAddImm"), ("bool_test", "brIfI32LtU"),
        ("count_ne", "i32AddImmBrIfNe"), ("count_ne_imm", "i32AddImmBrIfNeImm"), ("count_lt_u", "i32AddImmBrIfLtU"),
        ("count_lt_u_imm", "i32AddImmBrIfLtUImm"), ("count_nez", "i32AddImmBrIfNez"),
        ("mul_mul", "f64MulMul"), ("mul_mul_right", "f64MulMulRight"),
        ("load_add", "f64LoadAdd"), ("add_load", "f64AddLoad"), ("load_sub", "f64LoadSub"),
        ("sub_load", "f64SubLoad"), ("load_mul", "f64LoadMul"), ("mul_load", "f64MulLoad"),
        ("sum_load_add", "f64SumLoadAdd"), ("add_sum_load", "f64AddSumLoad"), ("sum_load_sub", "f64SumLoadSub"),
        ("sub_sum_load", "f64SubSumLoad"), ("sum_load_mul", "f64SumLoadMul"), ("mul_sum_load", "f64MulSumLoad"),
        ("step_ne", "i32AddBrIfNe"), ("step_lt_u", "i32AddBrIfLtU"), ("step_le_u", "i32AddBrIfLeU"),
        ("bit_field", "i32ShrUImmAndImm"), ("bit_field_wide_shift", "i32ShrUImmAndImm"),
        ("add_add", "f64AddAdd"), ("add_add_right", "f64AddAddRight"), ("sub_add", "f64SubAdd"),
        ("add_sub", "f64AddSub"), ("add_to_memory", "f64AddToMemory"),
        ("shl_add", "i32ShlImmAdd"), ("add_shl", "i32ShlImmAdd"),
        ("i32_add_add", "i32AddAdd"), ("i32_mul_add", "i32MulAdd"), ("i32_xor_add", "i32XorAdd"),
        ("i32_rotl_xor", "i32RotlXor"), ("sum_within", "brIfF64SumNotLe"), ("escape_steps", "brIfF64SumGt"),
        ("sum_below", "brIfF64SumLt"), ("scan_below_u", "i32LoadBrIfLtU"), ("scan_above_s", "i32LoadBrIfLtS"),
        ("find", "i32LoadBrIfEq"), ("word_at_most", "i32LoadBrIfGtU"), ("list_sum", "i32LoadBrIfNez"),
        ("first_zero_word", "i32LoadBrIfEqz"), ("bits_set", "i32AndImmBrIfEqz"), ("trailing_zeros", "i32AndImmBrIfNez"),
        ("trailing_ones", "i32AndImmBrIfNez"), ("step_both", "i32AddImmCopy"), ("step_up_both", "i32AddImmCopy"),
        ("step_down_most", "i32AddImmCopy"), ("pick", "copyBr"), ("last_step", "copyBrIf"),
        ("copy_then_test", "copyBrIf"), ("count_down_gt_u", "i32AddImmBrIfGtUImm"),
        ("count_down_gt_s", "i32AddImmBrIfGtSImm"), ("list_reverse", "copyI32Load"),
        ("tee_then_load", "copyI32Load"), ("copy_then_eq", "copyBrIfI32EqImm"),
        ("copy_then_ne_loop", "copyBrIfI32NeImm"), ("frames", "globalAddImm"), ("frames", "i32AddImmGlobalSet"),
        ("step_counter", "globalAddImm"), ("counter_into_other", "globalGetAddImm"),
        ("depth", "i32AddImmCallDefined"), ("call_successor", "i32AddImmCallDefined"),
        ("sigma1", "i32Rotl3Xor"), ("rotations_mod_32", "i32Rotl2Xor"), ("rotations_of_two", "i32RotlXor"),
        ("rotation_by_local", "i32RotlXor"), ("zero_bytes", "i32Load8UBrIfNez"), ("first_set_byte", "i32Load8UBrIfEqz"),
        ("index_and_pointer", "i32AddImm2"), ("step_twice", "i32AddImm2"),
        ("loaded_plus", "i32LoadThenAddImm"), ("loaded_minus", "i32LoadThenAddImm"),
        ("accumulate_fields", "f64AddToMemoryAtSum"),
    ])
    func translatesToTheFusedInstruction(function: String, instruction: String) throws {
        #expect(try internalCode(function).contains(" \(instruction) "))
    }

    @Test func returnedSumIsWrittenStraightToSlotZero() throws {
        let code = try internalCode("return_sum")
        #expect(!code.contains("copy") && !code.contains("retFrom"), "\(code)")
        #expect(try wasm.i32("return_sum", 10, 3) == 7)
    }

    // MARK: Loads from x + K

    /// (function, value at address 4, access size in bytes)
    static let loads: [(String, Value, Int)] = [
        ("i32_load_add", .i32(0x8786_8584), 4),
        ("i64_load_add", .i64(0x8B8A_8988_8786_8584), 8),
        ("f32_load_add", .f32(0x8786_8584), 4),
        ("f64_load_add", .f64(0x8B8A_8988_8786_8584), 8),
        ("i32_load8_s_add", .i32(UInt32(bitPattern: -124)), 1),
        ("i32_load8_u_add", .i32(0x84), 1),
        ("i32_load16_s_add", .i32(UInt32(bitPattern: Int32(Int16(bitPattern: 0x8584)))), 2),
        ("i32_load16_u_add", .i32(0x8584), 2),
    ]

    @Test(arguments: loads)
    func loadReadsAtTheSum(function: String, expected: Value, size: Int) throws {
        #expect(try wasm.call(function, [.i32(0)]) == [expected])
    }

    @Test(arguments: loads)
    func loadAddressWrapsLikeI32Add(function: String, expected: Value, size: Int) throws {
        // 0xFFFF_FFFC + 4 wraps to 0, where the data starts (0x80 0x81 ...).
        let atZero = try wasm.call(function, [.i32(0xFFFF_FFFC)])
        let expectedAtZero: [Value] =
            switch function {
            case "i32_load_add": [.i32(0x8382_8180)]
            case "i64_load_add": [.i64(0x8786_8584_8382_8180)]
            case "f32_load_add": [.f32(0x8382_8180)]
            case "f64_load_add": [.f64(0x8786_8584_8382_8180)]
            case "i32_load8_s_add": [.i32(UInt32(bitPattern: -128))]
            case "i32_load8_u_add": [.i32(0x80)]
            case "i32_load16_s_add": [.i32(UInt32(bitPattern: Int32(Int16(bitPattern: 0x8180))))]
            default: [.i32(0x8180)]
            }
        #expect(atZero == expectedAtZero)
    }

    @Test(arguments: loads)
    func loadChecksBoundsAtTheSum(function: String, expected: Value, size: Int) throws {
        let lastValid = UInt32(65536 - size - 4)
        #expect(try wasm.call(function, [.i32(lastValid)]).count == 1)
        #expect(try wasm.trap(function, [.i32(lastValid + 1)]).reason == .memoryOutOfBounds)
    }

    // MARK: Stores to x + K

    /// (function, stored value, the i64 `peek` then reads at the address, access size in bytes)
    static let stores: [(String, Value, UInt64, Int)] = [
        ("i32_store_add", .i32(0x1234_5678), 0x1234_5678, 4),
        ("i64_store_add", .i64(0x0102_0304_0506_0708), 0x0102_0304_0506_0708, 8),
        ("f32_store_add", .f32(0x3F80_0000), 0x3F80_0000, 4),
        ("f64_store_add", .f64(0x4000_0000_0000_0000), 0x4000_0000_0000_0000, 8),
        ("i32_store8_add", .i32(0x1234_56AB), 0xAB, 1),
        ("i32_store16_add", .i32(0x1234_ABCD), 0xABCD, 2),
    ]

    @Test(arguments: stores)
    func storeWritesAtTheSum(function: String, value: Value, stored: UInt64, size: Int) throws {
        _ = try wasm.call("clear", [.i32(40)])
        _ = try wasm.call(function, [.i32(8), value])
        #expect(try wasm.call("peek", [.i32(40)]) == [.i64(stored)])
    }

    @Test(arguments: stores)
    func storeAddressWrapsLikeI32Add(function: String, value: Value, stored: UInt64, size: Int) throws {
        // 0xFFFF_FFF0 + 32 wraps to 16.
        _ = try wasm.call("clear", [.i32(16)])
        _ = try wasm.call(function, [.i32(0xFFFF_FFF0), value])
        #expect(try wasm.call("peek", [.i32(16)]) == [.i64(stored)])
    }

    @Test(arguments: stores)
    func storeChecksBoundsAtTheSum(function: String, value: Value, stored: UInt64, size: Int) throws {
        let lastValid = UInt32(65536 - size - 32)
        #expect(try wasm.call(function, [.i32(lastValid), value]).isEmpty)
        #expect(try wasm.trap(function, [.i32(lastValid + 1), value]).reason == .memoryOutOfBounds)
    }

    // MARK: Copies, returns

    @Test(arguments: [(0, 123), (1, 231), (2, 312), (3, 123), (7, 231)] as [(Int32, Int32)])
    func rotatingLocals(times: Int32, expected: Int32) throws {
        #expect(try wasm.i32("rotate", times) == expected)
    }

    @Test func pairedCopiesRunInOrder() throws {
        // b <- a, then c <- b: both become a.
        #expect(try wasm.i32("copy_chain", 4, 5, 6) == 44)
    }

    @Test func returnsACallsResult() throws {
        #expect(try wasm.i32("return_call_result", 20) == 42)
    }

    // MARK: f64 multiply fused into add / subtract

    /// x * y rounds to 1.0 exactly, so (x * y) - 1 is 0; a fused multiply-add would keep -2^-60.
    static let x = 1 + 0x1p-30, y = 1 - 0x1p-30

    @Test func multiplyAddRoundsTheProductFirst() throws {
        #expect(try wasm.call("mul_add", [.double(Self.x), .double(Self.y), .double(-1)]) == [.double(0)])
        #expect(try wasm.call("add_mul", [.double(Self.x), .double(Self.y), .double(-1)]) == [.double(0)])
        #expect(try wasm.call("mul_sub", [.double(Self.x), .double(Self.y), .double(1)]) == [.double(0)])
        #expect(try wasm.call("sub_mul", [.double(Self.x), .double(Self.y), .double(1)]) == [.double(0)])
    }

    @Test func multiplyAddKeepsOperandOrder() throws {
        #expect(try wasm.call("mul_add", [.double(3), .double(4), .double(0.5)]) == [.double(12.5)])
        #expect(try wasm.call("add_mul", [.double(3), .double(4), .double(0.5)]) == [.double(12.5)])
        #expect(try wasm.call("mul_sub", [.double(3), .double(4), .double(0.5)]) == [.double(11.5)])
        #expect(try wasm.call("sub_mul", [.double(3), .double(4), .double(0.5)]) == [.double(-11.5)])
        // -0: (-1 * 0) + -0 is -0, and -0 - (1 * 0) is -0; reordered or fused code could give +0.
        #expect(try wasm.call("mul_add", [.double(-1), .double(0), .double(-0.0)]) == [.double(-0.0)])
        #expect(try wasm.call("sub_mul", [.double(1), .double(0), .double(-0.0)]) == [.double(-0.0)])
    }

    // MARK: Address sums further back, differences, bool tests

    @Test func storeOfAValueComputedAfterTheAddress() throws {
        _ = try wasm.call("store_computed_value", [.i32(8), .i32(7)])
        #expect(try wasm.call("peek", [.i32(40)]) == [.i64(50)])
        #expect(try wasm.trap("store_computed_value", [.i32(65536 - 35), .i32(1)]).reason == .memoryOutOfBounds)
    }

    @Test func storeWhoseValueRewritesTheBaseUsesTheOldBase() throws {
        let code = try internalCode("store_value_rewrites_base")
        #expect(!code.contains("StoreAddImm"), "\(code)")
        #expect(try wasm.i32("store_value_rewrites_base", 8) == 64)
        #expect(try wasm.call("peek", [.i32(40)]) == [.i64(65)])
        #expect(try wasm.call("peek", [.i32(96)]) == [.i64(0)])
    }

    @Test func loadFromADifference() throws {
        #expect(try wasm.call("i32_load_sub", [.i32(8)]) == [.i32(0x8786_8584)])
        // 0 - 4 wraps to 0xFFFF_FFFC: out of bounds, as with the separate i32.sub.
        #expect(try wasm.trap("i32_load_sub", [.i32(0)]).reason == .memoryOutOfBounds)
    }

    @Test func boolTestBranchesOnTheComparison() throws {
        #expect(try internalCode("bool_test").contains("i32AndImm") == false)
        #expect(try wasm.i32("bool_test", 1, 2) == 20)
        #expect(try wasm.i32("bool_test", 2, 1) == 10)
        #expect(try wasm.i32("bool_test", 2, 2) == 10)
    }

    /// The results are wasmtime's for the same module (and a Python transcription's, which
    /// rounds the same): the sum is rounded before it is compared, and a NaN sum compares false.
    @Test func aComparedSumBranchesAsTheTwoInstructions() throws {
        #expect(try wasm.call("sum_within", [.double(1), .double(2), .double(3)]) == [.i32(1)])
        #expect(try wasm.call("sum_within", [.double(1), .double(2), .double(2.5)]) == [.i32(0)])
        #expect(try wasm.call("sum_within", [.double(.nan), .double(0), .double(4)]) == [.i32(0)])
        // Forward, out of a loop: mandelbrot's escape count at three points.
        #expect(try wasm.call("escape_steps", [.double(-0.75), .double(0.1)]) == [.i32(33)])
        #expect(try wasm.call("escape_steps", [.double(2), .double(2)]) == [.i32(1)])
        #expect(try wasm.call("escape_steps", [.double(0), .double(0)]) == [.i32(100)])
        // Backward, to a loop's start; 0.1 added ten times is below 1.0 nine times.
        #expect(try wasm.call("sum_below", [.double(1), .double(10)]) == [.i32(9)])
        #expect(try wasm.call("sum_below", [.double(0.1), .double(1)]) == [.i32(10)])
        #expect(try wasm.call("sum_below", [.double(2.5), .double(1)]) == [.i32(1)])
        // Listings name the target in the data word: the loop's first instruction.
        let listing = try internalCode("sum_below").split(separator: "\n")
        #expect(listing.contains { $0.contains(" data ") && $0.hasSuffix(" @0") }, "\(listing)")
    }

    /// A loaded word compared at once, as wasmtime computes the same module: the loaded value stays
    /// in its local (the scans return it with where they stopped, `v * 1001 + p`), the operands'
    /// order and signedness hold (word 2 is 0x80000000), and a load past the end still traps.
    @Test func aComparedLoadBranchesAsTheTwoInstructions() throws {
        // Backward, the word on the left: unsigned, so 0x80000000 stops the scan.
        #expect(try wasm.i32("scan_below_u", 0, 8) == -2_147_483_636)
        #expect(try wasm.i32("scan_below_u", 0, 4) == 7015)
        #expect(try wasm.i32("scan_below_u", 12, 100) == -973)
        // The word on the right (`pivot > word`, so `word < pivot`): signed, 0x80000000 passes.
        #expect(try wasm.i32("scan_above_s", 0, 8) == 9025)
        #expect(try wasm.i32("scan_above_s", 0, 3) == 3007)
        // Past the words, into the list at 2048: its first link (2056) stops it.
        #expect(try wasm.i32("scan_above_s", 16, 6) == 2_059_084)
        #expect(try wasm.trap("scan_above_s", [.i32(2100), .i32(6)]).reason == .memoryOutOfBounds)
        // Forward out of a loop, the word a temporary.
        #expect(try wasm.i32("find", 9) == 3)
        #expect(try wasm.i32("find", 3) == 0)
        #expect(try wasm.i32("find", -1) == 6)
        #expect(try wasm.trap("find", [.i32(12345)]).reason == .memoryOutOfBounds)
        // An `if`: its branch skips the `then` when the comparison fails.
        #expect(try wasm.i32("word_at_most", 2, 5) == 0)
        #expect(try wasm.i32("word_at_most", 4, 5) == 1)
        #expect(try wasm.i32("word_at_most", 6, 5) == 0)
        #expect(try wasm.i32("word_at_most", 0, 3) == 1)
        #expect(try wasm.trap("word_at_most", [.i32(16128), .i32(0)]).reason == .memoryOutOfBounds)
    }

    /// A loaded word tested for zero and bits tested at once, as wasmtime computes the same
    /// module: the list walk keeps each link in its local, the masks wider than 16 bits hold, and
    /// a load past the end still traps.
    @Test func aTestedLoadOrMaskBranchesAsTheTwoInstructions() throws {
        #expect(try wasm.i32("list_sum", 2048) == 21)
        #expect(try wasm.i32("list_sum", 2056) == 16)
        #expect(try wasm.i32("list_sum", 0) == 0)
        #expect(try wasm.trap("list_sum", [.i32(65534)]).reason == .memoryOutOfBounds)
        #expect(try wasm.i32("first_zero_word", 0) == 32)
        #expect(try wasm.i32("first_zero_word", 28) == 32)
        #expect(try wasm.i32("first_zero_word", 40) == 40)
        #expect(try wasm.trap("first_zero_word", [.i32(64510)]).reason == .memoryOutOfBounds)
        #expect(try wasm.i32("bits_set", 0x2000) == 1)
        #expect(try wasm.i32("bits_set", 0x10000) == 1)
        #expect(try wasm.i32("bits_set", 0xE_DFFF) == 0)
        #expect(try wasm.i32("trailing_zeros", 8) == 3)
        #expect(try wasm.i32("trailing_zeros", 1) == 0)
        #expect(try wasm.i32("trailing_zeros", Int32.min) == 31)
        #expect(try wasm.i32("trailing_ones", 7) == 3)
        #expect(try wasm.i32("trailing_ones", 11) == 2)
        #expect(try wasm.i32("trailing_ones", 6) == 0)
        #expect(try wasm.i32("trailing_ones", -1) == 32)
    }

    /// An add into two locals, as wasmtime computes the same module: both locals hold the
    /// wrapped sum (`3p + q` or `3p - q`), at the 16-bit addend's edges; subtracting -32768 (an
    /// addend of 32768) stays an add and a copy.
    @Test func aSumKeptInTwoLocalsIsWrittenToBoth() throws {
        #expect(try wasm.i32("step_both", 10) == 24)
        #expect(try wasm.i32("step_both", 2) == -8)
        #expect(try wasm.i32("step_both", -2_147_483_647) == -12)
        #expect(try wasm.i32("step_up_both", 5) == 65544)
        #expect(try wasm.i32("step_up_both", 2_147_483_647) == 65532)
        #expect(try wasm.i32("step_down_most", 0) == -131_072)
        #expect(try wasm.i32("step_down_most", -2_147_483_648) == -131_072)
        #expect(try wasm.i32("step_too_far", 1) == 131_076)
        #expect(try wasm.i32("step_too_far", 2_147_483_647) == 131_068)
        let listing = try internalCode("step_too_far")
        #expect(!listing.contains("i32AddImmCopy") && listing.contains(" copy "), "\(listing)")
    }

    /// A copy with the jump or branch after it, as wasmtime computes the same module: the copy
    /// happens whether or not the branch is taken, and before the branch reads its condition.
    @Test func aCopyThenABranchCopiesFirst() throws {
        #expect(try wasm.i32("pick", 1, 7, 9) == 14)
        #expect(try wasm.i32("pick", 0, 7, 9) == 18)
        #expect(try wasm.i32("pick", -1, Int32.min, 3) == 0)
        #expect(try wasm.i32("last_step", 10) == 12012)
        #expect(try wasm.i32("last_step", 0) == 3003)
        #expect(try wasm.i32("last_step", 9) == 9009)
        #expect(try wasm.i32("copy_then_test", 0) == 0)
        #expect(try wasm.i32("copy_then_test", 5) == 105)
        #expect(try wasm.i32("copy_then_test", -100) == 0)
    }

    /// A step down (a `sub` of a constant, as an add of its negation) joined to the greater-than
    /// test after it, as wasmtime computes the same module: the comparison's signedness holds
    /// (4 - 2 > -3 only signed), and the counter keeps its last value.
    @Test func aCountDownStepsThenCompares() throws {
        #expect(try wasm.i32("count_down_gt_u", 10) == 5000)
        #expect(try wasm.i32("count_down_gt_u", 3) == 1001)
        #expect(try wasm.i32("count_down_gt_u", 2) == 1000)
        #expect(try wasm.i32("count_down_gt_u", 11) == 5001)
        #expect(try wasm.i32("count_down_gt_s", 4) == 3996)
        #expect(try wasm.i32("count_down_gt_s", -10) == 988)
        #expect(try wasm.i32("count_down_gt_s", -1) == 997)
        #expect(try wasm.i32("count_down_gt_s", 5) == 3997)
        #expect(try wasm.i32("count_down_gt_s", 100) == 51996)
    }

    /// `local.tee` of a local is one copy, and what follows reads the tee'd local (it once went
    /// through the operand's home: two copies, fused into a `copy2`); here the load through it
    /// absorbs the copy. Results as wasmtime computes them for the same module.
    @Test func aTeedLocalIsCopiedOnce() throws {
        let code = try internalCode("list_reverse")
        #expect(!code.contains("copy2") && !code.contains(" copy "), "\(code)")
        #expect(try wasm.i32("list_reverse", 0) == 0)
        #expect(try wasm.i32("list_reverse", 1) == 1)
        #expect(try wasm.i32("list_reverse", 2) == 63)
        #expect(try wasm.i32("list_reverse", 3) == 2946)
        #expect(try wasm.i32("list_reverse", 10) == 2_099_297_851)
        #expect(try wasm.i32("list_reverse", 1000) == -541_234_676)
    }

    /// A copy with the comparison branch after it, as wasmtime computes the same module: the copy
    /// happens whichever way the branch goes, and before the branch reads the value it compares.
    @Test func aCopyThenACompareBranchCopiesFirst() throws {
        #expect(try wasm.i32("copy_then_eq", 44, 7) == 6)
        #expect(try wasm.i32("copy_then_eq", 45, 7) == 1007)
        #expect(try wasm.i32("copy_then_eq", -1, 0) == 1000)
        #expect(try wasm.i32("copy_then_ne_loop", 0) == 4995)
        #expect(try wasm.i32("copy_then_ne_loop", -4) == 995)
        #expect(try wasm.i32("copy_then_ne_loop", 3) == 7995)
    }

    /// The copy happens and the load reads through it, at the offset; out of bounds traps. As
    /// wasmtime computes the same module.
    @Test func aCopyThenALoadThroughItDoesBoth() throws {
        #expect(try wasm.i32("tee_then_load", 0) == -2_021_227_132)
        #expect(try wasm.i32("tee_then_load", 3) == -1_970_695_105)
        #expect(try wasm.trap("tee_then_load", [.i32(65532)]).reason == .memoryOutOfBounds)
    }

    /// A load of what the store right before wrote, as the same type at the same address, takes
    /// the stored value without loading; the store still checks the bounds. As wasmtime computes
    /// the same module.
    @Test func aValueStoredThenLoadedIsNotLoaded() throws {
        for function in ["reload_param", "reload_then_set", "reload_product", "reload_f32_bits"] {
            let code = try internalCode(function)
            #expect(!code.contains("Load"), "\(function): \(code)")
        }
        #expect(try wasm.i32("reload_param", 0, 7) == 7)
        #expect(try wasm.i32("reload_param", 65524, -3) == -3)
        #expect(try wasm.trap("reload_param", [.i32(65528), .i32(7)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("reload_param", [.i32(UInt32.max), .i32(7)]).reason == .memoryOutOfBounds)
        #expect(try wasm.i32("reload_then_set", 0, 5) == 104)
        #expect(try wasm.i32("reload_then_set", 100, -100) == -1)
        #expect(try wasm.call("reload_product", [.i32(0), .i64(0x1_0000_0003), .i64(7)]) == [.i64(30_064_771_093)])
        #expect(
            try wasm.call("reload_product", [.i32(8), .i64(UInt64(bitPattern: -(1 << 62))), .i64(6)]) == [.i64(1 << 63)]
        )
        #expect(try wasm.i32("reload_f32_bits", 0, 0x7FA0_0001) == 0x7FA0_0001)
        #expect(try wasm.i32("reload_f32_bits", 0, -1) == -1)
    }

    /// A narrower store, or other bytes, are loaded.
    @Test func otherBytesOrWidthsAreLoaded() throws {
        #expect(try internalCode("reload_narrow").contains("i64Load32U"))
        #expect(try internalCode("reload_elsewhere").contains("i32Load"))
        #expect(try wasm.i32("reload_elsewhere", 0, 7) == -1_953_855_096)
        #expect(try wasm.call("reload_narrow", [.i32(0), .i64(0x1_0000_0005)]) == [.i64(5)])
        #expect(try wasm.call("reload_narrow", [.i32(0), .i64(UInt64.max)]) == [.i64(4_294_967_295)])
    }

    /// Shadow stack frames: the stack pointer stepped down and back up, each step one instruction
    /// that also keeps the frame's address. As wasmtime computes the same module, which also
    /// leaves the pointer where the trap left it.
    @Test func aShadowStackFrameStepsTheGlobal() throws {
        #expect(try wasm.i32("frames", 0) == 1008)
        #expect(try wasm.i32("stack_pointer") == 1024)
        #expect(try wasm.i32("frames", 3) == 966)
        #expect(try wasm.i32("frames", 50) == 1483)
        #expect(try wasm.i32("stack_pointer") == 1024)
        #expect(try wasm.trap("frames", [.i32(100)]).reason == .memoryOutOfBounds)
        #expect(try wasm.i32("stack_pointer") == -16)
    }

    /// A global's steps wrap at 32 bits; a step wider than 16 bits, or a sum set into another
    /// global, stays two instructions. As wasmtime computes the same module.
    @Test func aSteppedGlobalWraps() throws {
        #expect(try internalCode("step_counter_wide").contains(" i32SubImm "))
        #expect(try internalCode("counter_into_other").contains(" globalSet "))
        #expect(try wasm.i32("step_counter") == 16)
        #expect(try wasm.i32("step_counter") == 48)
        #expect(try wasm.i32("step_counter_wide") == -39952)
        #expect(try wasm.i32("counter_into_other") == 4)
        #expect(try wasm.i32("step_counter") == -39920)
    }

    /// A call whose argument is added right before it: the sum wraps at 32 bits, and unbounded
    /// recursion still exhausts the stack. As wasmtime computes the same module (which also traps).
    @Test func anArgumentsAddJoinsTheCall() throws {
        #expect(try wasm.i32("depth", 0) == 0)
        #expect(try wasm.i32("depth", 1000) == 1000)
        #expect(try wasm.trap("depth", [.i32(UInt32.max)]).reason == .callStackExhausted)
        #expect(try wasm.i32("call_successor", -1) == 0)
        #expect(try wasm.i32("call_successor", Int32.max) == Int32.min)
        #expect(try wasm.i32("call_successor", 41) == 42)
    }

    /// Rotations of one word by constants, xored, as wasmtime computes the same module: counts
    /// modulo 32, and the unjoined forms (two words, a count in a local) alike.
    @Test func rotationsByConstantsXorAsTheInstructionsDo() throws {
        let arguments: [Int32] = [0, 1, 0x510E_527F, -1, -0x6A09_E668]
        let sigma1: [Int32] = [0, 69_206_144, 898_049_835, -1, -1_438_012_689]
        let modulo32: [Int32] = [0, 65, 312_135_083, 0, -395_280_451]
        let ofTwo: [Int32] = [610_839_776, 610_839_784, -1_407_566_054, -610_839_777, -1_948_753_884]
        let byLocal: [Int32] = [0, 40, -1_447_502_832, 0, 292_814_806]
        for (index, x) in arguments.enumerated() {
            #expect(try wasm.i32("sigma1", x) == sigma1[index])
            #expect(try wasm.i32("rotations_mod_32", x) == modulo32[index])
            #expect(try wasm.i32("rotations_of_two", x, 0x123_4567) == ofTwo[index])
            #expect(try wasm.i32("rotation_by_local", x, 35) == byLocal[index])
        }
        #expect(try !internalCode("rotations_of_two").contains("Rotl2"))
        #expect(try !internalCode("rotation_by_local").contains("Rotl2"))
    }

    /// A byte loaded and tested at once keeps the byte, zero-extended, and traps out of bounds
    /// (an offset does not wrap). As wasmtime computes the same module.
    @Test func aTestedByteBranchesAsTheTwoInstructions() throws {
        #expect(try wasm.i32("zero_bytes", 0, 16) == 16)
        #expect(try wasm.i32("zero_bytes", 1000, 40) == 29)
        #expect(try wasm.i32("zero_bytes", 2030, 30) == 23)
        #expect(try wasm.i32("first_set_byte", 0) == 0)
        #expect(try wasm.i32("first_set_byte", 16) == 1024)
        #expect(try wasm.i32("first_set_byte", 2040) == 2048)
        #expect(try wasm.i32("first_set_byte", 1030) == 1035)
        #expect(try wasm.trap("first_set_byte", [.i32(65530)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("zero_bytes", [.i32(65520), .i32(1)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("zero_bytes", [.i32(UInt32(bitPattern: -16)), .i32(3)]).reason == .memoryOutOfBounds)
    }

    /// Two steps in a row, of two locals or of one (the second reading the first's sum), wrapping
    /// at 32 bits. As wasmtime computes the same module.
    @Test func twoStepsInARowStepInOrder() throws {
        #expect(try wasm.i32("index_and_pointer", 1020, 8) == 197_640)
        #expect(try wasm.i32("index_and_pointer", 1020, 1) == 66560)
        #expect(try wasm.i32("index_and_pointer", 2044, 8) == 67584)
        #expect(try wasm.i32("index_and_pointer", 1040, 0x900) == 132_120)
        #expect(try wasm.trap("index_and_pointer", [.i32(65500), .i32(UInt32.max)]).reason == .memoryOutOfBounds)
        #expect(try wasm.i32("step_twice", 5) == -32762)
        #expect(try wasm.i32("step_twice", Int32.min) == 2_147_450_881)
    }

    /// A loaded word plus a constant wraps at 32 bits and traps out of bounds, as wasmtime
    /// computes the same module.
    @Test func aLoadedWordPlusAConstant() throws {
        #expect(try wasm.i32("loaded_plus", 1024) == 14)
        #expect(try wasm.i32("loaded_plus", 1044) == 6)
        #expect(try wasm.i32("loaded_plus", 0) == -2_021_227_125)
        #expect(try wasm.i32("loaded_minus", 1024) == 2_147_450_880)
        #expect(try wasm.i32("loaded_minus", 1040) == -32769)
        #expect(try wasm.trap("loaded_plus", [.i32(65532)]).reason == .memoryOutOfBounds)
        #expect(try wasm.trap("loaded_plus", [.i32(UInt32.max - 3)]).reason == .memoryOutOfBounds)
    }

    /// `p->v += x` at a field address kept in a local: the sum moves to the update, which still
    /// writes the local; a local read in between keeps its add. As wasmtime computes the same
    /// module, calls in order on one instance (the fields accumulate).
    @Test func aFieldUpdateComputesItsAddress() throws {
        let code = try internalCode("accumulate_fields")
        #expect(code.contains(" i32AddImmCopy "), "\(code)")
        let calls: [(UInt32, Double, UInt64)] = [
            (64, 3, 4_622_945_017_495_814_144), (64, 3, 4_627_448_617_123_184_640),
            (4000, -1.5, 4_604_930_618_986_332_160), (0, 1, 4_611_686_018_427_387_904),
        ]
        for (p, x, bits) in calls {
            #expect(try wasm.call("accumulate_fields", [.i32(p), .f64(x.bitPattern)]) == [.i64(bits)])
        }
        for p in [65530, 65520, UInt32(bitPattern: -8)] {
            #expect(try wasm.trap("accumulate_fields", [.i32(p), .f64(1.0.bitPattern)]).reason == .memoryOutOfBounds)
        }
    }

    @Test func andOneOfANonComparisonStays() throws {
        #expect(try internalCode("and_one").contains("i32AndImm"))
        #expect(try wasm.i32("and_one", 1) == 1)
        #expect(try wasm.i32("and_one", 2) == 0)
    }

    // MARK: Loop counters

    /// (function, argument, times the body runs, the counter's final value)
    static let counters: [(String, Int32?, Int32, Int32)] = [
        ("count_ne", 12, 4, 12),
        ("count_ne_imm", nil, 5, -10),
        ("count_lt_u", 10, 3, 12),
        ("count_lt_u_imm", nil, 5, 25),
        ("count_nez", nil, 4, 0),
    ]

    @Test(arguments: counters)
    func loopCounterStepsAndTests(function: String, argument: Int32?, runs: Int32, final: Int32) throws {
        let arguments: [Value] = argument.map { [.s32($0)] } ?? []
        #expect(try wasm.call(function, arguments) == [.s32(runs)])
        #expect(try wasm.call("peek", [.i32(200)]).only?.s64.map { Int32(truncatingIfNeeded: $0) } == final)
    }

    // MARK: f64 multiply chains, loaded operands

    @Test func multiplyChainsRoundEachProduct() throws {
        // (2^600 * 2^600) overflows to infinity before * 2^-600 could bring it back; one rounding
        // step (or reassociation) would give 2^600.
        let big = 0x1p600, small = 0x1p-600
        #expect(try wasm.call("mul_mul", [.double(big), .double(big), .double(small)]) == [.double(.infinity)])
        #expect(try wasm.call("mul_mul_right", [.double(big), .double(big), .double(small)]) == [.double(.infinity)])
        #expect(try wasm.call("mul_mul", [.double(3), .double(4), .double(0.5)]) == [.double(6)])
        #expect(try wasm.call("mul_mul_right", [.double(3), .double(4), .double(-0.5)]) == [.double(-6)])
    }

    /// (function, memory value m, other operand x, expected result)
    static let loadedOperands: [(String, Double, Double, Double)] = [
        ("load_add", 1.5, 0.25, 1.75), ("add_load", 1.5, 0.25, 1.75),
        ("load_sub", 1.5, 0.25, 1.25), ("sub_load", 1.5, 0.25, -1.25),
        ("load_mul", 1.5, -2, -3), ("mul_load", 1.5, -2, -3),
    ]

    @Test(arguments: loadedOperands)
    func arithmeticOnALoadedOperand(function: String, m: Double, x: Double, expected: Double) throws {
        _ = try wasm.call("poke_f64", [.i32(48), .double(m)])
        #expect(try wasm.call(function, [.i32(40), .double(x)]) == [.double(expected)])
        // The load keeps its bounds check: the last 8 bytes are readable, one byte further is not.
        #expect(try wasm.call(function, [.i32(65536 - 16), .double(x)]).count == 1)
        #expect(try wasm.trap(function, [.i32(65536 - 15), .double(x)]).reason == .memoryOutOfBounds)
        // The offset is added without wrapping, as for a plain load.
        #expect(try wasm.trap(function, [.i32(0xFFFF_FFFC), .double(x)]).reason == .memoryOutOfBounds)
    }

    static let sumLoadedOperands: [(String, Double, Double, Double)] = [
        ("sum_load_add", 1.5, 0.25, 1.75), ("add_sum_load", 1.5, 0.25, 1.75),
        ("sum_load_sub", 1.5, 0.25, 1.25), ("sub_sum_load", 1.5, 0.25, -1.25),
        ("sum_load_mul", 1.5, -2, -3), ("mul_sum_load", 1.5, -2, -3),
    ]

    @Test(arguments: sumLoadedOperands)
    func arithmeticOnAValueLoadedFromASum(function: String, m: Double, x: Double, expected: Double) throws {
        _ = try wasm.call("poke_f64", [.i32(48), .double(m)])
        #expect(try wasm.call(function, [.i32(40), .double(x)]) == [.double(expected)])
        // 0xFFFF_FFF8 + 8 wraps to 0, which is readable (the data segment's bytes).
        #expect(try wasm.call(function, [.i32(0xFFFF_FFF8), .double(x)]).count == 1)
        #expect(try wasm.trap(function, [.i32(65536 - 15), .double(x)]).reason == .memoryOutOfBounds)
    }

    /// (function, step, limit, times the body runs, final counter)
    static let slotSteps: [(String, Int32, Int32, Int32, Int32)] = [
        ("step_ne", 3, 12, 4, 12),
        ("step_lt_u", 4, 10, 3, 12),
        ("step_le_u", 4, 12, 4, 16),
        ("step_le_u", 5, 12, 3, 15),
    ]

    @Test(arguments: slotSteps)
    func loopCounterWithASlotStep(function: String, step: Int32, limit: Int32, runs: Int32, final: Int32) throws {
        #expect(try wasm.call(function, [.s32(step), .s32(limit)]) == [.s32(runs)])
        #expect(try wasm.call("peek", [.i32(200)]).only?.s64.map { Int32(truncatingIfNeeded: $0) } == final)
    }

    @Test func bitFieldExtraction() throws {
        #expect(try wasm.i32("bit_field", 0x1234_5678) == 0x67)
        #expect(try wasm.i32("bit_field", -1) == 0xFF)
        #expect(try wasm.i32("bit_field_wide_shift", -16) == 0xFFFF)
        #expect(try wasm.i32("bit_field_wide_shift", 0x1234_5670) == 0x4567)
        #expect(try !internalCode("bit_field_wide_mask").contains(" i32ShrUImmAndImm "))
        #expect(try wasm.i32("bit_field_wide_mask", -16) == 0x00FF_FFFF)
    }

    // MARK: f64 sums feeding an add, adding into memory

    @Test func sumChainsRoundEachStep() throws {
        // 1 + 2^-53 rounds to 1 (ties to even) before -1 is added: 0. Adding 2^-53 and -1 first
        // would leave 2^-53.
        let tiny = 0x1p-53
        #expect(try wasm.call("add_add", [.double(1), .double(tiny), .double(-1)]) == [.double(0)])
        #expect(try wasm.call("add_add_right", [.double(1), .double(tiny), .double(-1)]) == [.double(0)])
        // 1 - 2^-54 is halfway between 1 - 2^-53 and 1 and rounds to 1: then 0, not -2^-54.
        #expect(try wasm.call("sub_add", [.double(1), .double(tiny / 2), .double(-1)]) == [.double(0)])
        #expect(try wasm.call("add_sub", [.double(1), .double(tiny / 2), .double(-1)]) == [.double(0)])
    }

    @Test func sumChainsKeepOperandOrder() throws {
        #expect(try wasm.call("add_add", [.double(3), .double(4), .double(0.5)]) == [.double(7.5)])
        #expect(try wasm.call("add_add_right", [.double(3), .double(4), .double(0.5)]) == [.double(7.5)])
        #expect(try wasm.call("sub_add", [.double(3), .double(4), .double(0.5)]) == [.double(-0.5)])
        #expect(try wasm.call("add_sub", [.double(3), .double(4), .double(0.5)]) == [.double(-0.5)])
        // (0 - 0) + -0 is +0; -0 + (0 - 0) is +0; (-0 - 0) + -0 is -0.
        #expect(try wasm.call("sub_add", [.double(0), .double(0), .double(-0.0)]) == [.double(0)])
        #expect(try wasm.call("sub_add", [.double(-0.0), .double(0), .double(-0.0)]) == [.double(-0.0)])
        #expect(try wasm.call("add_sub", [.double(-0.0), .double(0), .double(-0.0)]) == [.double(-0.0)])
    }

    @Test func addingIntoMemoryWritesTheSumBack() throws {
        _ = try wasm.call("poke_f64", [.i32(48), .double(1.5)])
        _ = try wasm.call("add_to_memory", [.i32(40), .double(0.25)])
        #expect(try wasm.call("peek", [.i32(48)]) == [.i64((1.75).bitPattern)])
        // The last 8 bytes can be updated; one byte further traps and leaves memory as it was.
        _ = try wasm.call("poke_f64", [.i32(65536 - 8), .double(2)])
        _ = try wasm.call("add_to_memory", [.i32(65536 - 16), .double(1)])
        #expect(try wasm.call("peek", [.i32(65536 - 8)]) == [.i64((3.0).bitPattern)])
        #expect(try wasm.trap("add_to_memory", [.i32(65536 - 15), .double(1)]).reason == .memoryOutOfBounds)
        #expect(try wasm.call("peek", [.i32(65536 - 8)]) == [.i64((3.0).bitPattern)])
        // The offset is added without wrapping, as for a plain load and store.
        #expect(try wasm.trap("add_to_memory", [.i32(0xFFFF_FFFC), .double(1)]).reason == .memoryOutOfBounds)
    }

    @Test func addingIntoAnotherCellIsNotFused() throws {
        #expect(try !internalCode("add_to_other_memory").contains("f64AddToMemory"))
        _ = try wasm.call("poke_f64", [.i32(48), .double(1.5)])
        _ = try wasm.call("add_to_other_memory", [.i32(40), .double(0.25)])
        #expect(try wasm.call("peek", [.i32(56)]) == [.i64((1.75).bitPattern)])
        #expect(try wasm.call("peek", [.i32(48)]) == [.i64((1.5).bitPattern)])
    }

    @Test(arguments: ["shl_add", "add_shl"])
    func shiftedIndexPlusBaseWrapsAt32Bits(function: String) throws {
        #expect(try wasm.i32(function, 3, 100) == 112)
        // 0x4000_0001 << 2 loses its top bit: 4; and the sum wraps.
        #expect(try wasm.i32(function, 0x4000_0001, -8) == -4)
        #expect(try wasm.i32(function, -1, 0) == -4)
    }

    @Test func integerChainsWrapAt32Bits() throws {
        #expect(try wasm.i32("i32_add_add", 0x7FFF_FFFF, 1, 1) == Int32.min + 1)
        #expect(try wasm.i32("i32_mul_add", 0x1_0001, 0x1_0001, -1) == 0x2_0000)
        #expect(try wasm.i32("i32_xor_add", 0b1100, 0b1010, -7) == -1)
        #expect(try wasm.i32("i32_xor_add", -1, 0, 1) == 0)
    }

    @Test func rotateFeedingXorTakesItsCountModulo32() throws {
        #expect(try wasm.i32("i32_rotl_xor", Int32(bitPattern: 0x8000_0001), 1, 0) == 3)
        #expect(try wasm.i32("i32_rotl_xor", Int32(bitPattern: 0x8000_0001), 33, 0) == 3)
        #expect(try wasm.i32("i32_rotl_xor", 0x1234_5678, 8, 0x0F0F_0F0F) == 0x3B59_771D)
    }
}
