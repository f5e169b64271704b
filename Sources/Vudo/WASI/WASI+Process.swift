#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Arguments, environment, clocks, randomness and `poll_oneoff`.
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

    /// Clock subscriptions wait (on ``WASIClock/sleep``) for the earliest timeout; descriptor
    /// subscriptions are reported ready at once, as files and the standard streams never block
    /// here.
    func pollOneoff(
        _ memory: GuestMemory, subscriptions: UInt32, events: UInt32, count: UInt32, result: UInt32
    ) throws(WASIErrno) {
        guard count > 0 else { throw .invalid }
        let size = UInt64(count) * UInt64(WASIABI.subscriptionSize)
        guard size <= UInt64(UInt32.max) else { throw .fault }
        let raw = try memory.bytes(at: subscriptions, count: UInt32(size))
        try memory.check(events, count: count &* UInt32(WASIABI.eventSize))

        var ready: [[UInt8]] = []
        var timers: [(userdata: UInt64, delay: UInt64)] = []
        for k in 0..<Int(count) {
            let subscription = raw[(k * WASIABI.subscriptionSize)..<((k + 1) * WASIABI.subscriptionSize)]
            func field(_ offset: Int, _ width: Int) -> UInt64 {
                let start = subscription.startIndex + offset
                return GuestMemory.decode(subscription[start..<(start + width)])
            }
            let userdata = field(0, 8)
            let type = UInt8(field(8, 1))
            switch type {
            case WASIABI.EventType.clock:
                let timeout = field(24, 8)
                let absolute = UInt16(field(40, 2)) & WASIABI.subscriptionClockAbsoluteTime != 0
                guard let clock = WASIClockID(rawValue: UInt32(field(16, 4))),
                    let now = configuration.clock.now(clock)
                else {
                    ready.append(event(userdata: userdata, error: .invalid, type: type))
                    continue
                }
                timers.append((userdata, absolute ? (timeout > now ? timeout - now : 0) : timeout))
            case WASIABI.EventType.fdRead, WASIABI.EventType.fdWrite:
                let number = UInt32(field(16, 4))
                guard let descriptor = descriptors[number] else {
                    ready.append(event(userdata: userdata, error: .badFileDescriptor, type: type))
                    continue
                }
                ready.append(event(userdata: userdata, error: .success, type: type, bytes: readableBytes(descriptor)))
            default:
                ready.append(event(userdata: userdata, error: .invalid, type: type))
            }
        }
        if let earliest = timers.map(\.delay).min() {
            if ready.isEmpty {
                if earliest > 0 { configuration.clock.sleep(earliest) }
                ready += timers.filter { $0.delay <= earliest }.map {
                    event(userdata: $0.userdata, error: .success, type: 0)
                }
            } else {
                ready += timers.filter { $0.delay == 0 }.map { event(userdata: $0.userdata, error: .success, type: 0) }
            }
        }
        try memory.write(ready.flatMap { $0 }, at: events)
        try memory.store(UInt32(ready.count), at: result)
    }

    private func event(userdata: UInt64, error: WASIErrno, type: UInt8, bytes: UInt64 = 0) -> [UInt8] {
        var record = ABIRecord(size: WASIABI.eventSize)
        record.set(userdata, at: 0)
        record.set(error.rawValue, at: 8)
        record.set(type, at: 10)
        record.set(bytes, at: 16)
        return record.bytes
    }

    /// For an fd_read event: what is left of a regular file, else 0 (unknown).
    private func readableBytes(_ descriptor: WASIDescriptor) -> UInt64 {
        guard case .file(let host) = descriptor.kind, let info = try? HostFileSystem.stat(host) else { return 0 }
        let position = lseek(host.rawValue, 0, SEEK_CUR)
        return position >= 0 && UInt64(position) < info.size ? info.size - UInt64(position) : 0
    }
}
