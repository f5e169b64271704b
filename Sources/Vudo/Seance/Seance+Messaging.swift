/// Messages and shared state from Swift: the same operations Spirits reach through the
/// `messaging` and `state` Loas, on ``messages`` and ``state``, checked against a dismissed Séance.
extension Seance {
    /// Queues a copy of `payload` for the Spirit (or ``hostName``) named `recipient` on `channel`.
    /// Returns false, as `vudo_send` returns 0, when there is no such recipient.
    @discardableResult
    public func send(
        to recipient: String, channel: Int32, _ payload: [UInt8], from sender: String = Seance.hostName
    ) throws(SeanceError) -> Bool {
        try checkOpen()
        return messages.send(payload, to: recipient, channel: channel, from: sender)
    }

    /// Queues a copy of `payload` for every Spirit but `sender` (the host receives no broadcasts);
    /// returns how many received it.
    @discardableResult
    public func broadcast(
        channel: Int32, _ payload: [UInt8], from sender: String = Seance.hostName
    ) throws(SeanceError) -> Int {
        try checkOpen()
        return messages.broadcast(payload, channel: channel, from: sender)
    }

    /// How many messages wait for `recipient` (the host by default) on `channel`; channel 0 counts
    /// every channel.
    public func pending(
        for recipient: String = Seance.hostName, channel: Int32 = MessageBus.anyChannel
    ) throws(SeanceError) -> Int {
        try checkOpen()
        return messages.pending(for: recipient, channel: channel)
    }

    /// Takes the oldest message waiting for `recipient` (the host by default) on `channel` (0: on
    /// any channel), or nil.
    public func receive(
        for recipient: String = Seance.hostName, channel: Int32 = MessageBus.anyChannel
    ) throws(SeanceError) -> SeanceMessage? {
        try checkOpen()
        return messages.receive(for: recipient, channel: channel)
    }

    /// The message ``receive(for:channel:)`` would take, left queued.
    public func peek(
        for recipient: String = Seance.hostName, channel: Int32 = MessageBus.anyChannel
    ) throws(SeanceError) -> SeanceMessage? {
        try checkOpen()
        return messages.peek(for: recipient, channel: channel)
    }

    /// Every message waiting for `recipient`, over all channels: ``pending(for:channel:)`` on channel 0.
    public func pendingTotal(for recipient: String) throws(SeanceError) -> Int {
        try pending(for: recipient, channel: MessageBus.anyChannel)
    }
}
