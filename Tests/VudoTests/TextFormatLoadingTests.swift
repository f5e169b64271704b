import Testing
import Vudo

/// Spirits written in the text format load like binary ones.
@Suite("Loading from the text format")
struct TextFormatLoadingTests {
    @Test func loadSpiritFromText() async throws {
        let spirit = try await loadSpirit(
            wat: """
                (module
                  (func (export "add") (param $a i32) (param $b i32) (result i32)
                    (i32.add (local.get $a) (local.get $b))))
                """)
        #expect(try await spirit.call("add", [.i32(2), .i32(40)]) == [.i32(42)])
    }

    @Test func malformedTextIsATypedError() async {
        do {
            _ = try await loadSpirit(wat: "(module (func (export \"f\") i32.frobnicate))")
            Issue.record("malformed text loaded")
        } catch {
            guard case .textFormat(let textError) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(textError.description == "1:28: unknown operator i32.frobnicate")
        }
    }
}
