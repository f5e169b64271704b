/// Constants and layouts of the preview-1 ABI (`wasi_snapshot_preview1`), named as in the spec.

import Vudo
import WasmCore

enum WASIABI {
    static let moduleName = "wasi_snapshot_preview1"

    /// `rights`: what a file descriptor may be used for.
    enum Rights {
        static let fdDatasync: UInt64 = 1 << 0
        static let fdRead: UInt64 = 1 << 1
        static let fdSeek: UInt64 = 1 << 2
        static let fdFdstatSetFlags: UInt64 = 1 << 3
        static let fdSync: UInt64 = 1 << 4
        static let fdTell: UInt64 = 1 << 5
        static let fdWrite: UInt64 = 1 << 6
        static let fdAdvise: UInt64 = 1 << 7
        static let fdAllocate: UInt64 = 1 << 8
        static let pathCreateDirectory: UInt64 = 1 << 9
        static let pathCreateFile: UInt64 = 1 << 10
        static let pathLinkSource: UInt64 = 1 << 11
        static let pathLinkTarget: UInt64 = 1 << 12
        static let pathOpen: UInt64 = 1 << 13
        static let fdReaddir: UInt64 = 1 << 14
        static let pathReadlink: UInt64 = 1 << 15
        static let pathRenameSource: UInt64 = 1 << 16
        static let pathRenameTarget: UInt64 = 1 << 17
        static let pathFilestatGet: UInt64 = 1 << 18
        static let pathFilestatSetSize: UInt64 = 1 << 19
        static let pathFilestatSetTimes: UInt64 = 1 << 20
        static let fdFilestatGet: UInt64 = 1 << 21
        static let fdFilestatSetSize: UInt64 = 1 << 22
        static let fdFilestatSetTimes: UInt64 = 1 << 23
        static let pathSymlink: UInt64 = 1 << 24
        static let pathRemoveDirectory: UInt64 = 1 << 25
        static let pathUnlinkFile: UInt64 = 1 << 26
        static let pollFdReadwrite: UInt64 = 1 << 27

        /// Rights that make sense on a regular file.
        static let regularFile: UInt64 =
            fdDatasync | fdRead | fdSeek | fdFdstatSetFlags | fdSync | fdTell
            | fdWrite | fdAdvise | fdAllocate | fdFilestatGet | fdFilestatSetSize | fdFilestatSetTimes
            | pollFdReadwrite
        /// Rights that make sense on a directory.
        static let directory: UInt64 =
            fdFdstatSetFlags | fdSync | fdAdvise | pathCreateDirectory
            | pathCreateFile | pathLinkSource | pathLinkTarget | pathOpen | fdReaddir | pathReadlink
            | pathRenameSource | pathRenameTarget | pathFilestatGet | pathFilestatSetSize
            | pathFilestatSetTimes | fdFilestatGet | fdFilestatSetTimes | pathSymlink | pathRemoveDirectory
            | pathUnlinkFile | pollFdReadwrite
        /// Everything a descriptor opened under a directory may inherit.
        static let all: UInt64 = regularFile | directory
        /// The rights a read-only grant takes away: anything that changes a file or the tree.
        static let mutating: UInt64 =
            fdDatasync | fdWrite | fdAllocate | fdFilestatSetSize | fdFilestatSetTimes
            | pathCreateDirectory | pathCreateFile | pathLinkSource | pathLinkTarget | pathRenameSource
            | pathRenameTarget | pathFilestatSetSize | pathFilestatSetTimes | pathSymlink
            | pathRemoveDirectory | pathUnlinkFile
        static let standardInput: UInt64 = fdRead | fdFilestatGet | pollFdReadwrite
        static let standardOutput: UInt64 = fdWrite | fdFilestatGet | pollFdReadwrite
    }

    /// `filetype`.
    enum FileType {
        static let unknown: UInt8 = 0
        static let blockDevice: UInt8 = 1
        static let characterDevice: UInt8 = 2
        static let directory: UInt8 = 3
        static let regularFile: UInt8 = 4
        static let socketDgram: UInt8 = 5
        static let socketStream: UInt8 = 6
        static let symbolicLink: UInt8 = 7
    }

    /// `fdflags`.
    enum FDFlags {
        static let append: UInt16 = 1 << 0
        static let dsync: UInt16 = 1 << 1
        static let nonblock: UInt16 = 1 << 2
        static let rsync: UInt16 = 1 << 3
        static let sync: UInt16 = 1 << 4
    }

    /// `oflags` of `path_open`.
    enum OpenFlags {
        static let create: UInt16 = 1 << 0
        static let directory: UInt16 = 1 << 1
        static let exclusive: UInt16 = 1 << 2
        static let truncate: UInt16 = 1 << 3
    }

    /// `lookupflags`.
    static let lookupSymlinkFollow: UInt32 = 1

    /// `fstflags` of the `*_set_times` functions.
    enum TimeFlags {
        static let accessTime: UInt16 = 1 << 0
        static let accessTimeNow: UInt16 = 1 << 1
        static let modificationTime: UInt16 = 1 << 2
        static let modificationTimeNow: UInt16 = 1 << 3
    }

    /// `whence` of `fd_seek`.
    enum Whence {
        static let set: UInt32 = 0
        static let current: UInt32 = 1
        static let end: UInt32 = 2
    }

    /// `eventtype` of `poll_oneoff`.
    enum EventType {
        static let clock: UInt8 = 0
        static let fdRead: UInt8 = 1
        static let fdWrite: UInt8 = 2
    }

    static let subscriptionClockAbsoluteTime: UInt16 = 1
    /// `eventrwflags`: the peer hung up (`fd_readwrite_hangup`).
    static let eventHangUp: UInt16 = 1
    static let subscriptionSize = 48
    static let eventSize = 32
    static let fdstatSize = 24
    static let filestatSize = 64
    static let direntHeaderSize = 24
}
