/// The `messaging` Loa a Séance builds for each of its Spirits: the DOL messaging ABI over the
/// Séance's ``Mailbox``, sending as that Spirit.
///
/// - `vudo_send(to_ptr, to_len, channel, payload_ptr, payload_len) -> i32`: 1 delivered, 0 no
///   such recipient.
/// - `vudo_recv(channel, from_buf, from_max, payload_buf, payload_max) -> i32`: the payload's
///   length, with the sender's name written to `from_buf` (NUL-terminated when there is room);
///   -1 when nothing waits; -2 when a buffer is too small, and the message stays queued.
/// - `vudo_pending(channel) -> i32`: how many messages wait on `channel`.
/// - `vudo_broadcast(channel, payload_ptr, payload_len) -> i32`: how many Spirits received it
///   (every one but the sender).
enum MessagingLoa {
    static let name = "messaging"
    static let version: SemanticVersion = "1.0.0"
    /// Modules DOL-compiled Spirits import these functions from, linked as aliases of the Loa.
    static let aliasModules = ["vudo", "env"]

    static func make(for sender: String, mailbox: Mailbox) -> Loa {
        Loa(name, version: version) { loa in
            loa.function("vudo_send", capability: "send") {
                (context, to: UInt32, toLength: UInt32, channel: Int32, payload: UInt32, length: UInt32) -> Int32 in
                let recipient = try context.memory.readRawString(at: to, length: toLength)
                let bytes = try context.memory.readBytes(at: payload, count: Int(length))
                return mailbox.send(SeanceMessage(from: sender, channel: channel, payload: bytes), to: recipient) ? 1 : 0
            }
            loa.function("vudo_recv", capability: "receive") {
                (context, channel: Int32, fromBuffer: UInt32, fromMax: UInt32, payloadBuffer: UInt32, payloadMax: UInt32) -> Int32 in
                guard mailbox.pending(for: sender, channel: channel) > 0 else { return -1 }
                // Check the buffers are writable before taking the message, so a bad pointer
                // traps without losing it.
                _ = try context.memory.readBytes(at: fromBuffer, count: Int(fromMax))
                _ = try context.memory.readBytes(at: payloadBuffer, count: Int(payloadMax))
                let taken = mailbox.receive(for: sender, channel: channel) { message in
                    message.from.utf8.count <= Int(fromMax) && message.payload.count <= Int(payloadMax)
                }
                guard let message = taken else { return -2 }
                var from = Array(message.from.utf8)
                if from.count < Int(fromMax) { from.append(0) }
                try context.memory.writeBytes(from, at: fromBuffer)
                try context.memory.writeBytes(message.payload, at: payloadBuffer)
                return Int32(message.payload.count)
            }
            loa.function("vudo_pending", capability: "receive") { (_: HostContext, channel: Int32) -> Int32 in
                Int32(clamping: mailbox.pending(for: sender, channel: channel))
            }
            loa.function("vudo_broadcast", capability: "broadcast") {
                (context, channel: Int32, payload: UInt32, length: UInt32) -> Int32 in
                let bytes = try context.memory.readBytes(at: payload, count: Int(length))
                return Int32(clamping: mailbox.broadcast(SeanceMessage(from: sender, channel: channel, payload: bytes)))
            }
        }
    }
}

/// The `state` Loa: the Séance's ``SharedState`` seen from a Spirit.
///
/// - `state_set(key_ptr, key_len, value_ptr, value_len) -> i32`: 0.
/// - `state_get(key_ptr, key_len, buf_ptr, buf_max) -> i32`: the value's length, written to
///   `buf_ptr`; -1 when the key is missing; -2 when the value is longer than `buf_max` (nothing
///   written; call again with a larger buffer).
/// - `state_delete(key_ptr, key_len) -> i32`: 1 when the key was there, 0 when not.
enum StateLoa {
    static let name = "state"
    static let version: SemanticVersion = "1.0.0"

    static func make(state: SharedState) -> Loa {
        Loa(name, version: version) { loa in
            loa.function("state_get", capability: "read") {
                (context, key: UInt32, keyLength: UInt32, buffer: UInt32, maximum: UInt32) -> Int32 in
                let name = try context.memory.readRawString(at: key, length: keyLength)
                guard let value = state.get(name) else { return -1 }
                guard value.count <= Int(maximum) else { return -2 }
                try context.memory.writeBytes(value, at: buffer)
                return Int32(value.count)
            }
            loa.function("state_set", capability: "write") {
                (context, key: UInt32, keyLength: UInt32, value: UInt32, length: UInt32) -> Int32 in
                let name = try context.memory.readRawString(at: key, length: keyLength)
                state.set(name, try context.memory.readBytes(at: value, count: Int(length)))
                return 0
            }
            loa.function("state_delete", capability: "write") { (context, key: UInt32, keyLength: UInt32) -> Int32 in
                state.delete(try context.memory.readRawString(at: key, length: keyLength)) ? 1 : 0
            }
        }
    }
}
