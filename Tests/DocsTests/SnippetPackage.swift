import Foundation

/// A package of its own that depends on this one by path, as a user's would, with one executable
/// per file of `Snippets/`. It lives under `.build/` and is kept between runs, so only what
/// changed is built again.
struct SnippetPackage {
    let root: URL
    let directory: URL
    let names: [String]

    init(root: URL, names: [String]) {
        self.root = root
        self.directory = root.appendingPathComponent(".build/snippet-package")
        self.names = names
    }

    /// Writes the manifest and the sources (a file only when its text changed, so the build stays
    /// incremental) and builds every snippet; the build's output when it fails.
    func build(swift: String) async throws -> String? {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        try writeIfChanged(manifest, to: directory.appendingPathComponent("Package.swift"))
        for name in names {
            let folder = directory.appendingPathComponent("Sources/\(name)")
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            let source = try String(
                contentsOf: root.appendingPathComponent("Snippets/\(name).swift"), encoding: .utf8)
            try writeIfChanged(source, to: folder.appendingPathComponent("main.swift"))
        }
        // Without manifest caching: a cached build plan misses source files added to the
        // dependency since the last run.
        let result = try await ChildProcess.run(
            swift, ["build", "--package-path", directory.path, "--disable-build-manifest-caching"], in: directory,
            timeout: .seconds(1_800))
        return result.status == 0 ? nil : result.output
    }

    /// Runs a built snippet from the repository's root, where its `Fixtures/` paths lead.
    func run(_ name: String) async throws -> ChildProcess.Result {
        let executable = directory.appendingPathComponent(".build/debug/\(name)").path
        return try await ChildProcess.run(executable, [], in: root, timeout: .seconds(60))
    }

    /// A user's manifest: the dependency by path, the `Vudo`, `WasmCore` and `VudoWASI` products.
    private var manifest: String {
        let identity = root.lastPathComponent
        let targets = names.map { name in
            """
                    .executableTarget(
                        name: "\(name)",
                        dependencies: [
                            .product(name: "Vudo", package: "\(identity)"),
                            .product(name: "WasmCore", package: "\(identity)"),
                            .product(name: "VudoWASI", package: "\(identity)"),
                        ]),
            """
        }
        return """
            // swift-tools-version: 6.0
            import PackageDescription

            let package = Package(
                name: "VudoSnippets",
                dependencies: [.package(path: "\(root.path)")],
                targets: [
            \(targets.joined(separator: "\n"))
                ],
                swiftLanguageModes: [.v6]
            )

            """
    }

    private func writeIfChanged(_ text: String, to file: URL) throws {
        if let old = try? String(contentsOf: file, encoding: .utf8), old == text { return }
        try Data(text.utf8).write(to: file)
    }
}
