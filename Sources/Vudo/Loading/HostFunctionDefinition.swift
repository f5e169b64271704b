/// A host function handed to one Spirit directly, under an exact import module and name, through
/// ``SpiritOptions/hostFunctions``. Handing it over is the grant: it links whatever the Loas say.
///
/// Prefer a ``Loa`` for anything several Spirits share: it is versioned and capability-checked.

import WasmCore

public struct HostFunctionDefinition: Sendable {
    /// The import's module name.
    public var module: String
    public var name: String
    public var type: FunctionType
    /// Throwing ends the guest call with ``SpiritError/hostFunction(function:module:name:error:)``;
    /// the Spirit stays usable.
    public var body: LoaFunction.Body

    public init(module: String, name: String, type: FunctionType, body: @escaping LoaFunction.Body) {
        self.module = module
        self.name = name
        self.type = type
        self.body = body
    }
}
