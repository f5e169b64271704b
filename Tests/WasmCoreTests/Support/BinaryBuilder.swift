import WasmCore

/// Builds WebAssembly binaries byte by byte, for inputs wat2wasm will not produce (malformed
/// encodings, invalid modules, hostile counts).
enum Binary {
    static let header: [UInt8] = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]

    static func unsigned(_ value: UInt64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }

    static func signed(_ value: Int64) -> [UInt8] {
        var value = value
        var bytes: [UInt8] = []
        while true {
            let byte = UInt8(value & 0x7F)
            value >>= 7
            let done = (value == 0 && byte & 0x40 == 0) || (value == -1 && byte & 0x40 != 0)
            bytes.append(done ? byte : byte | 0x80)
            if done { return bytes }
        }
    }

    static func name(_ text: String) -> [UInt8] {
        unsigned(UInt64(text.utf8.count)) + Array(text.utf8)
    }

    static func vector(_ items: [[UInt8]]) -> [UInt8] {
        unsigned(UInt64(items.count)) + items.flatMap { $0 }
    }

    static func section(_ id: UInt8, _ body: [UInt8]) -> [UInt8] {
        [id] + unsigned(UInt64(body.count)) + body
    }

    static func module(_ sections: [UInt8]...) -> [UInt8] {
        header + sections.flatMap { $0 }
    }

    static func functionType(_ parameters: [ValueType], _ results: [ValueType]) -> [UInt8] {
        [0x60] + vector(parameters.map(valueType)) + vector(results.map(valueType))
    }

    /// A number, vector or 2.0 reference type's byte (the shorthand of a nullable abstract type).
    static func valueType(_ type: ValueType) -> [UInt8] {
        switch type {
        case .i32: [0x7F]
        case .i64: [0x7E]
        case .f32: [0x7D]
        case .f64: [0x7C]
        case .v128: [0x7B]
        case .funcref: [0x70]
        case .externref: [0x6F]
        default: preconditionFailure("no one-byte encoding for \(type)")
        }
    }

    static func typeSection(_ types: [[UInt8]]) -> [UInt8] { section(1, vector(types)) }
    static func importSection(_ imports: [[UInt8]]) -> [UInt8] { section(2, vector(imports)) }
    static func functionSection(_ typeIndices: [UInt32]) -> [UInt8] {
        section(3, vector(typeIndices.map { unsigned(UInt64($0)) }))
    }
    static func memorySection(min: UInt64, max: UInt64? = nil) -> [UInt8] {
        section(5, vector([limits(min: min, max: max)]))
    }
    static func exportSection(_ exports: [(name: String, kind: UInt8, index: UInt32)]) -> [UInt8] {
        section(7, vector(exports.map { name($0.name) + [$0.kind] + unsigned(UInt64($0.index)) }))
    }
    static func startSection(_ function: UInt32) -> [UInt8] { section(8, unsigned(UInt64(function))) }
    static func dataCountSection(_ count: UInt32) -> [UInt8] { section(12, unsigned(UInt64(count))) }
    static func codeSection(_ bodies: [[UInt8]]) -> [UInt8] { section(10, vector(bodies)) }

    static func limits(min: UInt64, max: UInt64?) -> [UInt8] {
        if let max { return [0x01] + unsigned(min) + unsigned(max) }
        return [0x00] + unsigned(min)
    }

    /// A size-prefixed function body: local groups, then the instructions (without the final
    /// `end`, which is appended).
    static func body(locals: [(count: UInt32, type: ValueType)] = [], _ code: [UInt8]) -> [UInt8] {
        let content = vector(locals.map { unsigned(UInt64($0.count)) + valueType($0.type) }) + code + [0x0B]
        return unsigned(UInt64(content.count)) + content
    }

    /// A module of one function with the given signature and code (the final `end` appended).
    static func singleFunction(
        _ parameters: [ValueType] = [], _ results: [ValueType] = [],
        locals: [(count: UInt32, type: ValueType)] = [], code: [UInt8], extraSections: [UInt8] = []
    ) -> [UInt8] {
        module(
            typeSection([functionType(parameters, results)]),
            functionSection([0]),
            extraSections,
            codeSection([body(locals: locals, code)]))
    }
}

/// Instruction bytes, for readable hand-built code.
enum Instr {
    static let unreachable: UInt8 = 0x00
    static let block: UInt8 = 0x02
    static let loop: UInt8 = 0x03
    static let `if`: UInt8 = 0x04
    static let `else`: UInt8 = 0x05
    static let end: UInt8 = 0x0B
    static let br: UInt8 = 0x0C
    static let brIf: UInt8 = 0x0D
    static let brTable: UInt8 = 0x0E
    static let call: UInt8 = 0x10
    static let drop: UInt8 = 0x1A
    static let localGet: UInt8 = 0x20
    static let localSet: UInt8 = 0x21
    static let globalGet: UInt8 = 0x23
    static let globalSet: UInt8 = 0x24
    static let i32Load: UInt8 = 0x28
    static let i32Const: UInt8 = 0x41
    static let i64Const: UInt8 = 0x42
    static let i32Add: UInt8 = 0x6A
    static let empty: UInt8 = 0x40

    static func i32(_ value: Int32) -> [UInt8] { [i32Const] + Binary.signed(Int64(value)) }
}
