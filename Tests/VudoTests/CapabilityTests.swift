import Synchronization
import Testing
import Vudo
import WasmCore

/// The design's `http` Loa, backed by a test double that records every request it serves.
final class HTTPDouble: Sendable {
    struct Request: Hashable {
        let method: String
        let url: String
        let body: String?
    }

    private let storage = Mutex<[Request]>([])
    /// Requests whose URL contains this fail with ``Unreachable``.
    let failingOn: String?

    init(failingOn: String? = nil) { self.failingOn = failingOn }

    var requests: [Request] { storage.withLock { $0 } }

    struct Unreachable: Error, Equatable {}

    /// `fetch(url, url_len) -> status` under capability `fetch`, `post(url, url_len, body, body_len) -> status`
    /// under `post`. The status encodes the version, so a test sees which version was linked.
    func loa(version: SemanticVersion = "1.2.0", includePost: Bool = true, postType: FunctionType? = nil) -> Loa {
        let status = Int32(version.major * 100 + version.minor * 10 + version.patch)
        return Loa("http", version: version) { loa in
            loa.function("fetch", capability: "fetch") { (context, url: UInt32, length: UInt32) -> Int32 in
                try self.record("GET", try context.memory.readRawString(at: url, length: length), nil)
                return status
            }
            guard includePost else { return }
            if let postType {
                loa.function("post", type: postType, capability: "post") { _, _ in [] }
                return
            }
            loa.function("post", capability: "post") {
                (context, url: UInt32, urlLength: UInt32, body: UInt32, bodyLength: UInt32) -> Int32 in
                let memory = context.memory
                try self.record(
                    "POST", try memory.readRawString(at: url, length: urlLength),
                    try memory.readRawString(at: body, length: bodyLength))
                return status + 1
            }
        }
    }

    private func record(_ method: String, _ url: String, _ body: String?) throws {
        if let failingOn, url.contains(failingOn) { throw Unreachable() }
        storage.withLock { $0.append(Request(method: method, url: url, body: body)) }
    }

    /// Options with `loas` registered and `grants` added to the default core grant.
    static func options(_ loas: [Loa], grants: [LoaGrant]) throws -> SpiritOptions {
        var options = SpiritOptions()
        for loa in loas { try options.loas.register(loa) }
        for grant in grants { options.grant(grant) }
        return options
    }
}

@Suite struct CapabilityTests {
    static let boot = HTTPDouble.Request(method: "GET", url: "https://loa.test/boot", body: nil)

