/// A gene as declared in DOL: its name and its typed `has` fields, in order.

import Vudo
import WasmCore

public struct DOLGene: Sendable, Hashable {
    public struct Field: Sendable, Hashable {
        public let name: String
        /// As written: a primitive (`i64`, `Int64`, ...) or another gene's name.
        public let typeName: String
        public let line: Int
    }

    public let name: String
    public let fields: [Field]
    public let line: Int
}

/// Reads the gene declarations of a DOL file: `gene Name { has field: Type ... }` and the short
/// `gen Name { ... }`. Everything else (other declarations, other clauses inside a gene such as
/// `is`, `derives from`, `exegesis { ... }`, untyped `has`) is skipped.
public enum DOLGeneParser {
    public static func parse(_ source: String) throws(CodegenError) -> [DOLGene] {
        let tokens = tokenize(source)
        var genes: [DOLGene] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            if token.text == "gene" || token.text == "gen", index + 1 < tokens.count, tokens[index + 1].isIdentifier {
                let name = tokens[index + 1].text
                // Skip a version (`@1.0.0`) or anything else up to the body.
                var open = index + 2
                while open < tokens.count, tokens[open].text != "{", tokens[open].text != "}" { open += 1 }
                guard open < tokens.count, tokens[open].text == "{" else {
                    throw CodegenError(line: token.line, "gene \(name) has no body")
                }
                let (fields, end) = try parseBody(tokens, from: open + 1, gene: name)
                genes.append(DOLGene(name: name, fields: fields, line: token.line))
                index = end
            } else if token.text == "{" {
                index = try skipBlock(tokens, from: index + 1)
            } else {
                index += 1
            }
        }
        return genes
    }

    /// Collects the typed `has` clauses at the body's top level; returns them and the index after `}`.
    private static func parseBody(
        _ tokens: [Token], from start: Int, gene: String
    ) throws(CodegenError) -> ([DOLGene.Field], Int) {
        var fields: [DOLGene.Field] = []
        var index = start
        while index < tokens.count {
            let token = tokens[index]
            switch token.text {
            case "}":
                return (fields, index + 1)
            case "{":
                index = try skipBlock(tokens, from: index + 1)
            case "has"
            where index + 3 < tokens.count && tokens[index + 1].isIdentifier
                && tokens[index + 2].text == ":" && tokens[index + 3].isIdentifier:
                let name = tokens[index + 1].text
                guard !fields.contains(where: { $0.name == name }) else {
                    throw CodegenError(line: token.line, "gene \(gene) declares field '\(name)' twice")
                }
                fields.append(DOLGene.Field(name: name, typeName: tokens[index + 3].text, line: token.line))
                index += 4
                if index < tokens.count, tokens[index].text == "<" {
                    throw CodegenError(line: token.line, "field \(gene).\(name): generic types have no gene layout")
                }
            default:
                index += 1
            }
        }
        throw CodegenError(line: tokens.last?.line, "gene \(gene) is not closed with '}'")
    }

    /// Skips to just after the `}` closing a block whose `{` came before `start`.
    private static func skipBlock(_ tokens: [Token], from start: Int) throws(CodegenError) -> Int {
        var depth = 1
        var index = start
        while index < tokens.count {
            if tokens[index].text == "{" { depth += 1 }
            if tokens[index].text == "}" { depth -= 1 }
            index += 1
            if depth == 0 { return index }
        }
        throw CodegenError(line: tokens.last?.line, "unbalanced '{'")
    }

    // MARK: Tokens

    struct Token {
        let text: String
        let line: Int
        var isIdentifier: Bool {
            guard let first = text.unicodeScalars.first else { return false }
            return first == "_" || first.properties.isAlphabetic
        }
    }

    /// Identifiers (with dots, for qualified names), numbers, single-character punctuation;
    /// strings and `//`, `/* */` comments dropped.
    static func tokenize(_ source: String) -> [Token] {
        var tokens: [Token] = []
        let scalars = Array(source.unicodeScalars)
        var line = 1
        var index = 0
        func isWordScalar(_ s: Unicode.Scalar) -> Bool {
            s == "_" || s == "." || s.properties.isAlphabetic || ("0"..."9").contains(s)
        }
        while index < scalars.count {
            let scalar = scalars[index]
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\n" {
                line += 1
                index += 1
            } else if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "/", next == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
            } else if scalar == "/", next == "*" {
                index += 2
                while index < scalars.count,
                    !(scalars[index] == "*" && index + 1 < scalars.count && scalars[index + 1] == "/")
                {
                    if scalars[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 2
            } else if scalar == "\"" {
                index += 1
                while index < scalars.count, scalars[index] != "\"" {
                    if scalars[index] == "\\" { index += 1 }
                    if index < scalars.count, scalars[index] == "\n" { line += 1 }
                    index += 1
                }
                index += 1
            } else if isWordScalar(scalar) {
                var word = String.UnicodeScalarView()
                while index < scalars.count, isWordScalar(scalars[index]) {
                    word.append(scalars[index])
                    index += 1
                }
                tokens.append(Token(text: String(word), line: line))
            } else {
                tokens.append(Token(text: String(scalar), line: line))
                index += 1
            }
        }
        return tokens
    }
}
