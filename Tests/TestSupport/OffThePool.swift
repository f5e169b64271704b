import Foundation

/// Runs long synchronous work (a folder of spec scripts, a package build, a guest that computes
/// for seconds) on a thread of its own, and awaits it.
///
/// Swift Testing runs every test, synchronous ones too, on the cooperative pool, which has as many
/// threads as the machine has cores: two on the machines CI uses. Two tests computing there for
/// minutes hold the whole pool, and the tests that wait for a timer, a message or a cancellation
/// cannot resume until they end; their time limits then fail them for nothing they did.
public func offThePool<Result: Sendable>(_ work: @escaping @Sendable () throws -> Result) async throws -> Result {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread { continuation.resume(with: Swift.Result { try work() }) }
        // As deep as a main thread's: the work ran on one of the pool's threads before, and some
        // of it (the text parser on a deeply nested script) recurses.
        thread.stackSize = 8 << 20
        thread.start()
    }
}
