import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An open host file descriptor, closed when the last reference goes.
final class HostDescriptor {
    let rawValue: Int32

    init(_ rawValue: Int32) { self.rawValue = rawValue }

    deinit { close(rawValue) }
}

/// A guest file descriptor: what it refers to and what it may be used for.
final class WASIDescriptor {
    enum Kind {
        case input(WASIInput)
        case output(WASIOutput)
        case file(HostDescriptor)
        case directory(HostDescriptor)
    }

    let kind: Kind
    /// `fs_rights_base`: what this descriptor may do.
    var rights: UInt64
    /// `fs_rights_inheriting`: the most a descriptor opened through this one may get.
    var inheritingRights: UInt64
    /// `fdflags` as last set.
    var flags: UInt16
    /// The guest path of a pre-opened directory (`fd_prestat_dir_name`).
    let preopenName: String?
    /// Whether it lies under a read-only grant: nothing opened through it may ever write.
    let readOnly: Bool
    /// `fd_readdir`'s listing, read afresh at cookie 0 so that cookies stay stable between calls.
    var listing: [DirectoryEntry]?

    init(
        _ kind: Kind, rights: UInt64, inheritingRights: UInt64, flags: UInt16 = 0,
        preopenName: String? = nil, readOnly: Bool = false
    ) {
        self.kind = kind
        self.rights = rights
        self.inheritingRights = inheritingRights
        self.flags = flags
        self.preopenName = preopenName
        self.readOnly = readOnly
    }

    /// Fails with `ENOTCAPABLE` unless the descriptor holds every one of `required`.
    func require(_ required: UInt64) throws(WASIErrno) {
        guard rights & required == required else { throw .notCapable }
    }

    /// The host descriptor of a file or directory; `EBADF` for a stream.
    func host() throws(WASIErrno) -> HostDescriptor {
        switch kind {
        case .file(let descriptor), .directory(let descriptor): return descriptor
        case .input, .output: throw .badFileDescriptor
        }
    }

    /// The host descriptor of a directory; `ENOTDIR` for anything else.
    func directory() throws(WASIErrno) -> HostDescriptor {
        guard case .directory(let descriptor) = kind else { throw .notDirectory }
        return descriptor
    }

    var fileType: UInt8 {
        switch kind {
        case .input, .output: StreamType.of(hostDescriptor: kind.streamDescriptor).fileType
        case .file(let descriptor): (try? HostFileSystem.stat(descriptor).fileType) ?? WASIABI.FileType.unknown
        case .directory: WASIABI.FileType.directory
        }
    }
}

/// The guest's descriptor numbers: 0-2 the standard streams, then the pre-opens, then what the
/// program opens (always the lowest free number, as POSIX does).
struct DescriptorTable {
    private var entries: [UInt32: WASIDescriptor] = [:]

    subscript(number: UInt32) -> WASIDescriptor? {
        get { entries[number] }
        set { entries[number] = newValue }
    }

    func get(_ number: UInt32) throws(WASIErrno) -> WASIDescriptor {
        guard let entry = entries[number] else { throw .badFileDescriptor }
        return entry
    }

    mutating func add(_ descriptor: WASIDescriptor) throws(WASIErrno) -> UInt32 {
        var number: UInt32 = 0
        while entries[number] != nil {
            guard number < 1 << 20 else { throw .tooManyOpenFiles }
            number += 1
        }
        entries[number] = descriptor
        return number
    }

    @discardableResult
    mutating func remove(_ number: UInt32) throws(WASIErrno) -> WASIDescriptor {
        guard let entry = entries.removeValue(forKey: number) else { throw .badFileDescriptor }
        return entry
    }
}
