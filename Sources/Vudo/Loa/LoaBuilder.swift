/// Collects a Loa's functions from closures with typed parameters; see ``Loa/init(_:version:capabilities:build:)``.
///
/// Parameters and results are any ``WasmRepresentable`` type (`Int32`, `UInt32`, `Int64`,
/// `UInt64`, `Float`, `Double`, `Bool`); the WebAssembly signature follows from them.

import WasmCore

public struct LoaBuilder {
    public private(set) var functions: [LoaFunction] = []

    init() {}

    /// Adds a function returning one value.
    public mutating func function<each P: WasmRepresentable, R: WasmRepresentable>(
        _ name: String, capability: Capability,
        _ body: @escaping @Sendable (HostContext, repeat each P) throws -> R
    ) {
        let type = FunctionType(parameters: Self.types(repeat (each P).self), results: [R.wasmType])
        add(
            LoaFunction(name: name, type: type, capability: capability) { context, arguments in
                var reader = ArgumentReader(arguments, function: name)
                return [try body(context, repeat try reader.next((each P).self)).wasmValue]
            })
    }

    /// Adds a function returning nothing.
    public mutating func function<each P: WasmRepresentable>(
        _ name: String, capability: Capability,
        _ body: @escaping @Sendable (HostContext, repeat each P) throws -> Void
    ) {
        let type = FunctionType(parameters: Self.types(repeat (each P).self), results: [])
        add(
            LoaFunction(name: name, type: type, capability: capability) { context, arguments in
                var reader = ArgumentReader(arguments, function: name)
                try body(context, repeat try reader.next((each P).self))
                return []
            })
    }

    /// Adds a function over WebAssembly values, for signatures the typed forms cannot express.
    public mutating func function(
        _ name: String, type: FunctionType, capability: Capability, _ body: @escaping LoaFunction.Body
    ) {
        add(LoaFunction(name: name, type: type, capability: capability, body: body))
    }

    /// Adds a ready-made function.
    public mutating func add(_ function: LoaFunction) { functions.append(function) }

    private static func types<each P: WasmRepresentable>(_ types: repeat (each P).Type) -> [ValueType] {
        var result: [ValueType] = []
        for type in repeat each types { result.append(type.wasmType) }
        return result
    }
}

/// Hands a typed host function its arguments one by one.
private struct ArgumentReader {
    let arguments: [Value]
    let function: String
    var index = 0

    init(_ arguments: [Value], function: String) {
        self.arguments = arguments
        self.function = function
    }

    mutating func next<T: WasmRepresentable>(_ type: T.Type) throws(LoaArgumentError) -> T {
        defer { index += 1 }
        // The linker checked the import's signature, so this fails only when the body is called directly.
        guard index < arguments.count, let value = T(wasmValue: arguments[index]) else {
            throw LoaArgumentError(function: function, index: index, expected: T.wasmType)
        }
        return value
    }
}

/// A typed Loa function was handed an argument of another type (only possible when called
/// directly, never through a linked import).
public struct LoaArgumentError: Error, Sendable, Hashable, CustomStringConvertible {
    public let function: String
    public let index: Int
    public let expected: ValueType

    public var description: String { "\(function): argument \(index) is not \(expected)" }
}
