import WasmCore

/// What a keyword's spelling means: a syntax keyword, an instruction name, both, or neither.
struct KeywordMeaning: Sendable {
    var keyword: Keyword
    /// Index into ``Mnemonics/rows``, or -1.
    var mnemonic: Int32
}

/// The instruction names of the opcode table, grouped by name. Most names have one row; some have
/// two that the immediates tell apart (`select` and typed `select`, the nullable and non-nullable
/// `ref.test`/`ref.cast`).
enum Mnemonics {
    static let rows: [[OpcodeInfo]] = {
        var groups: [[OpcodeInfo]] = []
        var indexByName: [String: Int] = [:]
        for row in OpcodeTable.rows {
            if let index = indexByName[row.name] {
                groups[index].append(row)
            } else {
                indexByName[row.name] = groups.count
                groups.append([row])
            }
        }
        return groups
    }()
}

/// An open-addressing hash table from byte strings to their meaning, built once. The lexer looks up
/// every keyword token here, straight from the source bytes, without making a `String`.
struct KeywordTable: Sendable {
    private var keys: [[UInt8]?]
    private var values: [KeywordMeaning]
    private let mask: Int

    static let shared = KeywordTable()

    private init() {
        var entries: [([UInt8], KeywordMeaning)] = []
        var positionByText: [[UInt8]: Int] = [:]
        for keyword in Keyword.allCases where !keyword.text.isEmpty {
            positionByText[Array(keyword.text.utf8)] = entries.count
            entries.append((Array(keyword.text.utf8), KeywordMeaning(keyword: keyword, mnemonic: -1)))
        }
        for (index, group) in Mnemonics.rows.enumerated() {
            guard let name = group.first?.name else { continue }
            let bytes = Array(name.utf8)
            if let position = positionByText[bytes] {
                entries[position].1.mnemonic = Int32(index)
            } else {
                entries.append((bytes, KeywordMeaning(keyword: .notAKeyword, mnemonic: Int32(index))))
            }
        }
        var capacity = 16
        while capacity < entries.count * 4 { capacity *= 2 }
        mask = capacity - 1
        keys = [[UInt8]?](repeating: nil, count: capacity)
        values = [KeywordMeaning](repeating: KeywordMeaning(keyword: .notAKeyword, mnemonic: -1), count: capacity)
        for (bytes, meaning) in entries {
            var slot = Self.hash(bytes[...]) & mask
            while keys[slot] != nil { slot = (slot + 1) & mask }
            keys[slot] = bytes
            values[slot] = meaning
        }
    }

    private static func hash(_ bytes: ArraySlice<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* 0x100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func lookup(_ bytes: ArraySlice<UInt8>) -> KeywordMeaning? {
        var slot = Self.hash(bytes) & mask
        while let key = keys[slot] {
            if key.count == bytes.count && key.elementsEqual(bytes) { return values[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
