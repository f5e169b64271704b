/// Why a text-format module or script could not be read, and where.
///
/// `message` starts with the wording the WebAssembly reference interpreter uses for the same
/// problem ("unknown operator", "unexpected token", "i32 constant out of range", ...), so that the
/// spec suite's `assert_malformed` texts match it as a prefix.
public struct TextFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    public init(_ message: String, line: Int, column: Int) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// Line starts of a source, so that a byte offset becomes a line and column by binary search.
struct LineTable {
    /// Offset of the first byte of each line; line 1 starts at 0.
    private var starts: [Int]

    init(_ source: [UInt8]) {
        var starts = [0]
        var index = 0
        while index < source.count {
            if source[index] == 0x0A { starts.append(index + 1) }
            index += 1
        }
        self.starts = starts
    }

    func lineAndColumn(of offset: Int, in source: [UInt8]) -> (line: Int, column: Int) {
        let offset = min(max(offset, 0), source.count)
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= offset { low = middle } else { high = middle }
        }
        var column = 1
        var index = starts[low]
        while index < offset {
            // Continuation bytes belong to the scalar already counted.
            if source[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}

/// Errors at byte offsets of a source without a line table (rare paths).
enum SourcePosition {
    static func error(_ message: String, at offset: Int, in source: [UInt8]) -> TextFormatError {
        let (line, column) = LineTable(source).lineAndColumn(of: offset, in: source)
        return TextFormatError(message, line: line, column: column)
    }
}
