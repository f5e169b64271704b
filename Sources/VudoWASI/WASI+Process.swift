/// Arguments, environment, clocks and randomness.

import Vudo
import WasmCore

extension WASI {
    var argumentStrings: [[UInt8]] { configuration.arguments.map { Array($0.utf8) } }

    /// `KEY=VALUE` in key order, so runs are repeatable.
    var environmentStrings: [[UInt8]] {
        configuration.environment.sorted { $0.key < $1.key }.map { Array("\($0.key)=\($0.value)".utf8) }
    }

    /// `args_get`/`environ_get`: a pointer per string into `buffer`, where the strings go NUL-terminated.
    func writeStrings(_ strings: [[UInt8]], memory: GuestMemory, pointers: UInt32, buffer: UInt32) throws(WASIErrno) {
        var pointerBytes: [UInt8] = []
        var bufferBytes: [UInt8] = []
        for string in strings {
            pointerBytes += GuestMemory.encode(buffer &+ UInt32(bufferBytes.count))
            bufferBytes += string + [0]
        }
        try memory.check(pointers, count: UInt32(pointerBytes.count))
        try memory.check(buffer, count: UInt32(bufferBytes.count))
        try memory.write(pointerBytes, at: pointers)
        try memory.write(bufferBytes, at: buffer)
    }

    /// `args_sizes_get`/`environ_sizes_get`: the count, and the bytes the NUL-terminated strings need.
    func writeSizes(_ strings: [[UInt8]], memory: GuestMemory, count: UInt32, size: UInt32) throws(WASIErrno) {
        try memory.store(UInt32(strings.count), at: count)
        try memory.store(UInt32(strings.reduce(0) { $0 + $1.count + 1 }), at: size)
    }

    func clockResolution(_ memory: GuestMemory, id: UInt32, result: UInt32) throws(WASIErrno) {
        guard let clock = WASIClockID(rawValue: id), let resolution = configuration.clock.resolution(clock) else {
            throw .invalid
        }
        try memory.store(resolution, at: result)
    }

    func clockTime(_ memory: GuestMemory, id: UInt32, result: UInt32) throws(WASIErrno) {
        guard let clock = WASIClockID(rawValue: id), let now = configuration.clock.now(clock) else { throw .invalid }
        try memory.store(now, at: result)
    }

    func randomGet(_ memory: GuestMemory, buffer: UInt32, length: UInt32) throws(WASIErrno) {
        try memory.check(buffer, count: length)
        try memory.write(configuration.random.bytes(Int(length)), at: buffer)
    }
}
