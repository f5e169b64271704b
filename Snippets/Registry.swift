import Vudo

let http = Loa("http", version: "1.2.0") { loa in
    loa.function("fetch", capability: "fetch") { (context, url: UInt32, length: UInt32) -> Int32 in 200 }
}
let http14 = Loa("http", version: "1.4.0") { loa in
    loa.function("fetch", capability: "fetch") { (context, url: UInt32, length: UInt32) -> Int32 in 200 }
}

var registry = LoaRegistry()  // holds core 1.0.0 and messaging 1.0.0
try registry.register(http)
try registry.register(http14)  // versions coexist
do {
    try registry.register(http)
} catch {
    print(error)
}
print(registry.resolve(LoaRequirement(parsing: "http ^1.2")!)!.version)  // the highest compatible
print(registry.has("http"), registry.get("http", version: "1.2.0") != nil)
_ = try registry.unregister("http", version: "1.2.0")
print(registry.all.map { "\($0.name) \($0.version)" })
do {
    _ = try registry.unregister("core")
} catch {
    print(error)
}
