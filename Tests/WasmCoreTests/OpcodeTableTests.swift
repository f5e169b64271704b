import Foundation
import Testing
import WasmCore

/// The opcode table is the single source of truth: encodings are unique, the decoder maps each
/// encoding back to its opcode, and docs/opcodes.md is exactly what the table renders.
@Suite struct OpcodeTableTests {
    @Test func everyOpcodeHasOneRow() {
        #expect(OpcodeTable.rows.count == Opcode.allCases.count)
        for (index, row) in OpcodeTable.rows.enumerated() {
            #expect(Int(row.opcode.rawValue) == index)
            #expect(row.opcode.info.name == row.name)
        }
    }

    @Test func encodingsAreUnique() {
        var seen: [OpcodeEncoding: Opcode] = [:]
        for row in OpcodeTable.rows {
            if let other = seen[row.encoding] {
                Issue.record("\(row.name) and \(other.info.name) share the encoding \(row.encoding)")
            }
            seen[row.encoding] = row.opcode
        }
        #expect(seen.count == OpcodeTable.rows.count)
    }

    /// Text-format names with two encodings, told apart by their immediates: `select` (0x1B, and
    /// 0x1C with types), `ref.test` and `ref.cast` (a nullable target has its own opcode).
    private static let sharedNames: [Opcode: Opcode] = [
        .selectTyped: .select, .refTestNull: .refTest, .refCastNull: .refCast,
    ]

    @Test func namesAreUnique() {
        let names = OpcodeTable.rows.filter { Self.sharedNames[$0.opcode] == nil }.map(\.name)
        #expect(Set(names).count == names.count)
        for (second, first) in Self.sharedNames {
            #expect(second.info.name == first.info.name)
            #expect(OpcodeTable.rows(named: first.info.name).map(\.opcode) == [first, second])
        }
        for row in OpcodeTable.rows where Self.sharedNames[row.opcode] == nil {
            #expect(OpcodeTable.opcode(named: row.name) == row.opcode)
        }
    }

    @Test func prefixesAreNotOpcodes() {
        for row in OpcodeTable.rows {
            if case .single(let byte) = row.encoding {
                #expect(![0xFB, 0xFC, 0xFD].contains(byte), "\(row.name)")
            }
        }
    }

    /// Every row outside the 2.0 baseline names its feature; the 2.0 rows name none but SIMD's.
    @Test func featuresFollowTheProposals() {
        #expect(Opcode.i32Add.info.feature == nil)
        #expect(Opcode.i8x16Add.info.feature == .simd)
        #expect(Opcode.returnCall.info.feature == .tailCall)
        #expect(Opcode.callRef.info.feature == .functionReferences)
        #expect(Opcode.tryTable.info.feature == .exceptionHandling)
        #expect(Opcode.delegate.info.feature == .legacyExceptions)
        #expect(Opcode.structNew.info.feature == .gc)
        #expect(Opcode.i16x8RelaxedDotI8x16I7x16S.info.feature == .relaxedSIMD)
        for row in OpcodeTable.rows where row.feature == .gc {
            if case .prefixed(let prefix, _) = row.encoding { #expect(prefix == 0xFB, "\(row.name)") }
        }
    }

    /// With a feature disabled, its instructions are illegal opcodes, as in WebAssembly 2.0.
    @Test func disabledFeaturesAreIllegalOpcodes() throws {
        var reader = ByteReader(bytes: [0x12, 0x00])
        #expect(throws: DecodingError("illegal opcode 12", offset: 0)) {
            try reader.readInstruction(features: .webAssembly2)
        }
        var enabled = ByteReader(bytes: [0x12, 0x00])
        #expect(try enabled.readInstruction(features: .webAssembly3).opcode == .returnCall)
    }

    /// Minimal well-formed immediates for each kind.
    private func immediateBytes(_ kind: ImmediateKind) -> [UInt8] {
        switch kind {
        case .none: []
        case .blockType: [0x40]
        case .labelIndex, .functionIndex, .localIndex, .globalIndex, .tableIndex, .dataIndex, .elementIndex,
            .typeIndex, .tagIndex:
            [0x03]
        case .branchTable: [0x02, 0x00, 0x01, 0x02]
        case .callIndirect: [0x01, 0x00]
        case .selectTypes: [0x01, 0x7F]
        case .memoryArgument: [0x00, 0x10]
        case .memoryIndex: [0x00]
        case .i32Constant: [0x7F]
        case .i64Constant: [0x80, 0x7F]
        case .f32Constant: [0x00, 0x00, 0x80, 0x3F]
        case .f64Constant: [0, 0, 0, 0, 0, 0, 0xF0, 0x3F]
        case .heapType: [0x70]
        case .castTarget: [0x6E]
        case .tryTable: [0x40, 0x02, 0x00, 0x01, 0x00, 0x02, 0x00]
        case .fieldAccess, .typeAndCount, .typeAndData, .typeAndElement, .twoTypes: [0x01, 0x02]
        case .castBranch: [0x03, 0x00, 0x6E, 0x6B]
        case .memoryInit: [0x01, 0x00]
        case .memoryCopy: [0x00, 0x00]
        case .tableInit, .tableCopy: [0x01, 0x02]
        case .v128Constant, .shuffleLanes: [UInt8](0..<16)
        case .lane: [0x01]
        case .memoryLane: [0x00, 0x10, 0x01]
        }
    }

    private func encodingBytes(_ encoding: OpcodeEncoding, padded: Bool = false) -> [UInt8] {
        switch encoding {
        case .single(let byte): return [byte]
        case .prefixed(let prefix, let sub):
            // A u32 LEB128 may be padded to five bytes.
            if padded {
                var bytes: [UInt8] = []
                var value = sub
                for index in 0..<5 {
                    bytes.append(UInt8(value & 0x7F) | (index < 4 ? 0x80 : 0))
                    value >>= 7
                }
                return [prefix] + bytes
            }
            return [prefix] + Binary.unsigned(UInt64(sub))
        }
    }

