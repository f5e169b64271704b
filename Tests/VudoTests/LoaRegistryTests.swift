import Testing
import Vudo
import WasmCore

@Suite struct LoaRegistryTests {
    static func http(_ version: SemanticVersion) -> Loa {
        Loa("http", version: version) { loa in
            loa.function("fetch", capability: "fetch") { (_, _: UInt32, _: UInt32) -> Int32 in 200 }
        }
    }

    @Test func aNewRegistryHoldsTheCoreAndMessagingLoas() {
        let registry = LoaRegistry()
        #expect(registry.has("core"))
        #expect(registry.get("core")?.version == "1.0.0")
        #expect(registry.all.map(\.description) == ["core 1.0.0", "messaging 1.0.0"])
    }

    @Test func severalVersionsCoexistAndADuplicateIsRefused() throws {
        var registry = LoaRegistry()
        try registry.register(Self.http("1.2.0"))
        try registry.register(Self.http("1.4.1"))
        try registry.register(Self.http("2.0.0"))
        #expect(registry.versions(of: "http") == ["2.0.0", "1.4.1", "1.2.0"])
        #expect(registry.get("http")?.version == "2.0.0")
        #expect(registry.get("http", version: "1.2.0")?.version == "1.2.0")
        #expect(registry.has("http", version: "1.4.1"))
        #expect(!registry.has("http", version: "1.3.0"))
        #expect(
            registry.all.map(\.description) == [
                "core 1.0.0", "http 2.0.0", "http 1.4.1", "http 1.2.0", "messaging 1.0.0",
            ])
        #expect(throws: LoaRegistryError.duplicate(name: "http", version: "1.4.1")) {
            try registry.register(Self.http("1.4.1"))
        }
    }

    @Test func aLoaDeclaringAFunctionTwiceIsRefused() {
        var registry = LoaRegistry()
        let twice = Loa("kv", version: "1.0.0") { loa in
            loa.function("get", capability: "read") { (_: HostContext) -> Int32 in 0 }
            loa.function("get", capability: "read") { (_: HostContext) -> Int32 in 1 }
        }
        #expect(throws: LoaRegistryError.duplicateFunction(loa: "kv 1.0.0", function: "get")) {
            try registry.register(twice)
        }
    }

    @Test func resolutionPicksTheHighestCompatibleVersion() throws {
        var registry = LoaRegistry()
        for version: SemanticVersion in ["1.1.0", "1.2.5", "1.4.0", "2.0.0"] {
            try registry.register(Self.http(version))
        }
        #expect(registry.resolve(try #require(LoaRequirement(parsing: "http ^1.2")))?.version == "1.4.0")
        #expect(registry.resolve("http", "~1.2")?.version == "1.2.5")
        #expect(registry.resolve("http", "=1.1.0")?.version == "1.1.0")
        #expect(registry.resolve("http", ">=1.3")?.version == "2.0.0")
        #expect(registry.resolve("http", "^3") == nil)
        #expect(registry.resolve("ftp", .any) == nil)
    }

    @Test func requirementsParse() {
        #expect(LoaRequirement(parsing: "http ^1.2") == LoaRequirement("http", "^1.2"))
        #expect(LoaRequirement(parsing: "http") == LoaRequirement("http", .any))
        #expect(LoaRequirement(parsing: "http >=1.0")?.description == "http >=1.0")
        #expect(LoaRequirement(parsing: "http ^x") == nil)
        #expect(LoaRequirement(parsing: "") == nil)
    }

    @Test func unregisterRemovesOneVersionOrAllButNeverTheCore() throws {
        var registry = LoaRegistry()
        try registry.register(Self.http("1.0.0"))
        try registry.register(Self.http("1.1.0"))
        #expect(try registry.unregister("http", version: "1.0.0").map(\.description) == ["http 1.0.0"])
        #expect(registry.versions(of: "http") == ["1.1.0"])
        #expect(try registry.unregister("http").count == 1)
        #expect(!registry.has("http"))
        #expect(try registry.unregister("http").isEmpty)
        #expect(throws: LoaRegistryError.coreCannotBeRemoved) { try registry.unregister("core") }
        #expect(registry.has("core"))
    }

    @Test func theBuilderDerivesSignaturesAndCapabilities() {
        let loa = Loa("geo", version: "0.3.0", capabilities: ["admin"]) { loa in
            loa.function("distance", capability: "measure") { (_, _: Int32, _: Int64, _: Float) -> Double in 0 }
            loa.function("reset", capability: "admin") { (_: HostContext) in }
            loa.function("pair", type: FunctionType(parameters: [], results: [.i32, .i32]), capability: "measure") {
                _, _ in
                [.i32(1), .i32(2)]
            }
        }
        #expect(loa.capabilities == ["measure", "admin"])
        #expect(loa.function(named: "distance")?.type == FunctionType(parameters: [.i32, .i64, .f32], results: [.f64]))
        #expect(loa.function(named: "reset")?.type == FunctionType(parameters: [], results: []))
        #expect(loa.function(named: "pair")?.capability == "measure")
        #expect(loa.function(named: "missing") == nil)
    }

    @Test func theCoreLoaHasTheABIsExactSignatures() throws {
        let core = Loa.core
        let expected: [(String, [ValueType], [ValueType], Capability)] = [
            ("vudo_print", [.i32, .i32], [], .print), ("vudo_println", [.i32, .i32], [], .print),
            ("vudo_log", [.i32, .i32, .i32], [], .print), ("vudo_error", [.i32, .i32], [], .print),
            ("vudo_alloc", [.i32], [.i32], .alloc), ("vudo_free", [.i32, .i32], [], .alloc),
            ("vudo_realloc", [.i32, .i32, .i32], [.i32], .alloc),
            ("vudo_now", [], [.i64], .time), ("vudo_monotonic_now", [], [.i64], .time),
            ("vudo_random", [], [.f64], .random), ("vudo_random_bytes", [.i32, .i32], [], .random),
            ("vudo_debug", [.i32, .i32], [], .debug), ("vudo_assert", [.i32, .i32, .i32], [], .debug),
            ("vudo_panic", [.i32, .i32], [], .debug), ("vudo_abort", [.i32, .i32, .i32, .i32, .i32], [], .debug),
            ("vudo_emit_effect", [.i32, .i32], [.i32], .effects),
        ]
        #expect(core.name == "core" && core.version == "1.0.0")
        #expect(Set(core.functions.map(\.name)) == Set(expected.map(\.0)))
        for (name, parameters, results, capability) in expected {
            let function = try #require(core.function(named: name))
            #expect(function.type == FunctionType(parameters: parameters, results: results), "\(name)")
            #expect(function.capability == capability, "\(name)")
        }
    }
}
