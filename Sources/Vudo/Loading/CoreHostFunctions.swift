/// The host functions every Spirit may import without asking: for now `vudo_print`.
///
/// The module names `env`, `vudo` and `loa` all resolve them, as Spirits built by the DOL toolchain
/// use any of the three. The core Loa will take this table's place.
enum CoreHostFunctions {
    static let moduleNames = ["env", "vudo", "loa"]

    static func lookup(module: String, name: String) -> HostFunctionDefinition? {
        guard moduleNames.contains(module) else { return nil }
        switch name {
        case "vudo_print": return print(module: module)
        default: return nil
        }
    }

    /// `vudo_print(ptr i32, len i32)`: raw UTF-8 (not length-prefixed) to the output sink.
    private static func print(module: String) -> HostFunctionDefinition {
        HostFunctionDefinition(
            module: module, name: "vudo_print", type: FunctionType(parameters: [.i32, .i32], results: [])
        ) { context, arguments in
            guard case .i32(let pointer) = arguments[0], case .i32(let length) = arguments[1] else { return [] }
            context.output.write(try context.memory.readRawString(at: pointer, length: length))
            return []
        }
    }
}
