/// Where a summoned Spirit's module comes from.

import WasmCore

public enum SpiritSource: Sendable {
    /// WebAssembly binary bytes.
    case bytes([UInt8])
    /// A .wasm file.
    case path(String)
    /// A module decoded already.
    case module(Module)

    /// The decoded module.
    func module() throws(SpiritError) -> Module {
        switch self {
        case .module(let module):
            return module
        case .bytes(let bytes):
            do { return try Module(bytes: bytes) } catch { throw .decoding(error) }
        case .path(let path):
            let bytes: [UInt8]
            do {
                bytes = try HostFile.read(path)
            } catch {
                throw .unreadableFile(path: path, reason: "\(error)")
            }
            return try SpiritSource.bytes(bytes).module()
        }
    }
}

extension Module {
    /// The type of the exported function `name`, or nil when there is no such function export.
    func exportedFunctionType(_ name: String) -> FunctionType? {
        guard let export = exports.first(where: { $0.name == name && $0.kind == .function }) else { return nil }
        let imported = importedFunctionTypes
        let index = Int(export.index)
        if index < imported.count { return functionType(at: imported[index]) }
        let own = index - imported.count
        guard own < functionTypeIndices.count else { return nil }
        return functionType(at: functionTypeIndices[own])
    }

    /// The function imports, with their types.
    var functionImports: [(module: String, name: String, type: FunctionType)] {
        imports.compactMap { entry in
            guard case .function(let index) = entry.descriptor, let type = functionType(at: index) else { return nil }
            return (entry.module, entry.name, type)
        }
    }
}
