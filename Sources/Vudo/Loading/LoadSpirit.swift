import WasmCore
import WasmText

/// Decodes, validates, links and instantiates a Spirit from WebAssembly bytes.
///
/// Throws ``SpiritError``: `.decoding` or `.validation` for a bad module, `.unresolvedImport` for
/// an import the host does not provide, `.memoryLimits` when the options do not fit its memory,
/// `.instantiation` when a segment or the start function traps.
public func loadSpirit(_ bytes: [UInt8], options: SpiritOptions = SpiritOptions()) async throws(SpiritError) -> Spirit {
    let module: Module
    do {
        module = try Module(bytes: bytes)
    } catch {
        throw .decoding(error)
    }
    return try Spirit(module: module, options: options)
}

/// Validates, links and instantiates a Spirit from a module decoded already: loading many Spirits
/// of one module this way decodes it once.
///
/// Throws what ``loadSpirit(_:options:)`` throws, except `.decoding`.
public func loadSpirit(module: Module, options: SpiritOptions = SpiritOptions()) async throws(SpiritError) -> Spirit {
    try Spirit(module: module, options: options)
}

/// Decodes, validates, links and instantiates a Spirit written in the WebAssembly text format.
///
/// Throws ``SpiritError/textFormat(_:)`` for malformed text (with its line and column), then what
/// ``loadSpirit(_:options:)`` throws.
public func loadSpirit(wat text: String, options: SpiritOptions = SpiritOptions()) async throws(SpiritError) -> Spirit {
    let bytes: [UInt8]
    do {
        bytes = try WAT.encode(text)
    } catch {
        throw .textFormat(error)
    }
    return try await loadSpirit(bytes, options: options)
}

/// Loads a Spirit from a `.wasm` file, or a `.wat` file in the text format; its file name becomes
/// the log name unless the options set one.
public func loadSpirit(path: String, options: SpiritOptions = SpiritOptions()) async throws(SpiritError) -> Spirit {
    let bytes: [UInt8]
    do {
        bytes = try ModuleFile.bytes(atPath: path)
    } catch {
        switch error {
        case .unreadable(let reason): throw .unreadableFile(path: path, reason: "\(reason)")
        case .text(let textError): throw .textFormat(textError)
        }
    }
    var options = options
    if options.name == nil { options.name = HostFile.baseName(path) }
    return try await loadSpirit(bytes, options: options)
}
