import TestSupport
import Testing
import WasmCore

@testable import WasmText

/// Every script of the spec suite, `.wast` as written (`wast/`, and `wast-unconverted/`, which
/// wast2json cannot read), parses; every module in it parses, except where the script is about
/// malformed text, which must then fail with the suite's wording.
@Suite("Spec suite scripts")
struct SuiteSurveyTests {
    struct Survey: Sendable {
        var scripts = 0
        var unparsedScripts: [String] = []
        var malformedMatched = 0
        var malformedMismatched: [String] = []
        /// Modules (outside `assert_malformed`) whose text does not parse, by folder.
        var unreadableModules: [String: Int] = [:]
        var unreadableExamples: [String] = []
    }

    static func survey(root: String) -> Survey {
        var survey = Survey()
        for folder in ["wast", "wast-unconverted"] {
            for path in SuiteFiles.files(under: root + "/" + folder, suffix: ".wast") {
                guard let bytes = SuiteFiles.readFile(path) else {
                    survey.unparsedScripts.append("\(path): unreadable")
                    continue
                }
                let script: WastScript
                do {
                    script = try WastScript(parsing: bytes, options: SuiteOptions.forScript(at: path))
                } catch {
                    survey.unparsedScripts.append("\(path): \(error)")
                    continue
                }
                survey.scripts += 1
                let scriptFolder = String(
                    path.dropFirst(root.count + 1).split(separator: "/").dropLast().joined(separator: "/"))
                survey.visit(script.commands, path: path, folder: scriptFolder)
            }
        }
        return survey
    }

    @Test("every script and module parses", .enabled(if: SuiteFiles.root != nil, Comment(rawValue: SuiteFiles.missing)))
    func everyScriptParses() async throws {
        let root = try #require(SuiteFiles.root)
        // Some fifteen seconds of parsing in a debug build: on a thread of its own.
        let survey = try await offThePool { Self.survey(root: root) }
        for script in survey.unparsedScripts { Issue.record(Comment(rawValue: script)) }
        #expect(survey.scripts == 613)
        // Text-format `assert_malformed` commands (module quote), each failing with the reference
        // interpreter's text as a prefix of ours.
        for mismatch in survey.malformedMismatched.prefix(20) { Issue.record(Comment(rawValue: mismatch)) }
        #expect(survey.malformedMismatched.isEmpty)
        #expect(survey.malformedMatched == 2913)
        // Only proposals beyond 3.0 whose instructions the opcode table does not list yet: threads'
        // atomics, wide arithmetic, custom descriptors.
        #expect(
            survey.unreadableModules == [
                "wast/proposals/threads": 51,
                "wast-unconverted/proposals/wide-arithmetic": 9,
                "wast-unconverted/proposals/custom-descriptors": 118,
            ], "\(survey.unreadableExamples.prefix(10))")
    }
}

extension SuiteSurveyTests.Survey {
    mutating func visit(_ commands: [WastCommand], path: String, folder: String) {
        for command in commands {
            switch command.kind {
            case .module(let module), .assertInvalid(let module, _), .assertUnlinkable(let module, _),
                .assertUninstantiable(let module, _):
                if case .failure(let error) = module.encoding {
                    unreadableModules[folder, default: 0] += 1
                    unreadableExamples.append("\(path):\(command.line): \(error)")
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
                        malformedMismatched.append(
                            "\(path):\(command.line): \"\(error.message)\", expected \"\(message)\"")
                    }
                }
            case .thread(_, _, let inner):
                visit(inner, path: path, folder: folder)
            default:
                break
            }
        }
    }
}
