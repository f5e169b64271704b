/// How an opcode is encoded in the binary format.
public enum OpcodeEncoding: Sendable, Hashable, CustomStringConvertible {
    case single(UInt8)
    /// A prefix byte (0xFC, 0xFD) followed by a LEB128 u32 sub-opcode.
    case prefixed(UInt8, UInt32)

    public var description: String {
        switch self {
        case .single(let b): return hex(b)
        case .prefixed(let p, let sub): return hex(p) + " " + String(sub)
        }
    }

    private func hex(_ b: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "0x" + String(digits[Int(b >> 4)]) + String(digits[Int(b & 0xF)])
    }
}

/// The immediate operands that follow an opcode in the binary format.
public enum ImmediateKind: Sendable, Hashable {
    case none
    case blockType
    case labelIndex
    case branchTable
    case functionIndex
    /// Type index, then table index.
    case callIndirect
    case selectTypes
    case localIndex
    case globalIndex
    case tableIndex
    /// `memarg`: alignment exponent and offset; the alignment may not exceed the natural one.
    case memoryArgument(naturalAlignment: UInt8)
    /// A memory index (a zero byte in WebAssembly 2.0).
    case memoryIndex
    case i32Constant
    case i64Constant
    case f32Constant
    case f64Constant
    /// A heap type (`ref.null`): an abstract type code or a type index, as a signed LEB128 (s33).
    case heapType
    /// A type index (`call_ref`, `struct.new`, `array.get`, ...).
    case typeIndex
    /// A tag index (`throw`, legacy `catch`).
    case tagIndex
    /// `ref.test` / `ref.cast`: the target heap type; two opcodes tell the nullable form apart.
    case castTarget(nullable: Bool)
    /// `try_table`: a block type, then a vector of catch clauses.
    case tryTable
    /// A struct type index, then a field index.
    case fieldAccess
    /// An array type index, then an element count (`array.new_fixed`).
    case typeAndCount
    /// An array type index, then a data segment index.
    case typeAndData
    /// An array type index, then an element segment index.
    case typeAndElement
    /// Destination and source array type indices (`array.copy`).
    case twoTypes
    /// `br_on_cast(_fail)`: nullability flags, a label, the source and target heap types.
    case castBranch
    /// Data index, then memory index.
    case memoryInit
    case dataIndex
    /// Destination and source memory indices.
    case memoryCopy
    /// Element index, then table index.
    case tableInit
    case elementIndex
    /// Destination and source table indices.
    case tableCopy
    case v128Constant
    case shuffleLanes
    /// A lane index below `count`.
    case lane(count: UInt8)
    /// `memarg` then a lane index.
    case memoryLane(naturalAlignment: UInt8)

    /// Words for the reference documentation.
    public var summary: String {
        switch self {
        case .none: ""
        case .blockType: "blocktype"
        case .labelIndex: "labelidx"
        case .branchTable: "vec(labelidx) labelidx"
        case .functionIndex: "funcidx"
        case .callIndirect: "typeidx tableidx"
        case .selectTypes: "vec(valtype)"
        case .localIndex: "localidx"
        case .globalIndex: "globalidx"
        case .tableIndex: "tableidx"
        case .memoryArgument(let a): "memarg (align <= \(a))"
        case .memoryIndex: "memidx"
        case .i32Constant: "i32"
        case .i64Constant: "i64"
        case .f32Constant: "f32"
        case .f64Constant: "f64"
        case .heapType: "heaptype"
        case .typeIndex: "typeidx"
        case .tagIndex: "tagidx"
        case .castTarget(let nullable): nullable ? "(ref null heaptype)" : "(ref heaptype)"
        case .tryTable: "blocktype vec(catch)"
        case .fieldAccess: "typeidx fieldidx"
        case .typeAndCount: "typeidx u32"
        case .typeAndData: "typeidx dataidx"
        case .typeAndElement: "typeidx elemidx"
        case .twoTypes: "typeidx typeidx"
        case .castBranch: "castflags labelidx heaptype heaptype"
        case .memoryInit: "dataidx memidx"
        case .dataIndex: "dataidx"
        case .memoryCopy: "memidx memidx"
        case .tableInit: "elemidx tableidx"
        case .elementIndex: "elemidx"
        case .tableCopy: "tableidx tableidx"
        case .v128Constant: "i128"
        case .shuffleLanes: "laneidx x16"
        case .lane(let n): "laneidx (< \(n))"
        case .memoryLane(let a): "memarg (align <= \(a)) laneidx"
        }
    }
}

public enum OpcodeCategory: String, Sendable, CaseIterable {
    case control, parametric, variable, table, memory, numeric, reference, vector
}

/// The operand types an instruction pops and the result types it pushes.
public struct StackSignature: Sendable, Hashable {
    public var parameters: [ValueType]
    public var results: [ValueType]
}

/// One row of the opcode table.
public struct OpcodeInfo: Sendable {
    public let opcode: Opcode
    /// The instruction's name in the text format.
    public let name: String
    public let encoding: OpcodeEncoding
    public let immediates: ImmediateKind
    /// `"i32 i32 -> i32"`, or nil when typing depends on context and a dedicated rule checks it.
    public let signatureText: String?
    public let category: OpcodeCategory
    /// The parsed `signatureText`.
    public let signature: StackSignature?
    /// The feature the instruction belongs to; nil for the WebAssembly 2.0 baseline without SIMD.
    public let feature: WasmFeature?
    /// What Vudo does where the specification leaves a choice: the one deterministic behaviour of
    /// each relaxed SIMD instruction.
    public let note: String?

