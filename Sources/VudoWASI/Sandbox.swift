import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Resolves guest paths inside a directory descriptor so that they can never leave it.
///
/// The host kernel never follows a symbolic link for the guest: every component is opened with
/// `O_NOFOLLOW`, and links are read and expanded here, where their targets are checked like any
/// other path. `..` pops a directory this walk itself entered, so it cannot climb above the
/// starting directory. Absolute paths, absolute link targets and `..` past the start all fail
/// with `ENOTCAPABLE`.
enum Sandbox {
    /// A directory reached by the walk and the last component's name inside it (`.` for the
    /// directory itself). The final operation is an `*at` call on the pair.
    struct Location {
        let directory: HostDescriptor
        let name: String
        /// The path ended in `/`: the target must be a directory.
        let mustBeDirectory: Bool
        /// How many directories below the base `directory` is.
        let depth: Int
    }

    /// More expansions than this is `ELOOP`, as on Linux.
    static let maxSymlinkExpansions = 40

    static func resolve(
        _ path: String, in base: HostDescriptor, followFinalSymlink: Bool
    ) throws(WASIErrno) -> Location {
        guard !path.isEmpty else { throw .noEntry }
        guard !path.hasPrefix("/") else { throw .notCapable }
        let mustBeDirectory = path.hasSuffix("/")
        // Directories entered so far; the first is the base, which `..` may never pop.
        var stack = [base]
        // Components still to walk, the next one last.
        var pending = Array(components(path).reversed())
        var expansions = 0
        if pending.isEmpty { pending = ["."] }
        func location(_ name: String) -> Location {
            Location(directory: stack.last!, name: name, mustBeDirectory: mustBeDirectory, depth: stack.count - 1)
        }

        while let component = pending.popLast() {
            let isFinal = pending.isEmpty
            switch component {
            case ".":
                if isFinal { return location(".") }
                continue
            case "..":
                guard stack.count > 1 else { throw .notCapable }
                stack.removeLast()
                if isFinal { return location(".") }
                continue
            default:
                break
            }
            let directory = stack.last!
            if isFinal && !followFinalSymlink {
                return location(component)
            }
            let info: FileStat
            do {
                info = try HostFileSystem.stat(in: directory, component)
            } catch .noEntry where isFinal {
                // A name to create.
                return location(component)
            }
            if info.fileType == WASIABI.FileType.symbolicLink {
                expansions += 1
                guard expansions <= maxSymlinkExpansions else { throw .loop }
                let target = String(decoding: try HostFileSystem.readLink(in: directory, component), as: UTF8.self)
                guard !target.hasPrefix("/") else { throw .notCapable }
                guard !target.isEmpty else { throw .noEntry }
                // "dir/link/" with link -> "sub" walks on into sub; a target ending in '/' must be a directory.
                var expanded = components(target)
                if target.hasSuffix("/") || expanded.isEmpty { expanded.append(".") }
                pending += expanded.reversed()
                continue
            }
            if isFinal {
                return location(component)
            }
            guard info.fileType == WASIABI.FileType.directory else { throw .notDirectory }
            let opened = openat(directory.rawValue, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard opened >= 0 else { throw WASIErrno.current }
            stack.append(HostDescriptor(opened))
        }
        // Unreachable: the loop returns at the final component.
        throw .noEntry
    }

    /// Whether a symbolic link's target, read from a directory `depth` levels below the base,
    /// stays inside the base by its text alone (`path_symlink` refuses to plant one that does not).
    static func staysInside(target: String, depth: Int) -> Bool {
        guard !target.hasPrefix("/") else { return false }
        var level = depth
        for component in components(target) {
            switch component {
            case ".": continue
            case "..":
                level -= 1
                if level < 0 { return false }
            default: level += 1
            }
        }
        return true
    }

    /// The non-empty components of a relative path.
    private static func components(_ path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
