import WasmCore

/// Instructions the text format spells as structure rather than as an opcode with immediates.
enum StructuredInstruction {
    case block, loop, `if`, `else`, end
    case tryTable
    /// Legacy exception handling.
    case `try`, `catch`, catchAll, delegate

    init?(name: String) {
        switch name {
        case "block": self = .block
        case "loop": self = .loop
        case "if": self = .if
        case "else": self = .else
        case "end": self = .end
        case "try_table": self = .tryTable
        case "try": self = .try
        case "catch": self = .catch
        case "catch_all": self = .catchAll
        case "delegate": self = .delegate
        default: return nil
        }
    }

    /// By mnemonic index (see ``Mnemonics``).
    static let byMnemonic: [StructuredInstruction?] = Mnemonics.rows.map { group in
        group.first.flatMap { StructuredInstruction(name: $0.name) }
    }

    /// The mnemonic index of each structured instruction the opcode table has.
    static let mnemonicIndex: [StructuredInstruction: Int] = {
        var indices: [StructuredInstruction: Int] = [:]
        for (index, instruction) in byMnemonic.enumerated() {
            if let instruction { indices[instruction] = index }
        }
        return indices
    }()

    /// Whether the instruction opens a block with a label.
    var opensBlock: Bool {
        switch self {
        case .block, .loop, .if, .tryTable, .try: true
        default: false
        }
    }
}

extension BinaryWriter {
    mutating func opcode(_ row: OpcodeInfo) {
        switch row.encoding {
        case .single(let byte):
            self.byte(byte)
        case .prefixed(let prefix, let sub):
            self.byte(prefix)
            u32(sub)
        }
    }
}
