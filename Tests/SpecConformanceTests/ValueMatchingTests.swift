import Testing
import WasmCore
import WasmSpecTest

@Suite("Expected-value matching")
struct ValueMatchingTests {
    @Test func canonicalNaN() {
        #expect(ValueMatching.f32(bits: 0x7FC0_0000, matches: .canonical))
        #expect(ValueMatching.f32(bits: 0xFFC0_0000, matches: .canonical))
        #expect(!ValueMatching.f32(bits: 0x7FC0_0001, matches: .canonical))
        #expect(!ValueMatching.f32(bits: 0x7FA0_0000, matches: .canonical))  // signalling
        #expect(!ValueMatching.f32(bits: 0x7F80_0000, matches: .canonical))  // infinity
        #expect(ValueMatching.f64(bits: 0x7FF8_0000_0000_0000, matches: .canonical))
        #expect(ValueMatching.f64(bits: 0xFFF8_0000_0000_0000, matches: .canonical))
        #expect(!ValueMatching.f64(bits: 0x7FF8_0000_0000_0001, matches: .canonical))
        #expect(!ValueMatching.f64(bits: 0x7FF0_0000_0000_0000, matches: .canonical))
    }

    @Test func arithmeticNaN() {
        #expect(ValueMatching.f32(bits: 0x7FC0_0000, matches: .arithmetic))
        #expect(ValueMatching.f32(bits: 0xFFC1_2345, matches: .arithmetic))
        #expect(!ValueMatching.f32(bits: 0x7FA0_0000, matches: .arithmetic))  // quiet bit clear
        #expect(!ValueMatching.f32(bits: 0x3FC0_0000, matches: .arithmetic))  // not a NaN
        #expect(ValueMatching.f64(bits: 0xFFFF_FFFF_FFFF_FFFF, matches: .arithmetic))
        #expect(!ValueMatching.f64(bits: 0x7FF4_0000_0000_0000, matches: .arithmetic))
        #expect(!ValueMatching.f64(bits: 0x3FF8_0000_0000_0000, matches: .arithmetic))
    }

    @Test func exactComparisonIsByBits() {
        #expect(ValueMatching.matches(.f32(0x8000_0000), .exact(.f32(0x8000_0000))))
        #expect(!ValueMatching.matches(.f32(0x0000_0000), .exact(.f32(0x8000_0000))))  // -0 ≠ +0
        #expect(!ValueMatching.matches(.f32(0x7FC0_0001), .exact(.f32(0x7FC0_0000))))  // NaN payloads
        #expect(!ValueMatching.matches(.i32(1), .exact(.i64(1))))
        #expect(!ValueMatching.matches(.i32(0x7FC0_0000), .f32NaN(.canonical)))  // wrong type
        #expect(ValueMatching.matches(.funcref(nil), .exact(.funcref(nil))))
        #expect(ValueMatching.matches(.externref(ExternAddress(3)), .exact(.externref(ExternAddress(3)))))
        #expect(!ValueMatching.matches(.externref(nil), .exact(.externref(ExternAddress(0)))))
    }

    @Test func v128Lanes() throws {
        let json = try JSONParser.parse(
            #"""
            {"type": "v128", "lane_type": "f32", "value": ["0", "nan:canonical", "1065353216", "nan:arithmetic"]}
            """#)
        let expected = try #require(try? ExpectedValue(parsing: json))
        let matching = V128(low: 0x7FC0_0000_0000_0000, high: 0xFFC0_0001_3F80_0000)
        #expect(ValueMatching.matches(.v128(matching), expected))
        let wrongCanonical = V128(low: 0x7FC0_0001_0000_0000, high: 0xFFC0_0001_3F80_0000)
        #expect(!ValueMatching.matches(.v128(wrongCanonical), expected))
        let wrongExact = V128(low: 0x7FC0_0000_0000_0001, high: 0xFFC0_0001_3F80_0000)
        #expect(!ValueMatching.matches(.v128(wrongExact), expected))
    }

    @Test func v128IntegerLanesAreLittleEndian() throws {
        let json = try JSONParser.parse(
            #"""
            {"type": "v128", "lane_type": "i16", "value": ["1", "2", "3", "4", "5", "6", "7", "65535"]}
            """#)
        let expected = try #require(try? ExpectedValue(parsing: json))
        let vector = V128(low: 0x0004_0003_0002_0001, high: 0xFFFF_0007_0006_0005)
        #expect(ValueMatching.matches(.v128(vector), expected))
    }

    @Test func rejectsMalformedValues() throws {
        for text in [
            #"{"type": "i32", "value": "4294967296"}"#,
            #"{"type": "i32", "value": "-1"}"#,
            #"{"type": "f32"}"#,
            #"{"type": "v128", "lane_type": "i32", "value": ["1", "2", "3"]}"#,
            #"{"type": "v128", "lane_type": "i8", "value": ["256", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0"]}"#,
            #"{"type": "v128", "lane_type": "i32", "value": ["nan:canonical", "0", "0", "0"]}"#,
            #"{"type": "funcref", "value": "3"}"#,
            #"{"type": "anyref", "value": "null"}"#,
        ] {
            #expect(throws: (any Error).self, "\(text)") { try ExpectedValue(parsing: JSONParser.parse(text)) }
        }
    }
}

@Suite("Argument parsing")
struct ArgumentParsingTests {
    @Test func unsignedBitPatterns() throws {
        #expect(try Value(parsing: JSONParser.parse(#"{"type": "i32", "value": "4294967295"}"#)) == .i32(0xFFFF_FFFF))
        #expect(try Value(parsing: JSONParser.parse(#"{"type": "i64", "value": "18446744073709551615"}"#)) == .i64(~0))
        #expect(try Value(parsing: JSONParser.parse(#"{"type": "f32", "value": "2147483648"}"#)) == .f32(0x8000_0000))
        #expect(try Value(parsing: JSONParser.parse(#"{"type": "externref", "value": "null"}"#)) == .externref(nil))
        #expect(
            try Value(parsing: JSONParser.parse(#"{"type": "externref", "value": "7"}"#))
                == .externref(ExternAddress(7)))
        #expect(try Value(parsing: JSONParser.parse(#"{"type": "funcref", "value": "null"}"#)) == .funcref(nil))
    }

    @Test func v128Argument() throws {
        let json = try JSONParser.parse(
            #"{"type": "v128", "lane_type": "i64", "value": ["1", "18446744073709551615"]}"#)
        #expect(try Value(parsing: json) == .v128(V128(low: 1, high: ~0)))
    }

    @Test func nanPatternIsNotAnArgument() throws {
        let json = try JSONParser.parse(#"{"type": "f32", "value": "nan:canonical"}"#)
        #expect(throws: (any Error).self) { try Value(parsing: json) }
    }
}
