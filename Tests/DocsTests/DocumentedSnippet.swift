import Foundation
import Testing

/// A sample of the documentation that is a file of `Snippets/`: the code the page shows and the
/// output it says the code prints.
struct DocumentedSnippet: CustomTestStringConvertible {
    let name: String
    let page: String
    let code: String
    let output: String

    var testDescription: String { "\(name) (\(page))" }

    /// The snippets a Markdown page shows: a `<!-- snippet: NAME -->` line, then a Swift block,
    /// then "Prints:" and a text block.
    static func all(onPage page: String, root: URL) throws -> [DocumentedSnippet] {
        let text = try String(contentsOf: root.appendingPathComponent(page), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)[...]
        var found: [DocumentedSnippet] = []
        while let line = lines.popFirst() {
            guard line.hasPrefix("<!-- snippet: "), line.hasSuffix(" -->") else { continue }
            let name = String(line.dropFirst("<!-- snippet: ".count).dropLast(" -->".count))
            let code = try block(after: &lines, fence: "```swift", in: page, name: name)
            guard lines.first(where: { !$0.isEmpty }) == "Prints:" else {
                throw PageError(page: page, problem: "snippet \(name) has no \"Prints:\" block")
            }
            let output = try block(after: &lines, fence: "```text", in: page, name: name)
            found.append(DocumentedSnippet(name: name, page: page, code: code, output: output))
        }
        return found
    }

    /// The lines of the next fenced block that opens with `fence`, which must come before any
    /// other text.
    private static func block(
        after lines: inout ArraySlice<String>, fence: String, in page: String, name: String
    ) throws -> String {
        while let line = lines.popFirst() {
            if line.isEmpty || line == "Prints:" { continue }
            guard line == fence else { break }
            var body: [String] = []
            while let inner = lines.popFirst(), inner != "```" { body.append(inner) }
            return body.joined(separator: "\n") + "\n"
        }
        throw PageError(page: page, problem: "snippet \(name) lacks its \(fence) block")
    }

    struct PageError: Error, CustomStringConvertible {
        let page: String
        let problem: String
        var description: String { "\(page): \(problem)" }
    }
}
