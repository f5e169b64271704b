/// A message between Spirits of one ``Seance``: who sent it, on which channel, and its bytes.
/// The payload is a copy, so neither the sender's nor the receiver's memory is ever shared.
public struct SeanceMessage: Sendable, Hashable {
    /// The sender's session name (``Seance/hostSender`` when sent from Swift).
    public let from: String
    public let channel: Int32
    public let payload: [UInt8]

    public init(from: String, channel: Int32, payload: [UInt8]) {
        self.from = from
        self.channel = channel
        self.payload = payload
    }
}
