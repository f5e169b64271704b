import Testing
import WasmCore
import WasmSpecTest

@testable import WasmText

/// Every module the 2.0 suite gives in text, encoded by the text parser and decoded, equals the
/// module decoded from wast2json's (wabt 1.0.32) binary of the same command.
@Suite("Structural equality with wast2json")
struct StructuralEqualityTests {
    struct Outcome {
        var compared = 0
        var equal = 0
        var problems: [String] = []
        var knownDifferences: [String] = []
    }

    /// Where wabt 1.0.32 and the reference interpreter encode the same text differently, the parser
    /// follows the reference interpreter (the spec's own implementation).
    static let knownDifferences: [String: String] = [
        // `(select (result) ...)`: wabt writes the untyped `select` (0x1B); the reference writes
        // the typed one with no types (0x1C 0x00), which is what makes the assertion's expected
        // "invalid result arity" come out of validation.
        "core-2.0/select.wast:323": "codes",
        // `(data.drop 0)` / `(memory.init 1 ...)` in a module without data segments: the reference
        // encoder writes a data count section (of 0) whenever code names a data segment, so that
        // validation reports the expected "unknown data segment"; wabt writes none, and the
        // decoder rejects its binary for that ("data count section required").
        "core-2.0/memory_init.wast:189": "data count",
        "core-2.0/memory_init.wast:226": "data count",
    ]

    static func compare(folder: String) throws -> Outcome {
        let root = try #require(SuiteFiles.root)
        // Decoded as WebAssembly 2.0, the binaries' era: in 3.0, wast2json's function indices
        // for `(elem funcref (ref.func $f))` would read as `(ref func)`, another type.
        let decoder = ModuleDecoder(features: .webAssembly2)
        var outcome = Outcome()
        for path in SuiteFiles.files(under: root + "/wast/" + folder, suffix: ".wast") {
            let name = String(path.split(separator: "/").last?.dropLast(5) ?? "")
            let jsonDirectory = root + "/json/" + folder + "/" + name
            let json = try JSONParser.parse(try #require(SuiteFiles.readFile(jsonDirectory + "/" + name + ".json")))
            // Commands that carry a module file, in order; their files are numbered together.
            let files = (json["commands"]?.arrayValue ?? []).compactMap { $0["filename"]?.stringValue }
            let script = try WastScript(
                parsing: try #require(SuiteFiles.readFile(path)), options: SuiteOptions.forScript(at: path))
            var modules: [(Int, WastModule)] = []
            for command in script.commands {
                switch command.kind {
                case .module(let module), .assertInvalid(let module, _), .assertMalformed(let module, _),
                    .assertUnlinkable(let module, _), .assertUninstantiable(let module, _):
                    modules.append((command.line, module))
                default:
                    break
                }
            }
            guard modules.count == files.count else {
                outcome.problems.append("\(path): \(modules.count) modules, \(files.count) files in the JSON script")
                continue
            }
            for ((line, module), file) in zip(modules, files) where module.form == .text {
                outcome.compared += 1
                let location = "\(folder)/\(name).wast:\(line)"
                guard case .success(let ours) = module.encoding else {
                    outcome.problems.append("\(location): text did not parse")
                    continue
                }
                guard let theirs = SuiteFiles.readFile(jsonDirectory + "/" + file) else {
                    outcome.problems.append("\(location): \(file) missing")
                    continue
                }
                let expected: Module
                do {
                    expected = try decoder.decode(theirs)
                } catch {
                    if Self.knownDifferences[location] == "data count" {
                        outcome.knownDifferences.append(location)
                    } else {
                        outcome.problems.append("\(location): wast2json's \(file) does not decode: \(error)")
                    }
                    continue
                }
                let actual: Module
                do {
                    actual = try decoder.decode(ours)
                } catch {
                    outcome.problems.append("\(location): our binary does not decode: \(error)")
                    continue
                }
                let (a, b) = (ModuleShape(actual), ModuleShape(expected))
                if a == b {
                    outcome.equal += 1
                } else if let field = Self.knownDifferences[location], a.difference(from: b) == field {
                    outcome.knownDifferences.append(location)
                } else {
                    outcome.problems.append("\(location): \(a.difference(from: b) ?? "?") differ from \(file)")
                }
            }
        }
        return outcome
    }

    @Test("core-2.0", .enabled(if: SuiteFiles.root != nil, Comment(rawValue: SuiteFiles.missing)))
    func core() throws {
        let outcome = try Self.compare(folder: "core-2.0")
        print(
            "core-2.0: \(outcome.equal) of \(outcome.compared) text modules equal, known differences: \(outcome.knownDifferences)"
        )
        for problem in outcome.problems.prefix(40) { Issue.record(Comment(rawValue: problem)) }
        #expect(outcome.problems.isEmpty)
        #expect(
            outcome.knownDifferences == [
                "core-2.0/memory_init.wast:189", "core-2.0/memory_init.wast:226", "core-2.0/select.wast:323",
            ])
        #expect(outcome.compared > 1000)
    }

    @Test("simd", .enabled(if: SuiteFiles.root != nil, Comment(rawValue: SuiteFiles.missing)))
    func simd() throws {
        let outcome = try Self.compare(folder: "simd")
        print("simd: \(outcome.equal) of \(outcome.compared) text modules equal")
        for problem in outcome.problems.prefix(40) { Issue.record(Comment(rawValue: problem)) }
        #expect(outcome.problems.isEmpty)
        #expect(outcome.compared > 400)
    }
}
