import Vudo
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One `poll_oneoff` call: its subscriptions read from guest memory, what is ready (asked of the
/// host without waiting, or waiting in `poll(2)` for a synchronous caller), and its events written
/// back. The waiting itself is ``WASI``'s, which knows whether it may block.
struct PollRequest {
    private enum Kind {
        /// Due this many nanoseconds after the call started.
        case clock(delay: UInt64)
        /// Always ready: a Swift closure behind a standard stream.
        case stream
        /// Ready when `poll(2)` says so. The descriptor is kept, so the host file stays open while
        /// the call waits (without the WASI's lock) even if the table changes.
        case host(Int32, events: Int16, owner: WASIDescriptor)
        /// Reported at once with this error.
        case failed(WASIErrno)
    }

    private struct Subscription {
        let userdata: UInt64
        let type: UInt8
        let kind: Kind
    }

    private let subscriptions: [Subscription]
    private let events: UInt32
    private let result: UInt32
    private let started = ContinuousClock.now

    /// Reads the subscriptions; `EINVAL` for none, `EFAULT` when either array leaves memory.
    /// Needs the WASI's lock (it reads the descriptor table).
    init(
        _ memory: GuestMemory, subscriptions address: UInt32, events: UInt32, count: UInt32, result: UInt32,
        descriptors: DescriptorTable, clock: WASIClock
    ) throws(WASIErrno) {
        guard count > 0 else { throw .invalid }
        let (size, overflow) = count.multipliedReportingOverflow(by: UInt32(WASIABI.subscriptionSize))
        let (eventsSize, eventsOverflow) = count.multipliedReportingOverflow(by: UInt32(WASIABI.eventSize))
        guard !overflow, !eventsOverflow else { throw .fault }
        try memory.check(address, count: size)
        try memory.check(events, count: eventsSize)
        try memory.check(result, count: 4)
        var subscriptions: [Subscription] = []
        subscriptions.reserveCapacity(Int(count))
        for k in 0..<count {
            let record = try memory.bytes(
                at: address + k * UInt32(WASIABI.subscriptionSize), count: UInt32(WASIABI.subscriptionSize))
            subscriptions.append(Self.subscription(record, descriptors: descriptors, clock: clock))
        }
        self.subscriptions = subscriptions
        self.events = events
        self.result = result
    }

    /// The `subscription` record: userdata at 0, the tag at 8, the variant's fields from 16.
    private static func subscription(_ record: [UInt8], descriptors: DescriptorTable, clock: WASIClock) -> Subscription
    {
        func field(_ offset: Int, _ width: Int) -> UInt64 { GuestMemory.decode(record[offset..<(offset + width)]) }
        let userdata = field(0, 8)
        let type = record[8]
        func make(_ kind: Kind) -> Subscription { Subscription(userdata: userdata, type: type, kind: kind) }
        switch type {
        case WASIABI.EventType.clock:
            let timeout = field(24, 8)
            let absolute = UInt16(truncatingIfNeeded: field(40, 2)) & WASIABI.subscriptionClockAbsoluteTime != 0
            guard let id = WASIClockID(rawValue: UInt32(truncatingIfNeeded: field(16, 4))), let now = clock.now(id)
            else {
                return make(.failed(.invalid))
            }
            return make(.clock(delay: absolute ? (timeout > now ? timeout - now : 0) : timeout))
        case WASIABI.EventType.fdRead, WASIABI.EventType.fdWrite:
            let reading = type == WASIABI.EventType.fdRead
            guard let descriptor = descriptors[UInt32(truncatingIfNeeded: field(16, 4))] else {
                return make(.failed(.badFileDescriptor))
            }
            guard descriptor.rights & WASIABI.Rights.pollFdReadwrite != 0 else { return make(.failed(.notCapable)) }
            let events = Int16(reading ? POLLIN : POLLOUT)
            switch descriptor.kind {
            case .input(let input) where reading:
                return make(input.hostDescriptor.map { .host($0, events: events, owner: descriptor) } ?? .stream)
            case .output(let output) where !reading:
                return make(output.hostDescriptor.map { .host($0, events: events, owner: descriptor) } ?? .stream)
            case .file(let host):
                return make(.host(host.rawValue, events: events, owner: descriptor))
            case .input, .output, .directory:
                // Not readable (or writable) at all: as `fd_read` (or `fd_write`) would fail.
                return make(.failed(.badFileDescriptor))
            }
        default:
            return make(.failed(.invalid))
        }
    }

    // MARK: Readiness

    /// Nanoseconds since the call started.
    var elapsed: UInt64 {
        let (seconds, attoseconds) = (ContinuousClock.now - started).components
        return UInt64(max(seconds, 0)) &* 1_000_000_000 &+ UInt64(max(attoseconds, 0) / 1_000_000_000)
    }

    /// The earliest clock's delay, if there is a clock subscription.
    var earliestClock: UInt64? {
        subscriptions.compactMap { if case .clock(let delay) = $0.kind { delay } else { nil } }.min()
    }

    /// Whether a host descriptor is among the subscriptions: only then can something other than a
    /// clock end the wait.
    var waitsForHostDescriptors: Bool {
        subscriptions.contains { if case .host = $0.kind { true } else { false } }
    }

    /// The events ready now, in subscription order: failed subscriptions, Swift streams, host
    /// descriptors `poll(2)` reports within `timeout` milliseconds (0: just ask; -1: until one is
    /// ready), and clocks due `dueBy` nanoseconds after the start (nil: the time elapsed once
    /// polling is done).
    func readyEvents(pollTimeout timeout: Int32, clocksDueBy dueBy: UInt64? = nil) -> [[UInt8]] {
        var ready = [[UInt8]?](repeating: nil, count: subscriptions.count)
        var polled: [Int] = []
        var descriptors: [pollfd] = []
        for (k, subscription) in subscriptions.enumerated() {
            switch subscription.kind {
            case .failed(let error): ready[k] = event(subscription, error: error)
            case .stream: ready[k] = event(subscription, error: .success)
            case .host(let descriptor, let events, _):
                polled.append(k)
                descriptors.append(pollfd(fd: descriptor, events: events, revents: 0))
            case .clock: break
            }
        }
        if !descriptors.isEmpty {
            // Waiting only when nothing else is ready: the guest must get what is ready now.
            let wait = ready.contains { $0 != nil } ? 0 : timeout
            var answer = poll(&descriptors, nfds_t(descriptors.count), wait)
            // An interrupted wait returns to the caller, which waits again for what is left.
            while answer < 0, errno == EINTR, wait == 0 { answer = poll(&descriptors, nfds_t(descriptors.count), 0) }
            let failure: WASIErrno? = answer < 0 && errno != EINTR ? WASIErrno.current : nil
            for (index, k) in polled.enumerated() {
                if let failure {
                    ready[k] = event(subscriptions[k], error: failure)
                } else if answer > 0, descriptors[index].revents != 0 {
                    ready[k] = descriptorEvent(subscriptions[k], revents: descriptors[index].revents)
                }
            }
        }
        let due = dueBy ?? elapsed
        for (k, subscription) in subscriptions.enumerated() {
            if case .clock(let delay) = subscription.kind, delay <= due {
                ready[k] = event(subscription, error: .success)
            }
        }
        return ready.compactMap { $0 }
    }

    /// Writes the events and their count.
    func report(_ ready: [[UInt8]], to memory: GuestMemory) throws(WASIErrno) {
        var offset = events
        for record in ready {
            try memory.write(record, at: offset)
            offset += UInt32(WASIABI.eventSize)
        }
        try memory.store(UInt32(ready.count), at: result)
    }

    // MARK: Events

    /// `event`: userdata at 0, errno at 8, type at 10, and for descriptors `nbytes` at 16 and the
    /// flags (hang-up) at 24.
    private func event(
        _ subscription: Subscription, error: WASIErrno, bytes: UInt64 = 0, hangUp: Bool = false
    ) -> [UInt8] {
        var record = ABIRecord(size: WASIABI.eventSize)
        record.set(subscription.userdata, at: 0)
        record.set(error.rawValue, at: 8)
        record.set(subscription.type, at: 10)
        record.set(bytes, at: 16)
        record.set(UInt16(hangUp ? WASIABI.eventHangUp : 0), at: 24)
        return record.bytes
    }

    private func descriptorEvent(_ subscription: Subscription, revents: Int16) -> [UInt8] {
        guard case .host(let descriptor, _, _) = subscription.kind else { return event(subscription, error: .success) }
        if revents & Int16(POLLNVAL) != 0 { return event(subscription, error: .badFileDescriptor) }
        let hangUp = revents & Int16(POLLHUP) != 0
        // A write end whose reader is gone reports POLLERR: writing would fail with EPIPE.
        if revents & Int16(POLLERR) != 0, revents & Int16(POLLIN | POLLOUT) == 0 {
            return event(
                subscription, error: hangUp || subscription.type == WASIABI.EventType.fdWrite ? .brokenPipe : .io)
        }
        let bytes = subscription.type == WASIABI.EventType.fdRead ? Self.readableBytes(descriptor) : 0
        return event(subscription, error: .success, bytes: bytes, hangUp: hangUp)
    }

    /// For an `fd_read` event: what is left of a regular file, or what a pipe or socket holds.
    private static func readableBytes(_ descriptor: Int32) -> UInt64 {
        var info = HostStatBuffer()
        if fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG {
            let position = lseek(descriptor, 0, SEEK_CUR)
            return position >= 0 && position < info.st_size ? UInt64(info.st_size - position) : 0
        }
        #if os(Linux)
        var waiting: Int32 = 0
        if ioctl(descriptor, UInt(FIONREAD), &waiting) == 0, waiting > 0 { return UInt64(waiting) }
        #endif
        return 0
    }
}
