import WasmCore

extension DOLABI {
    /// The compiler's messaging functions: no channels (messages go on channel 0 and every channel
    /// is received), payloads only (the sender is not reported), and return codes of the ABI.
    static func addMessaging(to loa: inout LoaBuilder) {
        // 0 sent; NotFound (-4) when no Spirit has that name; InvalidArg (-2) for a payload over
        // 1 MiB or a name that is not UTF-8.
        loa.function("vudo_send", capability: "send") {
            (context, target: UInt32, targetLength: UInt32, payload: UInt32, length: UInt32) -> Int32 in
            // Refused before reading: the host copies nothing for a message the ABI does not allow.
            guard length <= MessageBus.maximumPayloadLength else { return DOLResultCode.invalidArgument.rawValue }
            guard targetLength <= MessageBus.maximumNameLength else { return DOLResultCode.notFound.rawValue }
            let name = try context.memory.readBytes(at: target, count: Int(targetLength))
            let bytes = try context.memory.readBytes(at: payload, count: Int(length))
            guard let recipient = String(validating: name, as: UTF8.self) else {
                return DOLResultCode.invalidArgument.rawValue
            }
            guard let endpoint = context.messaging,
                endpoint.bus.send(bytes, to: recipient, channel: MessageBus.anyChannel, from: endpoint.name)
            else { return DOLResultCode.notFound.rawValue }
            return DOLResultCode.ok.rawValue
        }
        loa.add(
            LoaFunction(
                name: "vudo_recv", type: FunctionType(parameters: [.i32, .i32, .i32], results: [.i32]),
                capability: "receive"
            ) {
                context, arguments in
                let numbers = arguments.compactMap(UInt32.init(wasmValue:))
                guard numbers.count == 3 else {
                    throw LoaArgumentError(function: "vudo_recv", index: numbers.count, expected: .i32)
                }
                return [
                    .i32(
                        UInt32(
                            bitPattern: try await receive(
                                context, timeout: numbers[0], buffer: numbers[1], capacity: numbers[2])))
                ]
            })
        loa.function("vudo_pending", capability: "receive") { (context: HostContext) -> Int32 in
            guard let endpoint = context.messaging else { return 0 }
            return Int32(clamping: endpoint.bus.pending(for: endpoint.name))
        }
        // How many Spirits received it (all but the sender); 0 for a payload over 1 MiB.
        loa.function("vudo_broadcast", capability: "broadcast") { (context, payload: UInt32, length: UInt32) -> Int32 in
            guard length <= MessageBus.maximumPayloadLength else { return 0 }
            let bytes = try context.memory.readBytes(at: payload, count: Int(length))
            guard let endpoint = context.messaging else { return 0 }
            return Int32(clamping: endpoint.bus.broadcast(bytes, channel: MessageBus.anyChannel, from: endpoint.name))
        }
        // The guest is never told a message id, so there is nothing to free: accepted, as in
        // src/host.rs ("may be a no-op").
        loa.function("vudo_free_message", capability: "receive") { (_: HostContext, _: UInt32) in }
    }

    /// `vudo_recv(timeout_ms, out_ptr, out_len)`: waits up to `timeout` milliseconds for a message,
    /// suspending the Spirit, and writes its payload to the buffer, cut to `capacity` bytes as
    /// src/host.rs says. Returns the bytes written; 0 when none came (an empty payload reads as 0
    /// too).
    private nonisolated(nonsending) static func receive(
        _ context: HostContext, timeout: UInt32, buffer: UInt32, capacity: UInt32
    ) async throws -> Int32 {
        // A bad buffer ends the call before anything is taken, so no message is lost to it.
        _ = try context.memory.checkRange(UInt64(buffer), count: UInt64(capacity))
        let limit = context.waitLimit(for: .milliseconds(Int64(timeout)))
        let message: SeanceMessage?
        if let endpoint = context.messaging {
            message = await endpoint.bus.receive(for: endpoint.name, channel: MessageBus.anyChannel, until: limit.end)
        } else {
            // Alone, no message can come: the wait is only a wait.
            try? await Task.sleep(until: limit.end, clock: .continuous)
            message = nil
        }
        guard let message else {
            if Task.isCancelled { throw Trap(.cancelled) }
            if limit.cutByDeadline { throw Trap(.deadlineExceeded) }
            return 0
        }
        let written = min(message.payload.count, Int(capacity))
        try context.memory.writeBytes(Array(message.payload.prefix(written)), at: buffer)
        return Int32(clamping: written)
    }
}
