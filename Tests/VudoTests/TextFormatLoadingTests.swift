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

    @Test func uncaughtExceptionIsATypedError() async throws {
        let spirit = try await loadSpirit(
            wat: """
                (module
                  (tag $e (param i32))
                  (func (export "fail") (param i32) (throw $e (local.get 0)))
                  (func (export "recover") (param i32) (result i32)
                    (block $h (result i32)
                      (try_table (result i32) (catch $e $h) (call 0 (local.get 0)) (i32.const -1)))))
                """)
        #expect(try await spirit.call("recover", [.i32(5)]) == [.i32(5)])
        do {
            _ = try await spirit.call("fail", [.i32(9)])
            Issue.record("fail returned")
        } catch {
            guard case .uncaughtException(let function, let exception) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(function == "fail")
            #expect(exception.values == [.i32(9)])
        }
        // The Spirit stays usable.
        #expect(try await spirit.call("recover", [.i32(6)]) == [.i32(6)])
    }
}
