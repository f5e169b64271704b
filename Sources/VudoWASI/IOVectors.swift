/// An `iovec` or `ciovec` array in guest memory: `(buf, buf_len)` pairs of little-endian u32s.
///
/// Read one pair at a time, never gathered into a host array: a guest chooses the number of
/// vectors and their lengths, and many vectors may point at the same bytes, so nothing the host
/// allocates may grow with either.

import Vudo
import WasmCore

struct IOVectors {
    let memory: GuestMemory
    let address: UInt32
    let count: UInt32

    /// `EFAULT` unless the array itself lies inside memory.
    init(_ memory: GuestMemory, at address: UInt32, count: UInt32) throws(WASIErrno) {
        let (size, overflow) = count.multipliedReportingOverflow(by: 8)
        guard !overflow else { throw .fault }
        try memory.check(address, count: size)
        self.memory = memory
        self.address = address
        self.count = count
    }

    /// The vector at `index` (below ``count``).
    func vector(_ index: UInt32) throws(WASIErrno) -> (address: UInt32, length: UInt32) {
        let entry = address &+ index &* 8
        return (try memory.u32(at: entry), try memory.u32(at: entry &+ 4))
    }

    /// Checks that every buffer lies inside memory (`EFAULT` before anything moves, as the whole
    /// call fails) and returns the sum of their lengths.
    func checkedTotal() throws(WASIErrno) -> UInt64 {
        var total: UInt64 = 0
        for index in 0..<count {
            let (address, length) = try vector(index)
            try memory.check(address, count: length)
            total += UInt64(length)  // at most 2^32 vectors of 2^32 bytes: no overflow
        }
        return total
    }

    /// A position in the vectors: which one, and how far into it.
    struct Cursor {
        var index: UInt32 = 0
        var offset: UInt32 = 0
    }

    /// Copies `bytes` into the buffers from `cursor` on (a read's scatter), moving the cursor.
    func scatter(_ bytes: ArraySlice<UInt8>, from cursor: inout Cursor) throws(WASIErrno) {
        var rest = bytes
        while !rest.isEmpty, cursor.index < count {
            let (address, length) = try vector(cursor.index)
            let piece = rest.prefix(Int(length - cursor.offset))
            try memory.write(Array(piece), at: address &+ cursor.offset)
            rest = rest.dropFirst(piece.count)
            advance(&cursor, by: piece.count, length: length)
        }
    }

    /// Up to `limit` bytes from the buffers from `cursor` on (a write's gather), moving the cursor.
    func gather(upTo limit: Int, from cursor: inout Cursor) throws(WASIErrno) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(limit)
        while bytes.count < limit, cursor.index < count {
            let (address, length) = try vector(cursor.index)
            let take = min(Int(length - cursor.offset), limit - bytes.count)
            bytes += try memory.bytes(at: address &+ cursor.offset, count: UInt32(take))
            advance(&cursor, by: take, length: length)
        }
        return bytes
    }

    private func advance(_ cursor: inout Cursor, by moved: Int, length: UInt32) {
        cursor.offset += UInt32(moved)
        if cursor.offset >= length {
            cursor.index += 1
            cursor.offset = 0
        }
    }
}
