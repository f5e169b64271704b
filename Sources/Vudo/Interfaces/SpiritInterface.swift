/// A typed view of a Spirit: a Swift type that declares the exports it needs and wraps calls to
/// them in methods. Binding with ``Spirit/as(_:)`` checks every requirement first, so a Spirit
/// missing a function or exporting it with another signature is refused at bind time, with one
/// error listing every mismatch.
///
/// ```swift
/// struct Calculator: SpiritInterface {
///     static let requiredFunctions = [
///         FunctionRequirement("add", parameters: [.i64, .i64], results: [.i64]),
///     ]
///     let spirit: Spirit
///     init(spirit: Spirit) { self.spirit = spirit }
///     func add(_ a: Int64, _ b: Int64) async throws(SpiritError) -> Int64 { try await spirit.call("add", a, b) }
/// }
/// let calculator = try spirit.as(Calculator.self)
/// ```
///
/// `vudo codegen FILE.wasm` writes such a type from a module's exports.

import WasmCore

public protocol SpiritInterface: Sendable {
    /// The exported functions the methods call, with the signatures they assume.
    static var requiredFunctions: [FunctionRequirement] { get }
    /// Called only after every requirement was checked.
    init(spirit: Spirit)
}

/// An exported function an interface needs, with its exact WebAssembly signature.
public struct FunctionRequirement: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let type: FunctionType

    public init(_ name: String, parameters: [ValueType], results: [ValueType]) {
        self.name = name
        type = FunctionType(parameters: parameters, results: results)
    }

    /// Declares the signature with Swift types: `FunctionRequirement("add", Int64.self, Int64.self, returning: Int64.self)`.
    public init<each P: WasmRepresentable, R: WasmRepresentable>(
        _ name: String, _ parameters: repeat (each P).Type, returning: R.Type
    ) {
        var types: [ValueType] = []
        for parameter in repeat each parameters { types.append(parameter.wasmType) }
        self.init(name, parameters: types, results: [R.wasmType])
    }

    /// Declares a function that returns nothing, with Swift parameter types.
    public init<each P: WasmRepresentable>(_ name: String, _ parameters: repeat (each P).Type) {
        var types: [ValueType] = []
        for parameter in repeat each parameters { types.append(parameter.wasmType) }
        self.init(name, parameters: types, results: [])
    }

    public var description: String { FunctionSignature(name: name, type: type).description }
}

/// Why ``Spirit/as(_:)`` refused a Spirit: every requirement it does not meet.
public struct InterfaceBindingError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Mismatch: Sendable, Hashable, CustomStringConvertible {
        /// Nothing is exported under this name.
        case missing(FunctionRequirement)
        /// The export exists but is a memory, table or global.
        case notAFunction(FunctionRequirement, actual: ExternalKind)
        /// The function exists with another signature.
        case wrongSignature(FunctionRequirement, actual: FunctionType)

        public var description: String {
            switch self {
            case .missing(let required): "missing function \(required)"
            case .notAFunction(let required, let kind): "\(required.name) is a \(kind), expected function \(required)"
            case .wrongSignature(let required, let actual):
                "\(required.name) is \(FunctionSignature(name: required.name, type: actual)), expected \(required)"
            }
        }
    }

    /// The interface type's name.
    public let interface: String
    public let mismatches: [Mismatch]

    public var description: String {
        "the Spirit does not satisfy \(interface):\n" + mismatches.map { "  - \($0)" }.joined(separator: "\n")
    }
}

extension Spirit {
    /// Binds a typed interface after checking all its requirements against the exports.
    ///
    /// Throws ``InterfaceBindingError`` listing every missing or mismatched function.
    public nonisolated func `as`<I: SpiritInterface>(_ interface: I.Type) throws(InterfaceBindingError) -> I {
        let mismatches = I.requiredFunctions.compactMap { required -> InterfaceBindingError.Mismatch? in
            guard let export = exports.first(where: { $0.name == required.name }) else { return .missing(required) }
            guard let actual = export.functionType else { return .notAFunction(required, actual: export.kind) }
            return actual == required.type ? nil : .wrongSignature(required, actual: actual)
        }
        guard mismatches.isEmpty else { throw InterfaceBindingError(interface: "\(I.self)", mismatches: mismatches) }
        return I(spirit: self)
    }
}
