extension Loa {
    /// The messaging Loa's name.
    public static let messagingName = "messaging"

    /// The messaging Loa, `messaging` 1.0.0: the message bus in the shapes of `@vudo/runtime`'s
    /// messaging Loa (`messagebus.ts`), which Spirits import from `messaging` or `env`. Every
    /// registry holds it and ``SpiritOptions`` grants it by default; its functions work on the
    /// bus of the Séance the Spirit was summoned into (``Seance/messages``), as that Spirit.
    ///
    /// - `vudo_send(to_ptr, to_len, channel, payload_ptr, payload_len) -> i32` [send]: 1
    ///   delivered; 0 not delivered (no such recipient, or a payload over 1 MiB).
    /// - `vudo_recv(channel, from_buf, from_max, payload_buf, payload_max) -> i32` [receive]: the
    ///   payload's length, with the sender's name written to `from_buf` followed by a 0 byte; -1
    ///   when nothing waits on `channel` (0: any channel); -2 when the sender's name and its 0 byte
    ///   do not fit `from_max`, or the payload does not fit `payload_max`: the message stays queued.
    /// - `vudo_pending(channel) -> i32` [receive]: how many messages wait on `channel` (0: all).
    /// - `vudo_broadcast(channel, payload_ptr, payload_len) -> i32` [broadcast]: how many Spirits
    ///   received it (every one but the sender). Not in `@vudo/runtime`; a Vudo addition.
    ///
    /// A Spirit loaded outside a Séance is alone: `vudo_send` and `vudo_broadcast` reach no one
    /// (0), `vudo_recv` finds nothing (-1), `vudo_pending` counts 0. A pointer outside the Spirit's
    /// memory ends the call with a ``MemoryError``, as everywhere in the host ABI.
    public static let messaging = Loa(messagingName, version: "1.0.0") { loa in
        loa.function("vudo_send", capability: "send") {
            (context, to: UInt32, toLength: UInt32, channel: Int32, payload: UInt32, length: UInt32) -> Int32 in
            // Refused before reading: the host copies nothing for a message the ABI does not allow.
            guard toLength <= MessageBus.maximumNameLength, length <= MessageBus.maximumPayloadLength else { return 0 }
            let recipient = try context.memory.readRawString(at: to, length: toLength)
            let bytes = try context.memory.readBytes(at: payload, count: Int(length))
            guard let endpoint = context.messaging else { return 0 }
            return endpoint.bus.send(bytes, to: recipient, channel: channel, from: endpoint.name) ? 1 : 0
        }
        loa.function("vudo_recv", capability: "receive") {
            (
                context, channel: Int32, fromBuffer: UInt32, fromMax: UInt32, payloadBuffer: UInt32, payloadMax: UInt32
            ) -> Int32 in
            // The buffers are checked before the message is taken, so a bad pointer ends the call
            // without losing it.
            _ = try context.memory.checkRange(UInt64(fromBuffer), count: UInt64(fromMax))
            _ = try context.memory.checkRange(UInt64(payloadBuffer), count: UInt64(payloadMax))
            guard let endpoint = context.messaging else { return -1 }
            // The sender's name needs room for its 0 byte too; it is checked first, as
            // messagebus.ts does.
            let outcome = endpoint.bus.take(for: endpoint.name, channel: channel) { message in
                message.from.utf8.count < Int(fromMax) && message.payload.count <= Int(payloadMax)
            }
            switch outcome {
            case .nothing: return -1
            case .refused: return -2
            case .taken(let message):
                try context.memory.writeBytes(Array(message.from.utf8) + [0], at: fromBuffer)
                try context.memory.writeBytes(message.payload, at: payloadBuffer)
                return Int32(clamping: message.payload.count)
            }
        }
        loa.function("vudo_pending", capability: "receive") { (context: HostContext, channel: Int32) -> Int32 in
            guard let endpoint = context.messaging else { return 0 }
            return Int32(clamping: endpoint.bus.pending(for: endpoint.name, channel: channel))
        }
        loa.function("vudo_broadcast", capability: "broadcast") {
            (context, channel: Int32, payload: UInt32, length: UInt32) -> Int32 in
            guard length <= MessageBus.maximumPayloadLength else { return 0 }
            let bytes = try context.memory.readBytes(at: payload, count: Int(length))
            guard let endpoint = context.messaging else { return 0 }
            return Int32(clamping: endpoint.bus.broadcast(bytes, channel: channel, from: endpoint.name))
        }
    }
}
