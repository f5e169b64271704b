#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Waits for async work from the synchronous command entry points. The work runs on the
/// concurrency pool while this thread blocks, so it must not need the main actor. (A POSIX
/// condition rather than a Dispatch semaphore: importing Dispatch loads one more library into
/// every run of the tool.)
func waitFor<T: Sendable>(_ operation: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    Task.detached { box.finish(await operation()) }
    return box.wait()
}

// @unchecked: `value` is written once under the mutex, and read under it after the signal.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var value: T?
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    func finish(_ result: T) {
        pthread_mutex_lock(mutex)
        value = result
        pthread_cond_signal(condition)
        pthread_mutex_unlock(mutex)
    }

    func wait() -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while true {
            if let value { return value }
            pthread_cond_wait(condition, mutex)
        }
    }
}
