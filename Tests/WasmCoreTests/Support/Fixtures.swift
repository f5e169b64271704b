import Foundation
import Testing
import WasmCore

/// The committed WebAssembly fixtures in `Fixtures/` (each .wasm built from the .wat beside it by
/// `Fixtures/build.sh`).
enum Fixtures {
    /// `<package root>/Fixtures`, found from this source file's path:
    /// `<root>/Tests/WasmCoreTests/Support/Fixtures.swift`.
    static let directory: String = packageRoot + "/Fixtures"

    static let packageRoot: String = {
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(4)
        return components.joined(separator: "/")
    }()

    struct Missing: Error, CustomStringConvertible {
        let path: String
        var description: String { "fixture \(path) is missing; run Fixtures/build.sh" }
    }

    /// The bytes of `Fixtures/<name>.wasm`.
    static func bytes(_ name: String) throws -> [UInt8] {
        let path = directory + "/" + name + ".wasm"
        guard let data = FileManager.default.contents(atPath: path) else { throw Missing(path: path) }
        return [UInt8](data)
    }

    static func module(_ name: String) throws -> Module {
        try Module(bytes: bytes(name))
    }

    /// Decodes, validates and instantiates a fixture in a fresh store.
    static func instantiate(
        _ name: String, imports: Imports = Imports(), configuration: EngineConfiguration = EngineConfiguration()
    ) throws -> Loaded {
        let store = Store(configuration: configuration)
        let instance = try store.instantiate(try module(name), imports: imports)
        return Loaded(store: store, instance: instance)
    }
}

/// A store and one instance in it, with shorthands to call exports.
struct Loaded {
    let store: Store
    let instance: Instance

    func function(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> FunctionAddress {
        try #require(instance.exportedFunction(name), "no exported function \(name)", sourceLocation: sourceLocation)
    }

    func call(_ name: String, _ arguments: [Value] = []) throws -> [Value] {
        try store.invoke(function(name), arguments)
    }

    /// Calls an export taking and returning i32s; the single result as a signed integer.
    func i32(_ name: String, _ arguments: Int32...) throws -> Int32 {
        let results = try call(name, arguments.map(Value.s32))
        return try #require(results.only?.s32, "\(name) returned \(results)")
    }

    /// Calls an export expecting a trap; returns it (fails the test when the call returns).
    func trap(
        _ name: String, _ arguments: [Value] = [], sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> Trap {
        let address = try function(name, sourceLocation: sourceLocation)
        let results: [Value]
        do {
            results = try store.invoke(address, arguments)
        } catch {
            return error
        }
        Issue.record("\(name) returned \(results) instead of trapping", sourceLocation: sourceLocation)
        throw Unexpected()
    }

    struct Unexpected: Error {}
}

extension Value {
    static func s32(_ value: Int32) -> Value { .i32(UInt32(bitPattern: value)) }
    static func s64(_ value: Int64) -> Value { .i64(UInt64(bitPattern: value)) }

    var s32: Int32? { if case .i32(let v) = self { Int32(bitPattern: v) } else { nil } }
    var s64: Int64? { if case .i64(let v) = self { Int64(bitPattern: v) } else { nil } }
    var f64: Double? { if case .f64(let v) = self { Double(bitPattern: v) } else { nil } }
}

extension Array {
    /// The element of a one-element array.
    var only: Element? { count == 1 ? self[0] : nil }
}
