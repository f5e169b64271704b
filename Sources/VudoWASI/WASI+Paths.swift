import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `path_*` functions. Each resolves its path with ``Sandbox`` inside a directory descriptor
/// and ends in one `*at` call that does not follow links.
extension WASI {
    /// The directory descriptor `number`, checked for `rights`, and `path` resolved inside it.
    private func locate(
        _ memory: GuestMemory, _ number: UInt32, path: UInt32, length: UInt32, rights: UInt64, follow: Bool = false
    ) throws(WASIErrno) -> (descriptor: WASIDescriptor, location: Sandbox.Location) {
        let descriptor = try descriptors.get(number)
        let directory = try descriptor.directory()
        try descriptor.require(rights)
        let text = try memory.string(at: path, count: length)
        return (descriptor, try Sandbox.resolve(text, in: directory, followFinalSymlink: follow))
    }

    private static func follows(_ lookup: UInt32) -> Bool { lookup & WASIABI.lookupSymlinkFollow != 0 }

    func pathOpen(
        _ memory: GuestMemory, _ number: UInt32, lookup: UInt32, path: UInt32, length: UInt32,
        openFlags: UInt16, rights: UInt64, inheriting: UInt64, flags: UInt16, result: UInt32
    ) throws(WASIErrno) {
        typealias Open = WASIABI.OpenFlags
        typealias Flags = WASIABI.FDFlags
        let create = openFlags & Open.create != 0
        let truncate = openFlags & Open.truncate != 0
        let required =
            Rights.pathOpen | (create ? Rights.pathCreateFile : 0) | (truncate ? Rights.pathFilestatSetSize : 0)
        let (parent, location) = try locate(
            memory, number, path: path, length: length, rights: required, follow: Self.follows(lookup))
        // A new descriptor never gets more than its directory may hand down.
        guard rights & ~parent.inheritingRights == 0, inheriting & ~parent.inheritingRights == 0 else {
            throw .notCapable
        }
        try memory.check(result, count: 4)
        let writes =
            rights & (Rights.fdWrite | Rights.fdAllocate | Rights.fdFilestatSetSize) != 0
            || flags & Flags.append != 0
        let reads = rights & (Rights.fdRead | Rights.fdReaddir) != 0
        if parent.readOnly && (writes || create || truncate) { throw .notCapable }

        var hostFlags = O_CLOEXEC | O_NOFOLLOW
        hostFlags |= writes ? (reads ? O_RDWR : O_WRONLY) : O_RDONLY
        if create { hostFlags |= O_CREAT }
        if openFlags & Open.exclusive != 0 { hostFlags |= O_EXCL }
        if truncate { hostFlags |= O_TRUNC }
        if openFlags & Open.directory != 0 || location.mustBeDirectory { hostFlags |= O_DIRECTORY }
        if flags & Flags.append != 0 { hostFlags |= O_APPEND }
        if flags & Flags.nonblock != 0 { hostFlags |= O_NONBLOCK }
        if flags & Flags.dsync != 0 { hostFlags |= O_DSYNC }
        if flags & (Flags.sync | Flags.rsync) != 0 { hostFlags |= O_SYNC }

        let opened = openat(location.directory.rawValue, location.name, hostFlags, 0o666)
        guard opened >= 0 else { throw WASIErrno.current }
        let host = HostDescriptor(opened)
        let isDirectory = try HostFileSystem.stat(host).fileType == WASIABI.FileType.directory
        let descriptor = WASIDescriptor(
            isDirectory ? .directory(host) : .file(host),
            rights: rights & (isDirectory ? Rights.directory : Rights.regularFile),
            inheritingRights: inheriting, flags: flags, readOnly: parent.readOnly)
        try memory.store(try descriptors.add(descriptor), at: result)
    }

    func pathCreateDirectory(_ memory: GuestMemory, _ number: UInt32, path: UInt32, length: UInt32) throws(WASIErrno) {
        let (_, location) = try locate(memory, number, path: path, length: length, rights: Rights.pathCreateDirectory)
        try HostFileSystem.check(mkdirat(location.directory.rawValue, location.name, 0o777))
    }

