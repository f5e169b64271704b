/// Messages and shared state from Swift: the same operations Spirits reach through the
/// `messaging` and `state` Loas.
extension Seance {
    /// Queues a copy of `payload` for the Spirit (or ``hostName``) named `recipient` on `channel`.
    /// Returns false, as `vudo_send` returns 0, when there is no such recipient.
    @discardableResult
    public func send(to recipient: String, channel: Int32, _ payload: [UInt8], from sender: String = Seance.hostName) throws(SeanceError) -> Bool {
        try checkOpen()
        return mailbox.send(SeanceMessage(from: sender, channel: channel, payload: payload), to: recipient)
    }

    /// Queues a copy of `payload` for every Spirit (and the host) but `sender`; returns how many.
    @discardableResult
    public func broadcast(channel: Int32, _ payload: [UInt8], from sender: String = Seance.hostName) throws(SeanceError) -> Int {
        try checkOpen()
        return mailbox.broadcast(SeanceMessage(from: sender, channel: channel, payload: payload))
    }

    /// How many messages wait for `recipient` (the host by default) on `channel`.
    public func pending(for recipient: String = Seance.hostName, channel: Int32) throws(SeanceError) -> Int {
        try checkOpen()
        return mailbox.pending(for: recipient, channel: channel)
    }

    /// Takes the oldest message waiting for `recipient` (the host by default) on `channel`, or nil.
    public func receive(for recipient: String = Seance.hostName, channel: Int32) throws(SeanceError) -> SeanceMessage? {
        try checkOpen()
        return mailbox.receive(for: recipient, channel: channel)
    }

    /// Every message waiting for `recipient`, over all channels.
    public func pendingTotal(for recipient: String) throws(SeanceError) -> Int {
        try checkOpen()
        return mailbox.pendingTotal(for: recipient)
    }
}
