/// Finds the test suite and the scripts under a path.
public enum SpecTestSuite {
    public static let environmentVariable = "VUDO_SPEC_TESTSUITE"
    public static let defaultRelativePath = "../shared/wasm-testsuite"

    /// The suite's root folder (the one holding `json/`), or nil when it is not there.
    public static func locate() -> String? {
        if let path = FileSystem.environment(environmentVariable), !path.isEmpty {
            return FileSystem.isDirectory(path) ? path : nil
        }
        return FileSystem.isDirectory(defaultRelativePath) ? defaultRelativePath : nil
    }

    /// The scripts at `path`: the file itself, the `X/X.json` of a script folder, or every such
    /// script and every `.wast` script below a folder (in directory order, sorted). Nil when the
    /// path does not exist.
    public static func scripts(at path: String) -> [String]? {
        if FileSystem.isRegularFile(path) { return [path] }
        guard FileSystem.isDirectory(path) else { return nil }
        var found: [String] = []
        collect(path, depth: 0, into: &found)
        return found
    }

    /// A JSON script is `X/X.json`; a `.wast` file is a script of its own; other directories (such
    /// as `legacy/`) are searched further.
    private static func collect(_ directory: String, depth: Int, into found: inout [String]) {
        // Guards against symlink cycles; the suite is only four levels deep.
        guard depth < 16 else { return }
        let ownScript = PathName.join(directory, PathName.lastComponent(directory) + ".json")
        if FileSystem.isRegularFile(ownScript) {
            found.append(ownScript)
            return
        }
        for name in FileSystem.listDirectory(directory) {
            let child = PathName.join(directory, name)
            if FileSystem.isDirectory(child) {
                collect(child, depth: depth + 1, into: &found)
            } else if name.hasSuffix(".wast") {
                found.append(child)
            }
        }
    }

    /// "<folder>/<script>" for a script path `.../<folder>/<script>/<script>.json`.
    static func displayName(ofScript path: String) -> String {
        var name = PathName.lastComponent(path)
        if name.hasSuffix(".wast") {
            // `.../<folder>/<script>.wast`.
            name.removeLast(5)
            return PathName.lastComponent(PathName.parent(path)) + "/" + name
        }
        if name.hasSuffix(".json") { name.removeLast(5) }
        let scriptDirectory = PathName.parent(path)
        let folder = PathName.lastComponent(PathName.parent(scriptDirectory))
        return PathName.lastComponent(scriptDirectory) == name ? folder + "/" + name : name
    }
}
