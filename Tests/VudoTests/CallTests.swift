import Testing
import Vudo
import WasmCore

@Suite struct CallTests {
    @Test func untypedCallsTakeAndReturnValues() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        let sum = try await calculator.call("add", [.i64(2), .i64(40)])
        #expect(sum == [.i64(42)])
        let product = try await calculator.call("multiply", [.i64(6), .i64(7)])
        #expect(product == [.i64(42)])
    }

    @Test func typedCallsTakeAndReturnSwiftNumbers() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        let sum: Int64 = try await calculator.call("add", Int64(2), Int64(3))
        #expect(sum == 5)
        let product = try await calculator.call("multiply", Int64(-6), Int64(7), returning: Int64.self)
        #expect(product == -42)
        let half: Float = try await calculator.call("half", Float(3))
        #expect(half == 1.5)
        let square: Double = try await calculator.call("square", 1.5)
        #expect(square == 2.25)
        let even: Bool = try await calculator.call("is_even", Int32(10))
        #expect(even)
        let odd: Bool = try await calculator.call("is_even", Int32(7))
        #expect(!odd)
        let unsigned: UInt32 = try await calculator.call("is_even", UInt32(4))
        #expect(unsigned == 1)
    }

    /// A v128 crosses as a `V128`, built from and read as any lane shape; lane 0 is the lowest.
    @Test func typedCallsTakeAndReturnVectors() async throws {
        let spirit = try await loadSpirit(
            wat: """
                (module
                  (func (export "scale") (param $v v128) (param $k f32) (result v128)
                    (f32x4.mul (local.get $v) (f32x4.splat (local.get $k))))
                  (func (export "lanes") (param $v v128) (result i32 i32)
                    (i16x8.extract_lane_u 0 (local.get $v)) (i16x8.extract_lane_s 7 (local.get $v))))
                """)
        let scaled: V128 = try await spirit.call("scale", V128(SIMD4<Float>(1, -2, 0.5, 4)), Float(2))
        #expect(scaled.f32x4 == SIMD4<Float>(2, -4, 1, 8))
        let (first, last) = try await spirit.call(
            "lanes", V128(SIMD8<Int16>(-1, 2, 3, 4, 5, 6, 7, -8)), returning: (Int32, Int32).self)
        #expect(first == 0xFFFF)
        #expect(last == -8)
    }

    @Test func multipleResultsComeBackAsATuple() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        let (quotient, remainder) = try await calculator.call(
            "divmod", Int32(17), Int32(5), returning: (Int32, Int32).self)
        #expect(quotient == 3)
        #expect(remainder == 2)
    }

    @Test func aFunctionWithoutResultsIsCalledWithoutOne() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        try await calculator.call("noop")
        #expect(try await calculator.call("noop", []) == [])
    }

    @Test func wrongArgumentsAreRefusedBeforeTheCall() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        await #expect {
            let _: Int64 = try await calculator.call("add", Int32(1), Int32(2))
        } throws: { error in
            guard case SpiritError.argumentMismatch(let function, let expected, let got) = error else { return false }
            return function == "add" && expected == [.i64, .i64] && got == [.i32, .i32]
        }
        await #expect(throws: SpiritError.self) { _ = try await calculator.call("add", [.i64(1)]) }
    }

    /// A typed reference parameter takes a null of its hierarchy where it is nullable, and a
    /// function reference whose signature matches; anything else is refused before the call.
    @Test func typedReferenceParametersTakeWhatTheirTypeAccepts() async throws {
        let spirit = try await loadSpirit(
            wat: """
                (module
                  (type $seven (func (result i32)))
                  (type $unary (func (param i32) (result i32)))
                  (func $seven (type $seven) (i32.const 7))
                  (func $unary (type $unary) (local.get 0))
                  (elem declare func $seven $unary)
                  (func (export "seven") (result (ref $seven)) (ref.func $seven))
                  (func (export "unary") (result (ref $unary)) (ref.func $unary))
                  (func (export "call_or_minus_one") (param (ref null $seven)) (result i32)
                    (block $null (return (call_ref $seven (br_on_null $null (local.get 0)))))
                    (i32.const -1))
                  (func (export "call") (param (ref $seven)) (result i32) (call_ref $seven (local.get 0))))
                """)
        let seven = try await spirit.call("seven", [])
        #expect(try await spirit.call("call_or_minus_one", seven) == [.i32(7)])
        #expect(try await spirit.call("call_or_minus_one", [.funcref(nil)]) == [.i32(UInt32(bitPattern: -1))])
        #expect(try await spirit.call("call", seven) == [.i32(7)])
        let unary = try await spirit.call("unary", [])
        for refused in [[Value.funcref(nil)], unary, [.externref(nil)]] {
            await #expect {
                _ = try await spirit.call("call", refused)
            } throws: { error in
                guard case SpiritError.argumentMismatch = error else { return false }
                return true
            }
        }
    }

    @Test func aWrongResultTypeIsRefusedBeforeTheCall() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        await #expect {
            let _: Int32 = try await calculator.call("add", Int64(1), Int64(2))
        } throws: { error in
            guard case SpiritError.resultMismatch(let function, let expected, let got) = error else { return false }
            return function == "add" && expected == [.i32] && got == [.i64]
        }
    }

    @Test func anUnknownFunctionIsATypedError() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        await #expect {
            _ = try await calculator.call("subtract", [.i64(1), .i64(2)])
        } throws: { error in
            guard case SpiritError.unknownFunction(let name) = error else { return false }
            return name == "subtract"
        }
    }

    @Test func aTrapIsATypedErrorAndTheSpiritStaysUsable() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        await #expect {
            let _: Int64 = try await calculator.call("divide", Int64(1), Int64(0))
        } throws: { error in
            guard case SpiritError.trap(let function, let trap) = error else { return false }
            return function == "divide" && trap.reason == .integerDivideByZero
        }
        let quotient: Int64 = try await calculator.call("divide", Int64(84), Int64(2))
        #expect(quotient == 42)
    }

    @Test func exportsAndSignaturesAreListed() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        #expect(calculator.hasFunction("multiply"))
        #expect(!calculator.hasFunction("subtract"))
        #expect(
            calculator.listFunctions().map(\.description) == [
                "add(i64, i64) -> i64", "multiply(i64, i64) -> i64", "divide(i64, i64) -> i64",
                "divmod(i32, i32) -> (i32, i32)", "is_even(i32) -> i32", "half(f32) -> f32", "square(f64) -> f64",
                "noop()",
            ])
        let math = try await Fixtures.load("math.wasm")
        #expect(math.exports.first { $0.name == "memory" }?.kind == .memory)
        #expect(!math.hasFunction("memory"))
        #expect(math.signature(of: "distance")?.type == FunctionType(parameters: [.i32, .i32], results: [.f64]))
    }

    @Test func callsFromManyTasksAreSerialized() async throws {
        let calculator = try await Fixtures.load("calculator.wasm")
        let sums = try await withThrowingTaskGroup(of: Int64.self) { group in
            for n in 0..<200 {
                group.addTask { try await calculator.call("add", Int64(n), Int64(1)) }
            }
            return try await group.reduce(into: [Int64]()) { $0.append($1) }
        }
        #expect(sums.sorted() == (1...200).map(Int64.init))
    }
}
