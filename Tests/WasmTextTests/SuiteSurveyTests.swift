import Testing
import WasmCore
@testable import WasmText

@Suite("Spec suite survey")
struct SuiteSurveyTests {
    @Test("every script parses", .enabled(if: SuiteFiles.root != nil, Comment(rawValue: SuiteFiles.missing)))
    func everyScriptParses() throws {
        let root = try #require(SuiteFiles.root)
        var scripts = 0
        var malformedMatched = 0
        var malformedMismatched: [String] = []
        var unexpectedFailures: [String] = []
        for folder in ["wast", "wast-unconverted"] {
            for path in SuiteFiles.files(under: root + "/" + folder, suffix: ".wast") {
                let bytes = try #require(SuiteFiles.readFile(path))
                let options = SuiteOptions.forScript(at: path)
                let script: WastScript
                do {
                    script = try WastScript(parsing: bytes, options: options)
                } catch {
                    Issue.record("\(path): \(error)")
                    continue
                }
                scripts += 1
                func visit(_ commands: [WastCommand]) {
                    for command in commands {
                        switch command.kind {
                        case .module(let module), .assertInvalid(let module, _), .assertUnlinkable(let module, _),
                            .assertUninstantiable(let module, _):
                            if case .failure(let error) = module.encoding {
                                unexpectedFailures.append("\(path):\(command.line): \(error)")
                            }
                        case .assertMalformed(let module, let message):
                            guard module.form != .binary else { continue }
                            switch module.encoding {
                            case .success:
                                malformedMismatched.append("\(path):\(command.line): parsed, expected \"\(message)\"")
                            case .failure(let error):
                                if error.message.hasPrefix(message) {
                                    malformedMatched += 1
                                } else {
                                    malformedMismatched.append("\(path):\(command.line): \"\(error.message)\", expected \"\(message)\"")
                                }
                            }
                        case .thread(_, _, let inner):
                            visit(inner)
                        default:
                            break
                        }
                    }
                }
                visit(script.commands)
            }
        }
        print("scripts: \(scripts), malformed matched: \(malformedMatched), mismatched: \(malformedMismatched.count), unexpected failures: \(unexpectedFailures.count)")
        for line in malformedMismatched.prefix(300) { print("MALFORMED " + line) }
        for line in unexpectedFailures.prefix(300) { print("FAILURE " + line) }
    }
}
