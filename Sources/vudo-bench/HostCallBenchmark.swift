import Dispatch
import Foundation
import WasmCore

/// Host-call throughput (`Benchmarks/host_calls.wasm`): a synchronous host function, and an async
/// one that completes without suspending anything, called from a wasm loop.
struct HostCallBenchmark {
    let calls: UInt32 = 1_000_000

    struct Result: Codable {
        var syncCallsPerSecond: Double
        var asyncCallsPerSecond: Double
    }

    func measure(directory: String) throws -> Result {
        let path = directory + "/host_calls.wasm"
        guard let data = FileManager.default.contents(atPath: path) else { throw BenchError("cannot read \(path)") }
        let module = try Module(bytes: [UInt8](data))
        let type = FunctionType(parameters: [.i32], results: [.i32])

        let syncSeconds = try time(module, HostFunction(type: type) { _, arguments in arguments }) { store, loop in
            _ = try store.invoke(loop, [.i32(calls)])
        }
        let asyncHost = HostFunction(type: type, asyncBody: { _, arguments in arguments })
        let asyncSeconds = try time(module, asyncHost) { store, loop in
            try waitForAsync { try await store.invokeAsync(loop, [.i32(calls)]) }
        }
        return Result(
            syncCallsPerSecond: Double(calls) / syncSeconds, asyncCallsPerSecond: Double(calls) / asyncSeconds)
    }

    private func time(
        _ module: Module, _ host: HostFunction, _ body: (Store, FunctionAddress) throws -> Void
    ) throws -> Double {
        let store = Store()
        var imports = Imports()
        imports.define(module: "host", name: "echo", .function(store.addHostFunction(host)))
        let instance = try store.instantiate(module, imports: imports)
        guard let loop = instance.exportedFunction("loop") else { throw BenchError("host_calls.wasm has no `loop`") }
        var samples: [Double] = []
        for _ in 0..<3 {
            let started = DispatchTime.now().uptimeNanoseconds
            try body(store, loop)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        return samples.sorted()[1]
    }
}

/// Runs async work to completion from this synchronous tool. The store is handed to one task and
/// used by nothing else until it finishes.
private func waitForAsync(_ operation: @escaping () async throws -> [Value]) throws {
    nonisolated(unsafe) let operation = operation
    nonisolated(unsafe) var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
    Task.detached {
        do { _ = try await operation() } catch { failure = error }
        done.signal()
    }
    done.wait()
    if let failure { throw failure }
}
