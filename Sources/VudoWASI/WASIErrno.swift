import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A WASI preview-1 error number, as returned to the guest. The raw values are the spec's
/// (`wasi_snapshot_preview1` `errno`), not the host's.
public enum WASIErrno: UInt16, Error, Sendable, CaseIterable {
    case success = 0, tooBig = 1, access = 2, addressInUse = 3, addressNotAvailable = 4
    case addressFamilyNotSupported = 5, again = 6, already = 7, badFileDescriptor = 8, badMessage = 9
    case busy = 10, canceled = 11, child = 12, connectionAborted = 13, connectionRefused = 14
    case connectionReset = 15, deadlock = 16, destinationAddressRequired = 17, domain = 18, quota = 19
    case exists = 20, fault = 21, fileTooBig = 22, hostUnreachable = 23, identifierRemoved = 24
    case illegalSequence = 25, inProgress = 26, interrupted = 27, invalid = 28, io = 29
    case isConnected = 30, isDirectory = 31, loop = 32, tooManyOpenFiles = 33, tooManyLinks = 34
    case messageSize = 35, multihop = 36, nameTooLong = 37, networkDown = 38, networkReset = 39
    case networkUnreachable = 40, fileTableOverflow = 41, noBufferSpace = 42, noDevice = 43, noEntry = 44
    case notExecutable = 45, noLock = 46, noLink = 47, noMemory = 48, noMessage = 49
    case noProtocolOption = 50, noSpace = 51, notImplemented = 52, notConnected = 53, notDirectory = 54
    case notEmpty = 55, notRecoverable = 56, notSocket = 57, notSupported = 58, notTTY = 59
    case noSuchDeviceOrAddress = 60, overflow = 61, ownerDead = 62, notPermitted = 63, brokenPipe = 64
    case protocolError = 65, protocolNotSupported = 66, wrongProtocolType = 67, range = 68, readOnlyFileSystem = 69
    case invalidSeek = 70, noSuchProcess = 71, stale = 72, timedOut = 73, textFileBusy = 74
    case crossDevice = 75, notCapable = 76

    /// The WASI errno for a host `errno` value; `.io` for one with no WASI counterpart.
    init(hostErrno code: Int32) {
        self = Self.hostTable[code] ?? .io
    }

    /// The WASI errno for the host's current `errno`.
    static var current: WASIErrno { WASIErrno(hostErrno: errno) }

    private static let hostTable: [Int32: WASIErrno] = [
        E2BIG: .tooBig, EACCES: .access, EADDRINUSE: .addressInUse, EADDRNOTAVAIL: .addressNotAvailable,
        EAFNOSUPPORT: .addressFamilyNotSupported, EAGAIN: .again, EALREADY: .already, EBADF: .badFileDescriptor,
        EBADMSG: .badMessage, EBUSY: .busy, ECANCELED: .canceled, ECHILD: .child,
        ECONNABORTED: .connectionAborted, ECONNREFUSED: .connectionRefused, ECONNRESET: .connectionReset,
        EDEADLK: .deadlock, EDESTADDRREQ: .destinationAddressRequired, EDOM: .domain, EDQUOT: .quota,
        EEXIST: .exists, EFAULT: .fault, EFBIG: .fileTooBig, EHOSTUNREACH: .hostUnreachable,
        EIDRM: .identifierRemoved, EILSEQ: .illegalSequence, EINPROGRESS: .inProgress, EINTR: .interrupted,
        EINVAL: .invalid, EIO: .io, EISCONN: .isConnected, EISDIR: .isDirectory, ELOOP: .loop,
        EMFILE: .tooManyOpenFiles, EMLINK: .tooManyLinks, EMSGSIZE: .messageSize, EMULTIHOP: .multihop,
        ENAMETOOLONG: .nameTooLong, ENETDOWN: .networkDown, ENETRESET: .networkReset,
        ENETUNREACH: .networkUnreachable, ENFILE: .fileTableOverflow, ENOBUFS: .noBufferSpace,
        ENODEV: .noDevice, ENOENT: .noEntry, ENOEXEC: .notExecutable, ENOLCK: .noLock, ENOLINK: .noLink,
        ENOMEM: .noMemory, ENOMSG: .noMessage, ENOPROTOOPT: .noProtocolOption, ENOSPC: .noSpace,
        ENOSYS: .notImplemented, ENOTCONN: .notConnected, ENOTDIR: .notDirectory, ENOTEMPTY: .notEmpty,
        ENOTRECOVERABLE: .notRecoverable, ENOTSOCK: .notSocket, ENOTSUP: .notSupported, ENOTTY: .notTTY,
        ENXIO: .noSuchDeviceOrAddress, EOVERFLOW: .overflow, EOWNERDEAD: .ownerDead, EPERM: .notPermitted,
        EPIPE: .brokenPipe, EPROTO: .protocolError, EPROTONOSUPPORT: .protocolNotSupported,
        EPROTOTYPE: .wrongProtocolType, ERANGE: .range, EROFS: .readOnlyFileSystem, ESPIPE: .invalidSeek,
        ESRCH: .noSuchProcess, ESTALE: .stale, ETIMEDOUT: .timedOut, ETXTBSY: .textFileBusy, EXDEV: .crossDevice,
    ]
}
