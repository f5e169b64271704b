/// A message on a ``MessageBus``: who sent it, to whom, on which channel, when, and its bytes.
/// The payload is a copy, so neither the sender's nor the receiver's memory is ever shared.
public struct SeanceMessage: Sendable, Hashable {
    /// The sender's name (a Spirit's session name, or ``Seance/hostName`` when sent from Swift).
    public let from: String
    /// The recipient's name.
    public let to: String
    /// The channel it was sent on; receivers may filter by it (0 receives every channel).
    public let channel: Int32
    public let payload: [UInt8]
    /// When it was sent, in milliseconds since the Unix epoch, read from the bus's ``TimeSource``.
    public let timestamp: Int64

    public init(from: String, to: String, channel: Int32, payload: [UInt8], timestamp: Int64) {
        self.from = from
        self.to = to
        self.channel = channel
        self.payload = payload
        self.timestamp = timestamp
    }

    /// Whether a receiver asking for `channel` takes this message: channel 0 takes every message.
    func matches(channel wanted: Int32) -> Bool { wanted == MessageBus.anyChannel || wanted == channel }
}
