import Vudo

/// Stands in for the network: a page's status by its address.
func status(of address: String) -> Int32 { address.hasSuffix("/items") ? 200 : 204 }

let http = Loa("http", version: "1.2.0") { loa in
    loa.function("fetch", capability: "fetch") { (context, url: UInt32, length: UInt32) -> Int32 in
        let address = try context.memory.readRawString(at: url, length: length)
        print("GET", address)
        return status(of: address)
    }
    loa.function("post", capability: "post") {
        (context, url: UInt32, urlLength: UInt32, body: UInt32, bodyLength: UInt32) -> Int32 in
        let address = try context.memory.readRawString(at: url, length: urlLength)
        print("POST", address, try context.memory.readRawString(at: body, length: bodyLength))
        return 201
    }
}

var options = SpiritOptions()
try options.loas.register(http)
options.grant(LoaGrant("http", "^1.2", capabilities: ["fetch", "post"]))  // or capabilities: .all
let client = try await loadSpirit(path: "Fixtures/spirits/http_client.wasm", options: options)
print("post_item:", try await client.call("post_item", returning: Int32.self))

// Without the capability `post`, the Spirit does not load: nothing of it runs.
options.withhold("post", from: "http")
do {
    _ = try await loadSpirit(path: "Fixtures/spirits/http_client.wasm", options: options)
} catch {
    print(error)
}
