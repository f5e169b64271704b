import Testing
import WasmSpecTest

@Suite("JSON parser")
struct JSONParserTests {
    @Test func scalars() throws {
        #expect(try JSONParser.parse("null") == .null)
        #expect(try JSONParser.parse(" true ") == .bool(true))
        #expect(try JSONParser.parse("false") == .bool(false))
        #expect(try JSONParser.parse("-12.5e3") == .number("-12.5e3"))
        #expect(try JSONParser.parse("0").intValue == 0)
        #expect(try JSONParser.parse("\"abc\"") == .string("abc"))
    }

    @Test func nested() throws {
        let value = try JSONParser.parse(#"{"a": [1, {"b": "c"}, []], "d": {}}"#)
        #expect(value["a"]?.arrayValue?.count == 3)
        #expect(value["a"]?.arrayValue?[1]["b"]?.stringValue == "c")
        #expect(value["d"] == .object([:]))
        #expect(value["missing"] == nil)
    }

    @Test func escapes() throws {
        #expect(try JSONParser.parse(#""\u0000\u001f\\\"\/\b\f\n\r\t""#) == .string("\u{0}\u{1F}\\\"/\u{8}\u{C}\n\r\t"))
        // A BOM and a surrogate pair, as in names.wast.
        #expect(try JSONParser.parse(#""\ufeff\ud83d\ude00""#) == .string("\u{FEFF}\u{1F600}"))
        #expect(try JSONParser.parse("\"h\u{E9}llo \u{1F600}\"") == .string("h\u{E9}llo \u{1F600}"))
    }

    @Test(arguments: [
        "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "tru", "\"abc", "\"\\x\"", "\"\\ud800\"",
        "\"\\udc00\"", "\"a\nb\"", "[1] 2", "{\"a\":1,}", "\"\\u12\"",
    ])
    func rejectsMalformed(_ text: String) {
        #expect(throws: JSONParseError.self) { try JSONParser.parse(text) }
    }

    @Test func rejectsInvalidUTF8() {
        #expect(throws: JSONParseError.self) { try JSONParser.parse([0x22, 0xFF, 0x22]) }
    }

    @Test func rejectsDeepNesting() {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONParser.parse(deep) }
    }

    @Test func wast2jsonCommand() throws {
        let text = #"""
            {"source_filename": "x.wast",
             "commands": [
              {"type": "assert_return", "line": 104,
               "action": {"type": "invoke", "field": "8u_good1", "args": [{"type": "i32", "value": "0"}]},
               "expected": [{"type": "i32", "value": "97"}]}]}
            """#
        let document = try JSONParser.parse(text)
        let command = try #require(document["commands"]?.arrayValue?.first)
        #expect(command["line"]?.intValue == 104)
        #expect(command["action"]?["field"]?.stringValue == "8u_good1")
        #expect(command["expected"]?.arrayValue?.first?["value"]?.stringValue == "97")
    }
}