    @Test func everyEncodingDecodesToItsOpcode() throws {
        for row in OpcodeTable.rows {
            for padded in [false, true] {
                let bytes = encodingBytes(row.encoding, padded: padded) + immediateBytes(row.immediates)
                var reader = ByteReader(bytes: bytes)
                let instruction = try reader.readInstruction()
                #expect(instruction.opcode == row.opcode, "\(row.name) \(bytes)")
                #expect(reader.isAtEnd, "\(row.name): immediates not consumed")
                #expect(instruction.offset == 0)
            }
        }
    }

    @Test func immediatesDecodeToTheirValues() throws {
        func decode(_ bytes: [UInt8]) throws -> Instruction {
            var reader = ByteReader(bytes: bytes)
            return try reader.readInstruction()
        }
        #expect(try decode([0x41, 0x7F]).immediate == .i32(-1))
        #expect(try decode([0x42, 0x80, 0x7F]).immediate == .i64(-128))
        #expect(try decode([0x43, 0x00, 0x00, 0xC0, 0x7F]).immediate == .f32(0x7FC0_0000))
        #expect(
            try decode([0x0E, 0x02, 0x00, 0x01, 0x02]).immediate == .branchTable(targets: [0, 1], defaultTarget: 2))
        #expect(try decode([0x11, 0x01, 0x00]).immediate == .indexPair(1, 0))
        #expect(try decode([0x28, 0x02, 0x10]).immediate == .memory(MemoryArgument(align: 2, offset: 16)))
        #expect(try decode([0x1C, 0x01, 0x7E]).immediate == .selectTypes([.i64]))
        #expect(try decode([0xD0, 0x6F]).immediate == .heapType(.extern))
    }

    @Test func bytesOutsideTheTableAreIllegal() {
        var single = Set<UInt8>()
        var fc = Set<UInt32>()
        var fd = Set<UInt32>()
        var fb = Set<UInt32>()
        for row in OpcodeTable.rows {
            switch row.encoding {
            case .single(let b): single.insert(b)
            case .prefixed(0xFB, let sub): fb.insert(sub)
            case .prefixed(0xFC, let sub): fc.insert(sub)
            case .prefixed(_, let sub): fd.insert(sub)
            }
        }
        // The reference decoder names the bytes in hex, as `%02x`: "illegal opcode fc 1f".
        func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return digits.count < 2 ? "0" + digits : digits
        }
        for byte in UInt8.min...UInt8.max where !single.contains(byte) && ![0xFB, 0xFC, 0xFD].contains(byte) {
            var reader = ByteReader(bytes: [byte, 0, 0, 0, 0])
            #expect(throws: DecodingError("illegal opcode \(hex(UInt32(byte)))", offset: 0)) {
                try reader.readInstruction()
            }
        }
        for sub in UInt32(0)..<300 where !fc.contains(sub) {
            var reader = ByteReader(bytes: [0xFC] + Binary.unsigned(UInt64(sub)) + [0, 0, 0])
            #expect(throws: DecodingError("illegal opcode fc \(hex(sub))", offset: 0)) { try reader.readInstruction() }
        }
        for sub in UInt32(0)..<300 where !fb.contains(sub) {
            var reader = ByteReader(bytes: [0xFB] + Binary.unsigned(UInt64(sub)) + [0, 0, 0])
            #expect(throws: DecodingError("illegal opcode fb \(hex(sub))", offset: 0)) { try reader.readInstruction() }
        }
        for sub in UInt32(0)..<300 where !fd.contains(sub) {
            var reader = ByteReader(bytes: [0xFD] + Binary.unsigned(UInt64(sub)) + [UInt8](repeating: 0, count: 20))
            #expect(throws: DecodingError("illegal opcode fd \(hex(sub))", offset: 0)) { try reader.readInstruction() }
        }
    }

    @Test func knownEncodings() {
        #expect(Opcode.unreachable.info.encoding == .single(0x00))
        #expect(Opcode.i32Add.info.encoding == .single(0x6A))
        #expect(Opcode.i32Add.info.signature?.parameters == [.i32, .i32])
        #expect(Opcode.i32Add.info.signature?.results == [.i32])
        #expect(Opcode.memoryInit.info.encoding == .prefixed(0xFC, 8))
        #expect(Opcode.i32TruncSatF32S.info.encoding == .prefixed(0xFC, 0))
        #expect(Opcode.i32Load.info.immediates == .memoryArgument(naturalAlignment: 2))
        #expect(Opcode.i64Load.info.immediates == .memoryArgument(naturalAlignment: 3))
        #expect(Opcode.call.info.signature == nil)
    }

    @Test func markdownListsEveryOpcode() {
        let markdown = OpcodeReference.markdown()
        for row in OpcodeTable.rows {
            #expect(markdown.contains("| `\(row.name)` |"), "\(row.name) missing")
        }
        #expect(markdown.contains("Total: \(OpcodeTable.rows.count) opcodes."))
    }

    @Test func committedReferenceIsUpToDate() throws {
        let path = Fixtures.packageRoot + "/docs/opcodes.md"
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("docs/opcodes.md is missing: run `swift run vudo opcodes --markdown > docs/opcodes.md`")
            return
        }
        let committed = String(decoding: data, as: UTF8.self)
        #expect(
            committed == OpcodeReference.markdown(),
            "docs/opcodes.md is out of date: run `swift run vudo opcodes --markdown > docs/opcodes.md`")
    }
}