    init(
        _ opcode: Opcode, _ name: String, _ encoding: OpcodeEncoding, _ immediates: ImmediateKind,
        _ signatureText: String?, _ category: OpcodeCategory, feature: WasmFeature? = nil, note: String? = nil
    ) {
        self.note = note
        self.opcode = opcode
        self.name = name
        self.encoding = encoding
        self.immediates = immediates
        self.signatureText = signatureText
        self.category = category
        self.signature = signatureText.map { OpcodeInfo.parseSignature($0, of: name) }
        self.feature = feature ?? (category == .vector ? .simd : nil)
    }

    /// A row is program text: a word that is not a type is a typo in the table, not input, and
    /// must not quietly drop an operand. Read as bytes: every decode builds the whole table first,
    /// so this runs some 600 times in every process that loads a module (splitting on a string
    /// separator went through the regex library and was a fifth of an empty module's validation).
    private static func parseSignature(_ text: String, of name: String) -> StackSignature {
        var signature = StackSignature(parameters: [], results: [])
        var arrows = 0
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            while start < bytes.count {
                guard bytes[start] != UInt8(ascii: " ") else {
                    start += 1
                    continue
                }
                var end = start
                while end < bytes.count, bytes[end] != UInt8(ascii: " ") { end += 1 }
                let word = UnsafeBufferPointer(rebasing: bytes[start..<end])
                start = end
                if word.elementsEqual("->".utf8) {
                    arrows += 1
                } else if let type = valueType(word) {
                    if arrows == 0 { signature.parameters.append(type) } else { signature.results.append(type) }
                } else {
                    preconditionFailure(
                        "opcode table: unknown type '\(String(decoding: word, as: UTF8.self))' in \(name)")
                }
            }
        }
        precondition(arrows == 1, "opcode table: signature of \(name) lacks one '->'")
        return signature
    }

    private static func valueType(_ word: UnsafeBufferPointer<UInt8>) -> ValueType? {
        switch (word.count, word.first) {
        case (3, UInt8(ascii: "i")):
            if word[1] == UInt8(ascii: "3"), word[2] == UInt8(ascii: "2") { return .i32 }
            if word[1] == UInt8(ascii: "6"), word[2] == UInt8(ascii: "4") { return .i64 }
        case (3, UInt8(ascii: "f")):
            if word[1] == UInt8(ascii: "3"), word[2] == UInt8(ascii: "2") { return .f32 }
            if word[1] == UInt8(ascii: "6"), word[2] == UInt8(ascii: "4") { return .f64 }
        case (4, UInt8(ascii: "v")):
            if word.elementsEqual("v128".utf8) { return .v128 }
        default: break
        }
        return nil
    }
}

/// Lookup tables derived once from the opcode table.
public enum OpcodeTable {
    /// Every row, indexed by `Opcode.rawValue`.
    public static let rows: [OpcodeInfo] = Opcode.allCases.map(\.tableRow)

    /// Single-byte opcodes by their byte.
    static let singleByte: [Opcode?] = {
        var table = [Opcode?](repeating: nil, count: 256)
        for row in rows { if case .single(let b) = row.encoding { table[Int(b)] = row.opcode } }
        return table
    }()

    /// Sub-opcodes of the 0xFB (GC), 0xFC (miscellaneous) and 0xFD (SIMD) prefixes, each table as
    /// long as its highest sub-opcode needs.
    static let prefixedFB: [Opcode?] = subTable(prefix: 0xFB)
    static let prefixedFC: [Opcode?] = subTable(prefix: 0xFC)
    static let prefixedFD: [Opcode?] = subTable(prefix: 0xFD)

    private static func subTable(prefix: UInt8) -> [Opcode?] {
        var subs: [(UInt32, Opcode)] = []
        for row in rows {
            if case .prefixed(let p, let sub) = row.encoding, p == prefix { subs.append((sub, row.opcode)) }
        }
        var table = [Opcode?](repeating: nil, count: Int(subs.map(\.0).max() ?? 0) + 1)
        for (sub, opcode) in subs { table[Int(sub)] = opcode }
        return table
    }

    /// The opcode with a prefix byte and sub-opcode, if there is one.
    static func opcode(prefix: UInt8, sub: UInt32) -> Opcode? {
        let table: [Opcode?]
        switch prefix {
        case 0xFB: table = prefixedFB
        case 0xFC: table = prefixedFC
        case 0xFD: table = prefixedFD
        default: return nil
        }
        return sub < UInt32(table.count) ? table[Int(sub)] : nil
    }

    /// The first row with this text name (`select` and `ref.test`/`ref.cast` have two rows each:
    /// see ``rows(named:)``).
    public static func opcode(named name: String) -> Opcode? {
        rows.first { $0.name == name }?.opcode
    }

    /// Every row with this text name, in table order.
    public static func rows(named name: String) -> [OpcodeInfo] {
        rowsByName[name] ?? []
    }

    private static let rowsByName: [String: [OpcodeInfo]] = Dictionary(grouping: rows, by: \.name)
}
