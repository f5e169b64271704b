import Dispatch
import Foundation
import Vudo
import WasmCore
import WasmText

/// One way of loading many instances of the density module, measured in a process of its own
/// (`vudo-bench --density-phase NAME N`) so that no phase inherits another's freed heap.
enum DensityPhase: String, CaseIterable, Codable {
    /// `loadSpirit(bytes)`: decode, validate, link, instantiate, each time.
    case spiritsFromBytes = "spirits-from-bytes"
    /// `loadSpirit(module:)`: one decoded module, validated, linked and instantiated each time.
    case spiritsFromModule = "spirits-from-module"
    /// `Store` + `instantiate` from WasmCore alone: what the engine costs without the Spirit layer.
    case stores

    /// What one child process measured.
    struct Measurement: Codable {
        let phase: DensityPhase
        let count: Int
        let loadSeconds: Double
        /// Resident memory just before loading, after loading all, and after calling `run` on each.
        let residentBeforeKiB: Int
        let residentLoadedKiB: Int
        let residentCalledKiB: Int
        /// Dropping them all.
        let unloadSeconds: Double

        var secondsPerInstance: Double { loadSeconds / Double(count) }
        var loadedKiBPerInstance: Double { Double(residentLoadedKiB - residentBeforeKiB) / Double(count) }
        var calledKiBPerInstance: Double { Double(residentCalledKiB - residentBeforeKiB) / Double(count) }
    }

    /// One 64 KiB page (no maximum, as toolchains emit it) and a function that touches it.
    static let moduleText = """
        (module
          (memory (export "memory") 1)
          (func (export "run") (result i32)
            (i32.store (i32.const 1024) (i32.const 42))
            (i32.load (i32.const 1024))))
        """

    func measure(count: Int) throws -> Measurement {
        let bytes = try WAT.encode(Self.moduleText)
        let module = try Module(bytes: bytes)
        // One instance first, so that lazily built runtime state (the concurrency runtime, type
        // metadata, the Loa tables) is not charged to the instances measured.
        _ = try load(module: module, bytes: bytes, count: 1)
        let before = residentKiB()
        let clock = ContinuousClock()
        let start = clock.now
        let loaded = try load(module: module, bytes: bytes, count: count)
        let loadSeconds = seconds(clock.now - start)
        let afterLoad = residentKiB()
        try loaded.call()
        let afterCall = residentKiB()
        let unloadStart = clock.now
        loaded.drop()
        let unloadSeconds = seconds(clock.now - unloadStart)
        return Measurement(
            phase: self, count: count, loadSeconds: loadSeconds, residentBeforeKiB: before,
            residentLoadedKiB: afterLoad, residentCalledKiB: afterCall, unloadSeconds: unloadSeconds)
    }

    private func load(module: Module, bytes: [UInt8], count: Int) throws -> LoadedInstances {
        let loaded = LoadedInstances()
        switch self {
        case .stores:
            loaded.stores.reserveCapacity(count)
            for _ in 0..<count {
                let store = Store()
                let instance = try store.instantiate(module)
                guard let run = instance.exportedFunction("run") else { throw BenchError("no `run` export") }
                loaded.stores.append((store, run))
            }
        case .spiritsFromBytes, .spiritsFromModule:
            let fromBytes = self == .spiritsFromBytes
            // One options value for all, as an embedder loading many Spirits alike would keep.
            let options = SpiritOptions()
            let spirits = try waitFor { () async throws -> [Spirit] in
                var spirits: [Spirit] = []
                spirits.reserveCapacity(count)
                for _ in 0..<count {
                    spirits.append(
                        fromBytes
                            ? try await loadSpirit(bytes, options: options)
                            : try await loadSpirit(module: module, options: options))
                }
                return spirits
            }
            loaded.spirits = spirits
        }
        return loaded
    }
}

/// What a phase keeps alive while resident memory is read.
private final class LoadedInstances {
    var stores: [(Store, FunctionAddress)] = []
    var spirits: [Spirit] = []

    /// Calls `run` once on each, which touches its memory page and its value stack.
    func call() throws {
        for (store, run) in stores { _ = try store.invoke(run, []) }
        // The task may outlive `waitFor` by a moment: it must not hold the Spirits then, or
        // `drop` would not be what frees them.
        for spirit in spirits {
            try waitFor { [weak spirit] () async throws in _ = try await spirit?.call("run", []) }
        }
    }

    /// Releases them all (the last references).
    func drop() {
        stores = []
        spirits = []
    }
}

/// This process's resident set now (not its peak), from `/proc/self/statm`.
func residentKiB() -> Int {
    guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / 1024
}

/// Runs async work to completion from this synchronous tool, on the concurrency pool.
func waitFor<T>(_ operation: @escaping () async throws -> T) throws -> T {
    nonisolated(unsafe) let operation = operation
    nonisolated(unsafe) var result: Result<T, any Error>?
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { result = .success(try await operation()) } catch { result = .failure(error) }
        done.signal()
    }
    done.wait()
    guard let result else { throw BenchError("async work finished without a result") }
    return try result.get()
}
