import Testing
import Vudo
import WasmCore

/// A hand-written typed interface; `vudo codegen` writes the same shape (see CodegenTests).
struct Calc: SpiritInterface {
    static let requiredFunctions = [
        FunctionRequirement("add", Int64.self, Int64.self, returning: Int64.self),
        FunctionRequirement("multiply", parameters: [.i64, .i64], results: [.i64]),
    ]

    let spirit: Spirit
    init(spirit: Spirit) { self.spirit = spirit }

    func add(_ a: Int64, _ b: Int64) async throws(SpiritError) -> Int64 { try await spirit.call("add", a, b) }
    func multiply(_ a: Int64, _ b: Int64) async throws(SpiritError) -> Int64 { try await spirit.call("multiply", a, b) }
}

/// Asks for things the calculator does not have, or has with another signature.
struct WrongCalc: SpiritInterface {
    static let requiredFunctions = [
        FunctionRequirement("add", Int32.self, Int32.self, returning: Int32.self),
        FunctionRequirement("subtract", parameters: [.i64, .i64], results: [.i64]),
        FunctionRequirement("multiply", parameters: [.i64, .i64], results: [.i64]),
        FunctionRequirement("noop", Int32.self),
    ]
    let spirit: Spirit
    init(spirit: Spirit) { self.spirit = spirit }
}

struct NeedsFunctionNamedMemory: SpiritInterface {
    static let requiredFunctions = [FunctionRequirement("memory", parameters: [], results: [])]
    let spirit: Spirit
    init(spirit: Spirit) { self.spirit = spirit }
}

@Suite struct InterfaceTests {
    @Test func aMatchingSpiritBindsAndIsCalledThroughTheInterface() async throws {
        let spirit = try await Fixtures.load("calculator.wasm")
        let calc = try spirit.as(Calc.self)
        #expect(try await calc.add(2, 3) == 5)
        #expect(try await calc.multiply(6, 7) == 42)
    }

    @Test func bindingListsEveryMismatchInOneError() async throws {
        let spirit = try await Fixtures.load("calculator.wasm")
        #expect {
            _ = try spirit.as(WrongCalc.self)
        } throws: { error in
            guard let error = error as? InterfaceBindingError else { return false }
            return error.interface == "WrongCalc"
                && error.mismatches == [
                    .wrongSignature(
                        FunctionRequirement("add", parameters: [.i32, .i32], results: [.i32]),
                        actual: FunctionType(parameters: [.i64, .i64], results: [.i64])),
                    .missing(FunctionRequirement("subtract", parameters: [.i64, .i64], results: [.i64])),
                    .wrongSignature(
                        FunctionRequirement("noop", parameters: [.i32], results: []),
                        actual: FunctionType(parameters: [], results: [])),
                ]
        }
    }

    @Test func theBindingErrorReadsWell() async throws {
        let spirit = try await Fixtures.load("calculator.wasm")
        do {
            _ = try spirit.as(WrongCalc.self)
            Issue.record("bound a wrong interface")
        } catch {
            #expect(
                error.description == """
                    the Spirit does not satisfy WrongCalc:
                      - add is add(i64, i64) -> i64, expected add(i32, i32) -> i32
                      - missing function subtract(i64, i64) -> i64
                      - noop is noop(), expected noop(i32)
                    """)
        }
    }

    @Test func anExportOfAnotherKindIsAMismatch() async throws {
        let spirit = try await Fixtures.load("math.wasm")
        #expect {
            _ = try spirit.as(NeedsFunctionNamedMemory.self)
        } throws: { error in
            (error as? InterfaceBindingError)?.mismatches == [
                .notAFunction(FunctionRequirement("memory", parameters: [], results: []), actual: .memory)
            ]
        }
    }
}