    /// `path_remove_directory` and `path_unlink_file`.
    func pathRemove(
        _ memory: GuestMemory, _ number: UInt32, path: UInt32, length: UInt32, directory: Bool
    ) throws(WASIErrno) {
        let rights = directory ? Rights.pathRemoveDirectory : Rights.pathUnlinkFile
        let (_, location) = try locate(memory, number, path: path, length: length, rights: rights)
        if !directory && location.mustBeDirectory {
            throw (try? HostFileSystem.stat(in: location.directory, location.name).fileType)
                == WASIABI.FileType.directory
                ? .isDirectory : .notDirectory
        }
        try HostFileSystem.check(unlinkat(location.directory.rawValue, location.name, directory ? AT_REMOVEDIR : 0))
    }

    func pathFilestatGet(
        _ memory: GuestMemory, _ number: UInt32, lookup: UInt32, path: UInt32, length: UInt32, result: UInt32
    ) throws(WASIErrno) {
        let (_, location) = try locate(
            memory, number, path: path, length: length, rights: Rights.pathFilestatGet, follow: Self.follows(lookup))
        let info = try HostFileSystem.stat(in: location.directory, location.name)
        if location.mustBeDirectory && info.fileType != WASIABI.FileType.directory { throw .notDirectory }
        try memory.write(info.record, at: result)
    }

    func pathFilestatSetTimes(
        _ memory: GuestMemory, _ number: UInt32, lookup: UInt32, path: UInt32, length: UInt32,
        access: UInt64, modification: UInt64, flags: UInt32
    ) throws(WASIErrno) {
        let (_, location) = try locate(
            memory, number, path: path, length: length, rights: Rights.pathFilestatSetTimes,
            follow: Self.follows(lookup))
        let times = try HostFileSystem.times(
            access: access, modification: modification, flags: UInt16(truncatingIfNeeded: flags))
        try HostFileSystem.check(
            utimensat(location.directory.rawValue, location.name, times, AT_SYMLINK_NOFOLLOW))
    }

    /// A hard link; both ends inside granted directories.
    func pathLink(
        _ memory: GuestMemory, from number: UInt32, lookup: UInt32, path: UInt32, length: UInt32,
        to newNumber: UInt32, newPath: UInt32, newLength: UInt32
    ) throws(WASIErrno) {
        let (_, source) = try locate(
            memory, number, path: path, length: length, rights: Rights.pathLinkSource, follow: Self.follows(lookup))
        let (_, target) = try locate(memory, newNumber, path: newPath, length: newLength, rights: Rights.pathLinkTarget)
        try HostFileSystem.check(
            linkat(source.directory.rawValue, source.name, target.directory.rawValue, target.name, 0))
    }

    func pathReadlink(
        _ memory: GuestMemory, _ number: UInt32, path: UInt32, length: UInt32, buffer: UInt32,
        bufferLength: UInt32, result: UInt32
    ) throws(WASIErrno) {
        let (_, location) = try locate(memory, number, path: path, length: length, rights: Rights.pathReadlink)
        let target = try HostFileSystem.readLink(in: location.directory, location.name)
        try memory.check(result, count: 4)
        let used = Array(target.prefix(Int(bufferLength)))
        try memory.write(used, at: buffer)
        try memory.store(UInt32(used.count), at: result)
    }

    func pathRename(
        _ memory: GuestMemory, from number: UInt32, path: UInt32, length: UInt32,
        to newNumber: UInt32, newPath: UInt32, newLength: UInt32
    ) throws(WASIErrno) {
        let (_, source) = try locate(memory, number, path: path, length: length, rights: Rights.pathRenameSource)
        let (_, target) = try locate(
            memory, newNumber, path: newPath, length: newLength, rights: Rights.pathRenameTarget)
        try HostFileSystem.check(
            renameat(source.directory.rawValue, source.name, target.directory.rawValue, target.name))
    }

    /// Plants a symbolic link; one whose text points outside the granted directory (absolute, or
    /// with `..` past its top) is refused, so that no host program is led out by it either.
    func pathSymlink(
        _ memory: GuestMemory, target: UInt32, targetLength: UInt32, _ number: UInt32, path: UInt32, length: UInt32
    ) throws(WASIErrno) {
        let text = try memory.string(at: target, count: targetLength)
        let (_, location) = try locate(memory, number, path: path, length: length, rights: Rights.pathSymlink)
        guard Sandbox.staysInside(target: text, depth: location.depth) else { throw .notCapable }
        try HostFileSystem.check(symlinkat(text, location.directory.rawValue, location.name))
    }
}
