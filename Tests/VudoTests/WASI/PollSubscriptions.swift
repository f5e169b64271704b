import Vudo

/// `poll_oneoff` records as the preview-1 ABI lays them out (witx `subscription`, `event`).
enum PollABI {
    static let subscriptionSize = 48
    static let eventSize = 32
    static let monotonic: UInt32 = 1

    /// A clock subscription: `timeout` nanoseconds from now, or the instant `timeout` on the clock
    /// when `absolute`.
    static func clock(
        _ userdata: UInt64, nanoseconds timeout: UInt64, absolute: Bool = false, id: UInt32 = monotonic
    ) -> [UInt8] {
        var record = [UInt8](repeating: 0, count: subscriptionSize)
        record.replaceSubrange(0..<8, with: le(userdata))
        record[8] = 0
        record.replaceSubrange(16..<20, with: le(id))
        record.replaceSubrange(24..<32, with: le(timeout))
        record.replaceSubrange(40..<42, with: le(UInt16(absolute ? 1 : 0)))
        return record
    }

    /// An `fd_read` (or `fd_write`) subscription.
    static func descriptor(_ userdata: UInt64, fd: UInt32, write: Bool = false) -> [UInt8] {
        var record = [UInt8](repeating: 0, count: subscriptionSize)
        record.replaceSubrange(0..<8, with: le(userdata))
        record[8] = write ? 2 : 1
        record.replaceSubrange(16..<20, with: le(fd))
        return record
    }

    struct Event: Equatable, CustomStringConvertible {
        var userdata: UInt64
        var errno: UInt16
        var type: UInt8
        var bytes: UInt64
        var hangUp: Bool

        var description: String {
            "event(\(userdata), errno \(errno), type \(type), \(bytes) bytes\(hangUp ? ", hang-up" : ""))"
        }
    }

    static func events(_ bytes: [UInt8], count: Int) -> [Event] {
        func field<T: FixedWidthInteger>(_ record: ArraySlice<UInt8>, _ offset: Int, _: T.Type) -> T {
            var value: T = 0
            for k in 0..<(T.bitWidth / 8) { value |= T(record[record.startIndex + offset + k]) << (8 * k) }
            return value
        }
        return (0..<count).map { k in
            let record = bytes[(k * eventSize)..<((k + 1) * eventSize)]
            return Event(
                userdata: field(record, 0, UInt64.self), errno: field(record, 8, UInt16.self),
                type: field(record, 10, UInt8.self), bytes: field(record, 16, UInt64.self),
                hangUp: field(record, 24, UInt16.self) & 1 != 0)
        }
    }
}

extension WASICalls {
    /// Calls `poll_oneoff` with these subscriptions; the errno and the events.
    func poll(_ subscriptions: [[UInt8]]) throws -> (errno: UInt32, events: [PollABI.Event]) {
        let subscriptionsAt: UInt32 = 4096
        let eventsAt: UInt32 = 8192
        put(subscriptions.flatMap { $0 }, at: subscriptionsAt)
        let errno = try call(
            "poll", [.i32(subscriptionsAt), .i32(eventsAt), .i32(UInt32(subscriptions.count)), .i32(result)])
        let count = errno == 0 ? min(Int(u32(at: result)), subscriptions.count) : 0
        return (errno, PollABI.events(bytes(at: eventsAt, count: count * PollABI.eventSize), count: count))
    }
}
