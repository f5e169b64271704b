import WasmText

/// A module file as the command line and ``loadSpirit(path:options:)`` take it: a binary `.wasm`,
/// or a `.wat` in the text format, which is encoded first.
public enum ModuleFile {
    /// Why a module file could not be turned into binary bytes.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        case unreadable(HostFile.ReadError)
        /// The `.wat` text is malformed; the error names line and column.
        case text(TextFormatError)

        public var description: String {
            switch self {
            case .unreadable(let error): "\(error)"
            case .text(let error): "\(error)"
            }
        }
    }

    /// Whether the path names a text-format module (by its `.wat` extension).
    public static func isText(_ path: String) -> Bool {
        path.hasSuffix(".wat")
    }

    /// The binary module in the file at `path`.
    public static func bytes(atPath path: String) throws(Failure) -> [UInt8] {
        let contents: [UInt8]
        do {
            contents = try HostFile.read(path)
        } catch {
            throw .unreadable(error)
        }
        guard isText(path) else { return contents }
        do {
            return try WAT.encode(contents)
        } catch {
            throw .text(error)
        }
    }
}
