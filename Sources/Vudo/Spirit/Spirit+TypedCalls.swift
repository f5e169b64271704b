/// Calls with Swift numbers in and a Swift type out. The argument and result types are checked
/// against the export's signature before the call, so a mismatch is an error, never a bad value.
///
/// ```swift
/// let product: Int64 = try await spirit.call("multiply", Int64(6), Int64(7))
/// let (quotient, remainder) = try await spirit.call("divmod", Int32(17), Int32(5), returning: (Int32, Int32).self)
/// try await spirit.call("noop")
/// ```

import WasmCore

extension Spirit {
    /// Calls a function that returns one value.
    public func call<each A: WasmRepresentable, R: WasmRepresentable>(
        _ name: String, _ arguments: repeat each A, returning: R.Type = R.self
    ) async throws(SpiritError) -> R {
        let results = try await typedCall(name, Self.values(repeat each arguments), results: [R.wasmType])
        return try Self.convert(results[0], name: name)
    }

    /// Calls a function that returns nothing.
    public func call<each A: WasmRepresentable>(_ name: String, _ arguments: repeat each A) async throws(SpiritError) {
        _ = try await typedCall(name, Self.values(repeat each arguments), results: [])
    }

    /// Calls a function that returns two values.
    public func call<each A: WasmRepresentable, R1: WasmRepresentable, R2: WasmRepresentable>(
        _ name: String, _ arguments: repeat each A, returning: (R1, R2).Type
    ) async throws(SpiritError) -> (R1, R2) {
        let results = try await typedCall(
            name, Self.values(repeat each arguments), results: [R1.wasmType, R2.wasmType])
        return (try Self.convert(results[0], name: name), try Self.convert(results[1], name: name))
    }

    /// Calls a function that returns three values.
    public func call<each A: WasmRepresentable, R1: WasmRepresentable, R2: WasmRepresentable, R3: WasmRepresentable>(
        _ name: String, _ arguments: repeat each A, returning: (R1, R2, R3).Type
    ) async throws(SpiritError) -> (R1, R2, R3) {
        let results = try await typedCall(
            name, Self.values(repeat each arguments), results: [R1.wasmType, R2.wasmType, R3.wasmType])
        return (
            try Self.convert(results[0], name: name), try Self.convert(results[1], name: name),
            try Self.convert(results[2], name: name)
        )
    }

    private func typedCall(
        _ name: String, _ arguments: [Value], results: [ValueType]
    ) async throws(SpiritError) -> [Value] {
        guard let signature = signature(of: name) else { throw .unknownFunction(name) }
        guard signature.type.results == results else {
            throw .resultMismatch(function: name, expected: results, got: signature.type.results)
        }
        return try await call(name, arguments)
    }

    private static func values<each A: WasmRepresentable>(_ arguments: repeat each A) -> [Value] {
        var values: [Value] = []
        for argument in repeat each arguments { values.append(argument.wasmValue) }
        return values
    }

    private static func convert<R: WasmRepresentable>(_ value: Value, name: String) throws(SpiritError) -> R {
        guard let converted = R(wasmValue: value) else {
            throw .resultMismatch(function: name, expected: [R.wasmType], got: [value.type])
        }
        return converted
    }
}
