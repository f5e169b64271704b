/// Receiving with a timeout: the receiver is suspended, no thread is blocked, and a message sent
/// meanwhile wakes it. This is how `vudo_recv(timeout_ms, ...)` waits.
extension MessageBus {
    /// Removes and returns the oldest message for `recipient` on `channel` (0: any), waiting up to
    /// `timeout` for one to arrive. Returns nil when the time is up, when `recipient` is (or
    /// becomes) unregistered, or when the task is cancelled.
    public func receive(for recipient: String, channel: Int32 = anyChannel, timeout: Duration) async -> SeanceMessage? {
        await receive(for: recipient, channel: channel, until: ContinuousClock.now.advanced(by: timeout))
    }

    /// Whether a receiver is waiting in ``receive(for:channel:timeout:)`` for `name` right now.
    public func isWaiting(_ name: String) -> Bool {
        state.withLock { $0.waiters.values.contains { $0.recipient == name } }
    }

    func receive(for recipient: String, channel: Int32, until deadline: ContinuousClock.Instant) async -> SeanceMessage?
    {
        while true {
            if let message = receive(for: recipient, channel: channel) { return message }
            guard isRegistered(recipient), !Task.isCancelled, ContinuousClock.now < deadline else { return nil }
            await waitForArrival(for: recipient, channel: channel, until: deadline)
        }
    }

    /// Suspends until a message for `recipient` on `channel` may have arrived, `recipient` is
    /// unregistered, `deadline` passes or the task is cancelled. Callers check which.
    private func waitForArrival(for recipient: String, channel: Int32, until deadline: ContinuousClock.Instant) async {
        let wait = state.withLock { state in
            state.lastWait &+= 1
            state.liveWaits.insert(state.lastWait)
            return state.lastWait
        }
        defer {
            state.withLock { state in
                state.liveWaits.remove(wait)
                state.wokenEarly.remove(wait)
                state.waiters[wait] = nil
            }
        }
        let timer = Task { [weak self] in
            do { try await Task.sleep(until: deadline, clock: .continuous) } catch { return }
            self?.wake(wait)
        }
        defer { timer.cancel() }
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                // Checked and parked under one lock, so a message sent in between cannot be missed.
                let parked = state.withLock { state -> Bool in
                    guard state.wokenEarly.remove(wait) == nil, let inbox = state.inboxes[recipient],
                        !inbox.messages.contains(where: { $0.matches(channel: channel) })
                    else { return false }
                    state.waiters[wait] = MessageWaiter(
                        recipient: recipient, channel: channel, continuation: continuation)
                    return true
                }
                if !parked { continuation.resume() }
            }
        } onCancel: {
            wake(wait)
        }
    }

    /// Ends one wait: resumes it if it is parked, or keeps it from parking if it is about to.
    private func wake(_ wait: UInt64) {
        let continuation = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.liveWaits.contains(wait) else { return nil }
            if let waiter = state.waiters.removeValue(forKey: wait) { return waiter.continuation }
            state.wokenEarly.insert(wait)
            return nil
        }
        continuation?.resume()
    }
}
