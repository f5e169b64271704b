import Testing

@testable import WasmText

/// Malformed text never crashes the parser: the repository's fixtures, cut short and with bytes
/// changed at random (a fixed seed, so a failure reproduces), either parse or throw.
@Suite("Hostile text")
struct HostileTextTests {
    /// A small deterministic generator (SplitMix64).
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(max(bound, 1))) }
    }

    /// Bytes that matter to the lexer and the parser.
    static let interesting: [UInt8] = Array("()\";$@\\ \n0x.-_pe".utf8) + [0x00, 0x7F, 0x80, 0xC3, 0xE2, 0xF0, 0xFF]

    @Test func mutatedFixturesParseOrThrow() throws {
        var sources: [[UInt8]] = []
        for folder in ["Fixtures", "Fixtures/spirits", "Fixtures/seance"] {
            for name in SuiteFiles.listDirectory(folder) where name.hasSuffix(".wat") {
                sources.append(try #require(SuiteFiles.readFile(folder + "/" + name)))
            }
        }
        try #require(!sources.isEmpty)
        var random = Generator(state: 17)
        var parsed = 0
        var rejected = 0
        for round in 0..<3000 {
            var bytes = sources[round % sources.count]
            switch random.below(4) {
            case 0:
                bytes = Array(bytes.prefix(random.below(bytes.count)))
            case 1:
                for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                    bytes[random.below(bytes.count)] = Self.interesting[random.below(Self.interesting.count)]
                }
            case 2:
                for _ in 0..<(1 + random.below(4)) where !bytes.isEmpty {
                    bytes.insert(Self.interesting[random.below(Self.interesting.count)], at: random.below(bytes.count))
                }
            default:
                let start = random.below(bytes.count)
                bytes.removeSubrange(start..<min(bytes.count, start + random.below(64)))
            }
            do {
                _ = try WAT.encode(bytes)
                parsed += 1
            } catch {
                #expect(error.line >= 1 && error.column >= 1)
                rejected += 1
            }
            // The same bytes as a script, which parses differently.
            _ = try? WastScript(parsing: bytes)
        }
        #expect(parsed + rejected == 3000)
        #expect(rejected > 1000)
    }
}
