import Foundation
import Testing

/// The samples of the documentation are the files of `Snippets/`, built and run by a package that
/// depends on Vudo by path as a user's would; each must print what its page says it prints.
@Suite(.serialized)
struct SnippetTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let pages = [
        "README.md", "docs/getting-started.md", "docs/guide.md", "Sources/Vudo/Vudo.docc/GettingStarted.md",
        "Sources/VudoWASI/VudoWASI.docc/RunningWASIPrograms.md",
    ]

    static var snippetFiles: [String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Snippets").path)) ?? []
        return names.filter { $0.hasSuffix(".swift") }.map { String($0.dropLast(".swift".count)) }.sorted()
    }

    /// Each snippet once: a page that shows it again shows the same file, which the first test
    /// checks, and must say it prints the same.
    static var documented: [DocumentedSnippet] {
        let all = (try? pages.flatMap { try DocumentedSnippet.all(onPage: $0, root: root) }) ?? []
        return all.filter { snippet in all.first { $0.name == snippet.name }!.page == snippet.page }
    }

    static let swift: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/swift" } + ["/opt/swift/usr/bin/swift"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// The package is built once for all the snippets; nil when the build succeeded.
    static let buildFailure = Task<String?, Never> {
        guard let swift else { return "no swift executable" }
        do {
            return try await SnippetPackage(root: root, names: snippetFiles).build(swift: swift)
        } catch {
            return "\(error)"
        }
    }

    @Test func everySnippetIsShownAsItIsWritten() throws {
        var outputs: [String: String] = [:]
        for page in Self.pages {
            for snippet in try DocumentedSnippet.all(onPage: page, root: Self.root) {
                let file = try String(
                    contentsOf: Self.root.appendingPathComponent("Snippets/\(snippet.name).swift"), encoding: .utf8)
                #expect(
                    snippet.code == file, "\(page) shows another \(snippet.name) than Snippets/\(snippet.name).swift")
                if let output = outputs[snippet.name] {
                    #expect(snippet.output == output, "\(page) says \(snippet.name) prints something else")
                }
                outputs[snippet.name] = snippet.output
            }
        }
        #expect(Set(outputs.keys) == Set(Self.snippetFiles), "each file of Snippets/ is shown, and only those")
    }

    @Test(.enabled(if: swift != nil, "needs a swift executable"), arguments: documented)
    func printsWhatThePageSays(_ snippet: DocumentedSnippet) async throws {
        if let failure = await Self.buildFailure.value {
            Issue.record("the snippet package does not build:\n\(failure)")
            return
        }
        let run = try await SnippetPackage(root: Self.root, names: Self.snippetFiles).run(snippet.name)
        #expect(run.status == 0, "\(snippet.name) exited with \(run.status): \(run.error)")
        #expect(run.output == snippet.output)
    }
}
