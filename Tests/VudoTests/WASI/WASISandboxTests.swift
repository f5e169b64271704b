import Foundation
import Testing

@testable import Vudo
@testable import VudoWASI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Path resolution inside a granted directory, attempt by attempt.
@Suite struct WASISandboxTests {
    /// root/outside.txt beside the granted root/box, which holds files, links in and links out.
    private static func layout() throws -> TemporaryDirectory {
        let root = try TemporaryDirectory()
        try root.write("outside", to: "outside.txt")
        try root.makeDirectory("box/dir")
        try root.write("file", to: "box/file.txt")
        try root.write("inner", to: "box/dir/inner.txt")
        try root.symlink("box/in_link", to: "dir/inner.txt")
        try root.symlink("box/dir_link", to: "dir")
        try root.symlink("box/out_rel", to: "../outside.txt")
        try root.symlink("box/out_abs", to: "/etc/passwd")
        try root.symlink("box/chain1", to: "chain2")
        try root.symlink("box/chain2", to: "out_rel")
        try root.symlink("box/loop1", to: "loop2")
        try root.symlink("box/loop2", to: "loop1")
        try root.symlink("box/dir/up", to: "..")
        try root.symlink("box/dir/upup", to: "../..")
        return root
    }

    /// The host file a path resolves to (its inode), or the errno.
    private static func resolve(
        _ path: String, in root: TemporaryDirectory, follow: Bool = true
    ) -> Result<UInt64, WASIErrno> {
        let base = HostDescriptor(open(root.file("box").path, O_RDONLY | O_DIRECTORY))
        do {
            let location = try Sandbox.resolve(path, in: base, followFinalSymlink: follow)
            return .success(try HostFileSystem.stat(in: location.directory, location.name).inode)
        } catch {
            return .failure(error)
        }
    }

    private static func inode(_ relative: String, in root: TemporaryDirectory) throws -> UInt64 {
        let attributes = try FileManager.default.attributesOfItem(atPath: root.file(relative).path)
        return try #require(attributes[.systemFileNumber] as? UInt64)
    }

    @Test(arguments: [
        "..", "../outside.txt", "dir/../../outside.txt", "./../box/file.txt", "/etc/passwd", "/",
        "out_rel", "out_abs", "chain1", "dir/upup/outside.txt", "dir/upup", "dir_link/../../outside.txt",
    ])
    func anEscapeIsNotCapable(path: String) throws {
        let root = try Self.layout()
        defer { root.remove() }
        #expect(Self.resolve(path, in: root) == .failure(.notCapable))
    }

    @Test(arguments: [
        ("file.txt", "box/file.txt"), ("./file.txt", "box/file.txt"), ("dir/../file.txt", "box/file.txt"),
        ("in_link", "box/dir/inner.txt"), ("dir_link/inner.txt", "box/dir/inner.txt"),
        ("dir/up/file.txt", "box/file.txt"), ("dir/up", "box"), (".", "box"), ("dir/", "box/dir"),
        ("dir//inner.txt", "box/dir/inner.txt"),
    ])
    func aPathInsideResolvesToItsFile(path: String, expected: String) throws {
        let root = try Self.layout()
        defer { root.remove() }
        #expect(Self.resolve(path, in: root) == .success(try Self.inode(expected, in: root)))
    }

    @Test func aLinkOutIsStillVisibleAsALinkWhenNotFollowed() throws {
        let root = try Self.layout()
        defer { root.remove() }
        // lstat of the link itself is harmless: it is inside.
        #expect(Self.resolve("out_abs", in: root, follow: false) == .success(try Self.inode("box/out_abs", in: root)))
        // ...but walking through it never is.
        #expect(Self.resolve("out_rel/x", in: root, follow: false) == .failure(.notCapable))
    }

    @Test func linkLoopsEndInELOOP() throws {
        let root = try Self.layout()
        defer { root.remove() }
        #expect(Self.resolve("loop1", in: root) == .failure(.loop))
    }

    @Test func missingAndMisusedPaths() throws {
        let root = try Self.layout()
        defer { root.remove() }
        #expect(Self.resolve("", in: root) == .failure(.noEntry))
        #expect(Self.resolve("missing/x", in: root) == .failure(.noEntry))
        #expect(Self.resolve("file.txt/x", in: root) == .failure(.notDirectory))
        // A missing last component resolves (for creation); stat then says ENOENT.
        #expect(Self.resolve("missing", in: root) == .failure(.noEntry))
    }

    @Test func plantedLinkTargetsMustStayInside() {
        #expect(Sandbox.staysInside(target: "a/b", depth: 0))
        #expect(Sandbox.staysInside(target: "../x", depth: 1))
        #expect(!Sandbox.staysInside(target: "../x", depth: 0))
        #expect(!Sandbox.staysInside(target: "a/../../x", depth: 0))
        #expect(!Sandbox.staysInside(target: "/etc", depth: 3))
    }
}
