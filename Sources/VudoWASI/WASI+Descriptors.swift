import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `fd_*` functions.
extension WASI {
    typealias Rights = WASIABI.Rights

    /// `fd_seek` and `fd_tell` (offset 0 from the current position).
    func fdSeek(
        _ memory: GuestMemory, _ number: UInt32, offset: Int64, whence: UInt32, result: UInt32
    ) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        let host: Int32
        switch descriptor.kind {
        case .file(let file): host = file.rawValue
        case .directory: throw .isDirectory
        case .input, .output:
            // A standard stream seeks only when the host gave it a regular file.
            guard let stream = descriptor.kind.streamDescriptor, StreamType.of(hostDescriptor: stream).isRegularFile
            else {
                throw .invalidSeek
            }
            host = stream
        }
        let isTell = offset == 0 && whence == WASIABI.Whence.current
        try descriptor.require(isTell ? Rights.fdTell : Rights.fdSeek)
        let hostWhence: Int32
        switch whence {
        case WASIABI.Whence.set: hostWhence = SEEK_SET
        case WASIABI.Whence.current: hostWhence = SEEK_CUR
        case WASIABI.Whence.end: hostWhence = SEEK_END
        default: throw .invalid
        }
        try memory.check(result, count: 8)
        let position = lseek(host, off_t(offset), hostWhence)
        guard position >= 0 else { throw WASIErrno.current }
        try memory.store(UInt64(position), at: result)
    }

    func fdClose(_ number: UInt32) throws(WASIErrno) {
        try descriptors.remove(number)
    }

    /// `fd_sync` and `fd_datasync`; the standard streams have nothing to flush.
    func fdSync(_ number: UInt32, dataOnly: Bool) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        guard case .file(let host) = descriptor.kind else {
            if case .directory(let host) = descriptor.kind { try HostFileSystem.check(fsync(host.rawValue)) }
            return
        }
        try descriptor.require(dataOnly ? Rights.fdDatasync : Rights.fdSync)
        #if canImport(Darwin)
        try HostFileSystem.check(fsync(host.rawValue))
        #else
        try HostFileSystem.check(dataOnly ? fdatasync(host.rawValue) : fsync(host.rawValue))
        #endif
    }

    func fdFdstatGet(_ memory: GuestMemory, _ number: UInt32, result: UInt32) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        var record = ABIRecord(size: WASIABI.fdstatSize)
        record.set(descriptor.fileType, at: 0)
        record.set(descriptor.flags, at: 2)
        record.set(descriptor.rights, at: 8)
        record.set(descriptor.inheritingRights, at: 16)
        try memory.write(record.bytes, at: result)
    }

    /// Only `APPEND` and `NONBLOCK` can change after opening; the sync flags are `ENOTSUP`.
    func fdFdstatSetFlags(_ number: UInt32, flags: UInt16) throws(WASIErrno) {
        typealias Flags = WASIABI.FDFlags
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdFdstatSetFlags)
        let syncFlags = Flags.dsync | Flags.rsync | Flags.sync
        guard flags & syncFlags == descriptor.flags & syncFlags else { throw .notSupported }
        if case .file(let host) = descriptor.kind {
            var hostFlags = fcntl(host.rawValue, F_GETFL)
            guard hostFlags >= 0 else { throw WASIErrno.current }
            hostFlags &= ~(O_APPEND | O_NONBLOCK)
            if flags & Flags.append != 0 { hostFlags |= O_APPEND }
            if flags & Flags.nonblock != 0 { hostFlags |= O_NONBLOCK }
            guard fcntl(host.rawValue, F_SETFL, hostFlags) == 0 else { throw WASIErrno.current }
        }
        descriptor.flags = flags
    }

    /// Rights can only be dropped, never gained.
    func fdFdstatSetRights(_ number: UInt32, rights: UInt64, inheriting: UInt64) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        guard rights & ~descriptor.rights == 0, inheriting & ~descriptor.inheritingRights == 0 else {
            throw .notCapable
        }
        descriptor.rights = rights
        descriptor.inheritingRights = inheriting
    }

    func fdFilestatGet(_ memory: GuestMemory, _ number: UInt32, result: UInt32) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdFilestatGet)
        var info: FileStat
        switch descriptor.kind {
        case .input, .output:
            // The same type as `fd_fdstat_get` reports, and the host's facts (a file's size) when
            // the stream is a host descriptor.
            let stream = descriptor.kind.streamDescriptor
            var host = HostStatBuffer()
            if let stream, fstat(stream, &host) == 0 {
                info = HostFileSystem.fileStat(host)
            } else {
                info = FileStat(
                    device: 0, inode: 0, fileType: 0, linkCount: 1, size: 0, accessTime: 0, modificationTime: 0,
                    changeTime: 0)
            }
            info.fileType = StreamType.of(hostDescriptor: stream).fileType
        case .file(let host), .directory(let host):
            info = try HostFileSystem.stat(host)
        }
        try memory.write(info.record, at: result)
    }

    func fdFilestatSetSize(_ number: UInt32, size: UInt64) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdFilestatSetSize)
        guard size <= UInt64(Int64.max) else { throw .fileTooBig }
        guard case .file(let host) = descriptor.kind else { throw .badFileDescriptor }
        try HostFileSystem.check(ftruncate(host.rawValue, off_t(size)))
    }

    func fdFilestatSetTimes(_ number: UInt32, access: UInt64, modification: UInt64, flags: UInt32) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdFilestatSetTimes)
        let host = try descriptor.host()
        let times = try HostFileSystem.times(
            access: access, modification: modification, flags: UInt16(truncatingIfNeeded: flags))
        try HostFileSystem.check(futimens(host.rawValue, times))
    }

    func fdPrestatGet(_ memory: GuestMemory, _ number: UInt32, result: UInt32) throws(WASIErrno) {
        guard let name = try descriptors.get(number).preopenName else { throw .badFileDescriptor }
        var record = ABIRecord(size: 8)
        record.set(UInt8(0), at: 0)  // preopentype: dir
        record.set(UInt32(name.utf8.count), at: 4)
        try memory.write(record.bytes, at: result)
    }

    func fdPrestatDirName(_ memory: GuestMemory, _ number: UInt32, buffer: UInt32, length: UInt32) throws(WASIErrno) {
        guard let name = try descriptors.get(number).preopenName else { throw .badFileDescriptor }
        guard length >= name.utf8.count else { throw .nameTooLong }
        try memory.write(Array(name.utf8), at: buffer)
    }

    /// Entries from `cookie` on, each a 24-byte dirent and its name, cut off at `length` bytes as
    /// the spec asks (a full buffer tells the guest to call again).
    func fdReaddir(
        _ memory: GuestMemory, _ number: UInt32, buffer: UInt32, length: UInt32, cookie: UInt64, result: UInt32
    ) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdReaddir)
        let host = try descriptor.directory()
        try memory.check(buffer, count: length)
        try memory.check(result, count: 4)
        if cookie == 0 || descriptor.listing == nil { descriptor.listing = try HostFileSystem.list(host) }
        let listing = descriptor.listing ?? []
        var bytes: [UInt8] = []
        var index = cookie
        while index < UInt64(listing.count), bytes.count < Int(length) {
            let entry = listing[Int(index)]
            var header = ABIRecord(size: WASIABI.direntHeaderSize)
            header.set(index + 1, at: 0)
            header.set(entry.inode, at: 8)
            header.set(UInt32(entry.name.count), at: 16)
            header.set(entry.fileType, at: 20)
            bytes += header.bytes + entry.name
            index += 1
        }
        let used = min(bytes.count, Int(length))
        try memory.write(Array(bytes.prefix(used)), at: buffer)
        try memory.store(UInt32(used), at: result)
    }

    /// Moves `number` onto `target`, closing what `target` was; both must be open.
    func fdRenumber(_ number: UInt32, to target: UInt32) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        _ = try descriptors.get(target)
        guard number != target else { return }
        descriptors[target] = descriptor
        try descriptors.remove(number)
    }

    func fdAdvise(_ number: UInt32, offset: UInt64, length: UInt64, advice: UInt32) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdAdvise)
        guard advice <= 5 else { throw .invalid }
        guard case .file = descriptor.kind else { throw .badFileDescriptor }
        // Advice is only a hint; the host is free to ignore it, and so is this runtime.
    }

    /// Makes the file at least `offset + length` bytes long.
    func fdAllocate(_ number: UInt32, offset: UInt64, length: UInt64) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        try descriptor.require(Rights.fdAllocate)
        guard case .file(let host) = descriptor.kind else { throw .badFileDescriptor }
        let (end, overflow) = offset.addingReportingOverflow(length)
        guard !overflow, end <= UInt64(Int64.max) else { throw .fileTooBig }
        if try HostFileSystem.stat(host).size < end {
            try HostFileSystem.check(ftruncate(host.rawValue, off_t(end)))
        }
    }
}
