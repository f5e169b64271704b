import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a standard stream (descriptors 0-2, or any ``WASIInput``/``WASIOutput``) is to the guest:
/// its WASI file type and whether it can seek.
///
/// wasi-libc's `isatty` asks `fd_fdstat_get` and answers yes for a `character_device` without the
/// seek and tell rights, and programs such as bzip2 refuse to write binary data to a terminal; so
/// only a real terminal may look like one. WASI has no type for a pipe: a pipe, a FIFO or a Swift
/// closure is `unknown`, as wasmtime reports it.
struct StreamType: Equatable {
    let fileType: UInt8
    /// A regular file: it can seek, and its size and position mean something.
    var isRegularFile: Bool { fileType == WASIABI.FileType.regularFile }

    /// A stream the host gives no descriptor for: a pipe as far as the guest is concerned.
    static let pipe = StreamType(fileType: WASIABI.FileType.unknown)

    /// Asks the host what `descriptor` is (`fstat`, and `isatty` for character devices).
    static func of(hostDescriptor descriptor: Int32?) -> StreamType {
        guard let descriptor else { return .pipe }
        var info = HostStatBuffer()
        guard fstat(descriptor, &info) == 0 else { return .pipe }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return StreamType(fileType: WASIABI.FileType.regularFile)
        case S_IFDIR: return StreamType(fileType: WASIABI.FileType.directory)
        case S_IFBLK: return StreamType(fileType: WASIABI.FileType.blockDevice)
        case S_IFSOCK: return StreamType(fileType: WASIABI.FileType.socketStream)
        // A character device that is not a terminal (/dev/null) must not pass wasi-libc's isatty.
        case S_IFCHR where isatty(descriptor) == 1: return StreamType(fileType: WASIABI.FileType.characterDevice)
        default: return .pipe
        }
    }

    /// The rights a stream of this type has: reading or writing, and seeking only on a regular file.
    func rights(reading: Bool) -> UInt64 {
        typealias Rights = WASIABI.Rights
        let base = reading ? Rights.standardInput : Rights.standardOutput
        return isRegularFile ? base | Rights.fdSeek | Rights.fdTell : base
    }
}

extension WASIDescriptor.Kind {
    /// The host descriptor behind a standard stream, if it has one.
    var streamDescriptor: Int32? {
        switch self {
        case .input(let input): input.hostDescriptor
        case .output(let output): output.hostDescriptor
        case .file, .directory: nil
        }
    }
}
