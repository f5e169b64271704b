/// An exported function and its WebAssembly signature.

import WasmCore

public struct FunctionSignature: Sendable, Hashable, CustomStringConvertible {
    public let name: String
    public let type: FunctionType

    public init(name: String, type: FunctionType) {
        self.name = name
        self.type = type
    }

    /// `add(i64, i64) -> i64`; no arrow when nothing is returned, a tuple for several results.
    public var description: String {
        let parameters = type.parameters.map(\.description).joined(separator: ", ")
        switch type.results.count {
        case 0: return "\(name)(\(parameters))"
        case 1: return "\(name)(\(parameters)) -> \(type.results[0])"
        default: return "\(name)(\(parameters)) -> (\(type.results.map(\.description).joined(separator: ", ")))"
        }
    }
}

/// Something a Spirit exports: its name, kind, and the signature when it is a function.
public struct SpiritExport: Sendable, Hashable {
    public let name: String
    public let kind: ExternalKind
    /// Set for functions only.
    public let functionType: FunctionType?
}
