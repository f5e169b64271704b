import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The host's `struct stat` (the name alone would find the function of the same name).
typealias HostStatBuffer = stat

extension HostStatBuffer {
    #if canImport(Darwin)
    var accessTime: timespec { st_atimespec }
    var modificationTime: timespec { st_mtimespec }
    var changeTime: timespec { st_ctimespec }
    #else
    var accessTime: timespec { st_atim }
    var modificationTime: timespec { st_mtim }
    var changeTime: timespec { st_ctim }
    #endif
}

/// `filestat`, read from the host.
struct FileStat {
    var device: UInt64
    var inode: UInt64
    var fileType: UInt8
    var linkCount: UInt64
    var size: UInt64
    var accessTime: UInt64
    var modificationTime: UInt64
    var changeTime: UInt64

    /// The 64-byte ABI record.
    var record: [UInt8] {
        var record = ABIRecord(size: WASIABI.filestatSize)
        record.set(device, at: 0)
        record.set(inode, at: 8)
        record.set(fileType, at: 16)
        record.set(linkCount, at: 24)
        record.set(size, at: 32)
        record.set(accessTime, at: 40)
        record.set(modificationTime, at: 48)
        record.set(changeTime, at: 56)
        return record.bytes
    }
}

/// One `fd_readdir` entry.
struct DirectoryEntry {
    var name: [UInt8]
    var inode: UInt64
    var fileType: UInt8
}

/// Thin wrappers over the host's `*at` calls, errors as WASI errnos. None of them follows a
/// symbolic link in the last component: the sandbox resolves links itself.
enum HostFileSystem {
    static func check(_ result: Int32) throws(WASIErrno) {
        if result != 0 { throw WASIErrno.current }
    }

    static func stat(_ descriptor: HostDescriptor) throws(WASIErrno) -> FileStat {
        var info = HostStatBuffer()
        try check(fstat(descriptor.rawValue, &info))
        return fileStat(info)
    }

    static func stat(in directory: HostDescriptor, _ name: String) throws(WASIErrno) -> FileStat {
        var info = HostStatBuffer()
        try check(fstatat(directory.rawValue, name, &info, AT_SYMLINK_NOFOLLOW))
        return fileStat(info)
    }

    static func fileStat(_ info: HostStatBuffer) -> FileStat {
        FileStat(
            device: UInt64(info.st_dev), inode: UInt64(info.st_ino), fileType: fileType(mode: info.st_mode),
            linkCount: UInt64(info.st_nlink), size: UInt64(max(info.st_size, 0)),
            accessTime: nanoseconds(info.accessTime), modificationTime: nanoseconds(info.modificationTime),
            changeTime: nanoseconds(info.changeTime))
    }

    static func fileType(mode: mode_t) -> UInt8 {
        switch mode & S_IFMT {
        case S_IFREG: WASIABI.FileType.regularFile
        case S_IFDIR: WASIABI.FileType.directory
        case S_IFLNK: WASIABI.FileType.symbolicLink
        case S_IFCHR: WASIABI.FileType.characterDevice
        case S_IFBLK: WASIABI.FileType.blockDevice
        case S_IFSOCK: WASIABI.FileType.socketStream
        default: WASIABI.FileType.unknown
        }
    }

    private static func nanoseconds(_ time: timespec) -> UInt64 {
        UInt64(max(time.tv_sec, 0)) &* 1_000_000_000 &+ UInt64(max(time.tv_nsec, 0))
    }

    /// Every entry of a directory, `.` and `..` included, in the host's order.
    static func list(_ directory: HostDescriptor) throws(WASIErrno) -> [DirectoryEntry] {
        // fdopendir takes over the descriptor it is given, so it gets a duplicate.
        let duplicate = dup(directory.rawValue)
        guard duplicate >= 0 else { throw WASIErrno.current }
        guard let stream = fdopendir(duplicate) else {
            let error = WASIErrno.current
            close(duplicate)
            throw error
        }
        defer { closedir(stream) }
        rewinddir(stream)
        var entries: [DirectoryEntry] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix { $0 != 0 })
            }
            var type = direntType(entry.pointee.d_type)
            if type == WASIABI.FileType.unknown {
                type = (try? stat(in: directory, String(decoding: name, as: UTF8.self)).fileType) ?? type
            }
            entries.append(DirectoryEntry(name: name, inode: UInt64(entry.pointee.d_ino), fileType: type))
        }
        return entries
    }

    private static func direntType(_ type: UInt8) -> UInt8 {
        switch Int(type) {
        case Int(DT_REG): WASIABI.FileType.regularFile
        case Int(DT_DIR): WASIABI.FileType.directory
        case Int(DT_LNK): WASIABI.FileType.symbolicLink
        case Int(DT_CHR): WASIABI.FileType.characterDevice
        case Int(DT_BLK): WASIABI.FileType.blockDevice
        case Int(DT_SOCK): WASIABI.FileType.socketStream
        default: WASIABI.FileType.unknown
        }
    }

    /// The target of a symbolic link, as stored.
    static func readLink(in directory: HostDescriptor, _ name: String) throws(WASIErrno) -> [UInt8] {
        var size = 256
        while true {
            var buffer = [UInt8](repeating: 0, count: size)
            let count = buffer.withUnsafeMutableBytes { raw in
                readlinkat(directory.rawValue, name, raw.baseAddress!.assumingMemoryBound(to: CChar.self), size)
            }
            guard count >= 0 else { throw WASIErrno.current }
            if count < size { return Array(buffer[..<count]) }
            size *= 4
        }
    }

    /// `timespec` pairs for `utimensat`/`futimens` from the ABI's times and `fstflags`.
    static func times(access: UInt64, modification: UInt64, flags: UInt16) throws(WASIErrno) -> [timespec] {
        typealias Flags = WASIABI.TimeFlags
        func time(_ value: UInt64, set: UInt16, now: UInt16) throws(WASIErrno) -> timespec {
            switch (flags & set != 0, flags & now != 0) {
            case (true, true): throw .invalid
            case (true, false): return timespec(tv_sec: Int(value / 1_000_000_000), tv_nsec: Int(value % 1_000_000_000))
            case (false, true): return timespec(tv_sec: 0, tv_nsec: utimeNow)
            case (false, false): return timespec(tv_sec: 0, tv_nsec: utimeOmit)
            }
        }
        return [
            try time(access, set: Flags.accessTime, now: Flags.accessTimeNow),
            try time(modification, set: Flags.modificationTime, now: Flags.modificationTimeNow),
        ]
    }

    #if os(Linux)
    // The C macros are not imported: ((1l << 30) - 1l) and ((1l << 30) - 2l).
    private static let utimeNow = (1 << 30) - 1
    private static let utimeOmit = (1 << 30) - 2
    #else
    private static let utimeNow = -1
    private static let utimeOmit = -2
    #endif
}
