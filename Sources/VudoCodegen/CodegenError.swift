/// Why `vudo codegen` could not generate Swift from a .dol file.

import Vudo
import WasmCore

public struct CodegenError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line in the source, when the problem has one.
    public let line: Int?
    public let message: String

    public init(line: Int? = nil, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