    @Test func aGrantedLoaIsLinkedAndCalled() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options(
            [http.loa()], grants: [LoaGrant("http", "^1.2", capabilities: ["fetch", "post"])])
        let spirit = try await Fixtures.load("http_client.wasm", options: options)
        #expect(try await spirit.call("boot_status") as Int32 == 120)
        #expect(try await spirit.call("fetch_items") as Int32 == 120)
        #expect(try await spirit.call("post_item") as Int32 == 121)
        #expect(
            http.requests == [
                Self.boot,
                HTTPDouble.Request(method: "GET", url: "https://loa.test/items", body: nil),
                HTTPDouble.Request(method: "POST", url: "https://loa.test/items", body: #"{"name":"gris-gris"}"#),
            ])
    }

    @Test func grantingAllCapabilitiesLinksEveryFunction() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options([http.loa()], grants: [LoaGrant("http", capabilities: .all)])
        let spirit = try await Fixtures.load("http_client.wasm", options: options)
        #expect(try await spirit.call("post_item") as Int32 == 121)
    }

    @Test func theSameSpiritIsRefusedWhenACapabilityIsWithheld() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options([http.loa()], grants: [LoaGrant("http", "^1.2", capabilities: ["fetch"])])
        try await expectRefusal(options, import: ("http", "post"), .capabilityNotGranted("post", loa: "http"))
        // The start function would have fetched: nothing ran.
        #expect(http.requests.isEmpty)

        var withheld = try HTTPDouble.options([http.loa()], grants: [LoaGrant("http", capabilities: .all)])
        withheld.withhold("fetch", from: "http")
        try await expectRefusal(withheld, import: ("http", "fetch"), .capabilityNotGranted("fetch", loa: "http"))
        #expect(http.requests.isEmpty)
    }

    @Test func aRegisteredButUngrantedLoaIsRefused() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options([http.loa()], grants: [])
        try await expectRefusal(options, import: ("http", "fetch"), .loaNotGranted("http"))
        #expect(http.requests.isEmpty)
    }

    @Test func anUnknownLoaIsRefused() async throws {
        let options = try HTTPDouble.options([], grants: [LoaGrant("http", capabilities: .all)])
        try await expectRefusal(options, import: ("http", "fetch"), .unknownLoa("http"))
    }

    @Test func aMissingFunctionIsRefused() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options(
            [http.loa(includePost: false)], grants: [LoaGrant("http", capabilities: .all)])
        try await expectRefusal(options, import: ("http", "post"), .missingFunction(loa: "http 1.2.0"))
        #expect(http.requests.isEmpty)
    }

    @Test func aWrongSignatureIsRefused() async throws {
        let http = HTTPDouble()
        let postType = FunctionType(parameters: [.i32, .i32], results: [.i32])
        let options = try HTTPDouble.options(
            [http.loa(postType: postType)], grants: [LoaGrant("http", capabilities: .all)])
        let expected = FunctionType(parameters: [.i32, .i32, .i32, .i32], results: [.i32])
        try await expectRefusal(
            options, import: ("http", "post"), .signatureMismatch(expected: expected, provided: postType))
        #expect(http.requests.isEmpty)
    }

    @Test func theGrantsVersionRequirementPicksTheHighestCompatibleVersion() async throws {
        let http = HTTPDouble()
        let versions: [SemanticVersion] = ["1.1.0", "1.2.5", "1.4.0", "2.0.0"]
        for (requirement, status) in [("^1.2", 140), ("~1.2", 125), ("=1.1.0", 110), (">=1.0", 200)] {
            let grant = LoaGrant("http", try #require(VersionRequirement(requirement)), capabilities: .all)
            let options = try HTTPDouble.options(versions.map { http.loa(version: $0) }, grants: [grant])
            let spirit = try await Fixtures.load("http_client.wasm", options: options)
            #expect(try await spirit.call("fetch_items") as Int32 == Int32(status), "\(requirement)")
        }
    }

    @Test func aVersionRequirementNoRegisteredVersionMeetsIsRefused() async throws {
        let http = HTTPDouble()
        let options = try HTTPDouble.options(
            [http.loa(version: "1.4.0"), http.loa(version: "2.0.0")],
            grants: [LoaGrant("http", "^3.0", capabilities: .all)])
        try await expectRefusal(
            options, import: ("http", "fetch"),
            .noCompatibleVersion(LoaRequirement("http", "^3.0"), registered: ["2.0.0", "1.4.0"]))
        #expect(http.requests.isEmpty)
    }

    @Test func aThrowingHostFunctionEndsTheCallAndTheSpiritStaysUsable() async throws {
        let http = HTTPDouble(failingOn: "items")
        let options = try HTTPDouble.options([http.loa()], grants: [LoaGrant("http", capabilities: .all)])
        let spirit = try await Fixtures.load("http_client.wasm", options: options)
        await #expect {
            _ = try await spirit.call("fetch_items") as Int32
        } throws: { error in
            guard case SpiritError.hostFunction(let function, let module, let name, let cause) = error else {
                return false
            }
            return function == "fetch_items" && module == "http" && name == "fetch" && cause is HTTPDouble.Unreachable
        }
        #expect(try await spirit.call("boot_status") as Int32 == 120)
        #expect(http.requests == [Self.boot])
    }

    @Test func aHostFunctionThrowingInTheStartFunctionFailsTheLoadTyped() async throws {
        let failing = HTTPDouble(failingOn: "boot")
        let options = try HTTPDouble.options([failing.loa()], grants: [LoaGrant("http", capabilities: .all)])
        await #expect {
            _ = try await Fixtures.load("http_client.wasm", options: options)
        } throws: { error in
            guard case SpiritError.hostFunction(let function, let module, let name, let cause) = error else {
                return false
            }
            return function == "start" && module == "http" && name == "fetch" && cause is HTTPDouble.Unreachable
        }
    }

    @Test func theErrorMessageNamesTheImportAndTheReason() {
        let error = SpiritError.unresolvedImport(
            module: "http", name: "post", reason: .capabilityNotGranted("post", loa: "http"))
        #expect(
            error.description
                == "cannot resolve import http.post: it needs the capability 'post' of http, which is not granted")
    }

    private func expectRefusal(
        _ options: SpiritOptions, import expected: (module: String, name: String), _ reason: ImportFailure
    ) async throws {
        await #expect {
            _ = try await Fixtures.load("http_client.wasm", options: options)
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, let name, let got) = error else { return false }
            return module == expected.module && name == expected.name && got == reason
        }
    }
}
