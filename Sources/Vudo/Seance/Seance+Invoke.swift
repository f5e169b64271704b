/// Calling a summoned Spirit's exports through the Séance.

import WasmCore

extension Seance {
    /// Calls `function` of the Spirit named `name` with WebAssembly values. The Séance is not held
    /// during the call, so calls into other Spirits proceed meanwhile.
    public func invoke(_ name: String, _ function: String, _ arguments: [Value]) async throws(SeanceError) -> [Value] {
        let (name, function) = try target(name, function)
        let spirit = try lookup(name)
        let result: Result<[Value], SpiritError> = await SeanceCallChain.$names.withValue([name]) {
            do throws(SpiritError) {
                return .success(try await spirit.call(function, arguments))
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let values):
            return values
        case .failure(let error):
            // A cycle or a released callee deeper in the chain is the error worth seeing.
            if case .hostFunction(_, _, _, let inner as SeanceError) = error {
                switch inner {
                case .reentrantCall, .released: throw inner
                default: break
                }
            }
            throw .call(spirit: name, error)
        }
    }

    /// Calls a function returning one value, with Swift numbers: `try await seance.invoke("calc",
    /// "multiply", Int32(6), Int32(7)) as Int32`. Types are checked against the export first.
    public func invoke<each A: WasmRepresentable, R: WasmRepresentable>(
        _ name: String, _ function: String, _ arguments: repeat each A, returning: R.Type = R.self
    ) async throws(SeanceError) -> R {
        let results = try await typedInvoke(name, function, Self.values(repeat each arguments), results: [R.wasmType])
        guard let value = R(wasmValue: results[0]) else {
            throw .call(
                spirit: name, .resultMismatch(function: function, expected: [R.wasmType], got: [results[0].type]))
        }
        return value
    }

    /// Calls a function returning nothing, with Swift numbers.
    public func invoke<each A: WasmRepresentable>(
        _ name: String, _ function: String, _ arguments: repeat each A
    ) async throws(SeanceError) {
        _ = try await typedInvoke(name, function, Self.values(repeat each arguments), results: [])
    }

    private func typedInvoke(
        _ name: String, _ function: String, _ arguments: [Value], results: [ValueType]
    ) async throws(SeanceError) -> [Value] {
        let (name, function) = try target(name, function)
        let spirit = try lookup(name)
        guard let signature = spirit.signature(of: function) else {
            throw .call(spirit: name, .unknownFunction(function))
        }
        guard signature.type.results == results else {
            throw .call(
                spirit: name, .resultMismatch(function: function, expected: results, got: signature.type.results))
        }
        return try await invoke(name, function, arguments)
    }

    /// The Spirit and function a call means: a Ghost's exposed export leads to one of its Spirits.
    private func target(_ name: String, _ function: String) throws(SeanceError) -> (String, String) {
        try checkOpen()
        guard let ghost = ghosts[name] else { return (name, function) }
        guard let exposed = ghost.exposed[function] else { throw .call(spirit: name, .unknownFunction(function)) }
        return (exposed.spirit, exposed.export)
    }

    private nonisolated static func values<each A: WasmRepresentable>(_ arguments: repeat each A) -> [Value] {
        var values: [Value] = []
        for argument in repeat each arguments { values.append(argument.wasmValue) }
        return values
    }
}
