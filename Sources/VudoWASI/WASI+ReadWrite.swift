import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// `fd_read`, `fd_pread`, `fd_write` and `fd_pwrite`: data moves in chunks of at most
/// ``chunkSize`` bytes between guest memory and the host, whatever the guest claims.
extension WASI {
    /// The most bytes the host holds at once for one transfer.
    static let chunkSize = 64 * 1024
    /// The most bytes one call moves, as Linux caps `read(2)` and `write(2)` (`MAX_RW_COUNT`): the
    /// count the guest gets back is a u32, and iovecs may claim up to 2^64 bytes.
    static let maxTransfer = 0x7FFF_F000

    /// `fd_read` (offset nil) and `fd_pread`. POSIX semantics: fewer bytes than asked is a valid
    /// answer. A stream (pipe, terminal, socket, Swift closure) gets one host read per call, so
    /// that data that has arrived is returned without waiting for more; a regular file is read
    /// until the buffers are full or the file ends, as `read(2)` does.
    func fdRead(
        _ memory: GuestMemory, _ number: UInt32, vectors address: UInt32, count: UInt32, offset: UInt64?,
        result: UInt32
    ) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        let vectors = try IOVectors(memory, at: address, count: count)
        let total = try vectors.checkedTotal()
        try memory.check(result, count: 4)
        let source: ReadSource
        switch descriptor.kind {
        case .input(let input):
            let isFile = StreamType.of(hostDescriptor: input.hostDescriptor).isRegularFile
            if offset != nil, !isFile { throw .invalidSeek }
            try descriptor.require(Rights.fdRead | (offset == nil ? 0 : Rights.fdSeek))
            source = input.hostDescriptor.map { .host($0, isRegularFile: isFile) } ?? .closure(input)
        case .output:
            throw .badFileDescriptor
        case .directory:
            throw .isDirectory
        case .file(let host):
            try descriptor.require(Rights.fdRead | (offset == nil ? 0 : Rights.fdSeek))
            source = .host(
                host.rawValue, isRegularFile: (try? HostFileSystem.stat(host).fileType) == WASIABI.FileType.regularFile)
        }
        if let offset, offset > UInt64(Int64.max) { throw .invalid }

        let wanted = Int(min(total, UInt64(Self.maxTransfer)))
        var buffer = [UInt8](repeating: 0, count: min(wanted, Self.chunkSize))
        var cursor = IOVectors.Cursor()
        var done = 0
        while done < wanted {
            let asked = min(wanted - done, Self.chunkSize)
            let got: Int
            do {
                got = try source.read(into: &buffer, count: asked, at: try Self.position(offset, plus: done))
            } catch {
                // What arrived before the error is the answer; the error comes with the next call.
                if done > 0 { break }
                throw error
            }
            try vectors.scatter(buffer[..<got], from: &cursor)
            done += got
            guard got == asked, source.readsOn else { break }
        }
        try memory.store(UInt32(done), at: result)
    }

    /// `fd_write` (offset nil) and `fd_pwrite`: every byte the iovecs name, in order, in chunks.
    /// A host error after some bytes went out ends the call with the count so far, as `write(2)`.
    func fdWrite(
        _ memory: GuestMemory, _ number: UInt32, vectors address: UInt32, count: UInt32, offset: UInt64?,
        result: UInt32
    ) throws(WASIErrno) {
        let descriptor = try descriptors.get(number)
        let vectors = try IOVectors(memory, at: address, count: count)
        let total = try vectors.checkedTotal()
        try memory.check(result, count: 4)
        let sink: WriteSink
        switch descriptor.kind {
        case .output(let output):
            if offset != nil, !StreamType.of(hostDescriptor: output.hostDescriptor).isRegularFile { throw .invalidSeek }
            try descriptor.require(Rights.fdWrite | (offset == nil ? 0 : Rights.fdSeek))
            sink = output.hostDescriptor.map { .host($0) } ?? .closure(output)
        case .input:
            throw .badFileDescriptor
        case .directory:
            throw .isDirectory
        case .file(let host):
            try descriptor.require(Rights.fdWrite | (offset == nil ? 0 : Rights.fdSeek))
            sink = .host(host.rawValue)
        }
        if let offset, offset > UInt64(Int64.max) { throw .invalid }

        let wanted = Int(min(total, UInt64(Self.maxTransfer)))
        var cursor = IOVectors.Cursor()
        var done = 0
        while done < wanted {
            let chunk = try vectors.gather(upTo: min(wanted - done, Self.chunkSize), from: &cursor)
            let written: Int
            do {
                _ = try Self.position(offset, plus: done + chunk.count)
                written = try sink.write(chunk, at: try Self.position(offset, plus: done))
            } catch {
                if done > 0 { break }
                throw error
            }
            done += written
            if written < chunk.count { break }
        }
        try memory.store(UInt32(done), at: result)
    }

    /// The host file position `done` bytes after `offset`, nil for the current position.
    private static func position(_ offset: UInt64?, plus done: Int) throws(WASIErrno) -> off_t? {
        guard let offset else { return nil }
        let (position, overflow) = offset.addingReportingOverflow(UInt64(done))
        guard !overflow, position <= UInt64(Int64.max) else { throw .fileTooBig }
        return off_t(position)
    }
}

/// Where `fd_read` gets its bytes.
private enum ReadSource {
    case closure(WASIInput)
    case host(Int32, isRegularFile: Bool)

    /// Whether a full chunk may be followed by another read in the same call: only for regular
    /// files, where a read never waits. A pipe would block for data that has not arrived.
    var readsOn: Bool {
        if case .host(_, true) = self { return true }
        return false
    }

    /// One read of at most `count` bytes into `buffer`; 0 at end of input.
    func read(into buffer: inout [UInt8], count: Int, at position: off_t?) throws(WASIErrno) -> Int {
        switch self {
        case .closure(let input):
            // The closure is the embedder's: never trust it to respect the count.
            let bytes = input.read(upTo: count).prefix(count)
            buffer.replaceSubrange(0..<bytes.count, with: bytes)
            return bytes.count
        case .host(let descriptor, _):
            while true {
                let got = buffer.withUnsafeMutableBytes { raw in
                    if let position { return pread(descriptor, raw.baseAddress, count, position) }
                    return readFromDescriptor(descriptor, raw.baseAddress, count)
                }
                if got >= 0 { return got }
                if errno != EINTR { throw WASIErrno.current }
            }
        }
    }
}

/// Where `fd_write` puts its bytes.
private enum WriteSink {
    case closure(WASIOutput)
    case host(Int32)

    /// Writes `bytes`; returns how many went out, fewer only when the host stopped taking them
    /// after some (an error comes with the next call, as `write(2)` reports it).
    func write(_ bytes: [UInt8], at position: off_t?) throws(WASIErrno) -> Int {
        switch self {
        case .closure(let output):
            if !bytes.isEmpty { output.write(bytes) }
            return bytes.count
        case .host(let descriptor):
            var done = 0
            while done < bytes.count {
                // `fdWrite` checked that the chunk's end is a valid position.
                let at = position.map { $0 &+ off_t(done) }
                let written = bytes.withUnsafeBytes { raw -> Int in
                    guard let start = raw.baseAddress.map({ $0 + done }) else { return 0 }
                    if let at { return pwrite(descriptor, start, raw.count - done, at) }
                    return writeToDescriptor(descriptor, start, raw.count - done)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    if done > 0 { return done }
                    throw WASIErrno.current
                }
                done += written
            }
            return done
        }
    }
}
