/// The DOL compiler's host ABI, version 0.1.0: the 22 functions a DOL-compiled Spirit imports from
/// module `vudo`, with the signatures and return codes of the compiler's documentation
/// (`docs/COMPILER-IMPORTS.md` and `src/host.rs` of univrs/dol). Where `@vudo/runtime` declares
/// other shapes for the same names, those are served under `env` by the core Loa instead.
///
/// The module is not a Loa of its own: each function belongs to the Loa whose grant covers it,
/// the core Loa (output, memory, time, randomness, effects, debugging) or the messaging Loa (the
/// five messaging functions), so withholding a capability takes the service away in every ABI.
enum DOLABI {
    /// The import module DOL-compiled Spirits name.
    static let moduleName = "vudo"
    /// `ABI_VERSION` of the DOL sources this table follows.
    static let version: SemanticVersion = "0.1.0"

    /// One function of the ABI, and the Loa whose grant covers it.
    struct Entry {
        let owner: String
        let function: LoaFunction
    }

    /// Every function, in the compiler documentation's order.
    static let entries: [Entry] = {
        func owned(by owner: String, _ add: (inout LoaBuilder) -> Void) -> [Entry] {
            var builder = LoaBuilder()
            add(&builder)
            return builder.functions.map { Entry(owner: owner, function: $0) }
        }
        return owned(by: Loa.coreName, addOutput(to:)) + owned(by: Loa.coreName, addMemory(to:))
            + owned(by: Loa.coreName, addTime(to:)) + owned(by: Loa.messagingName, addMessaging(to:))
            + owned(by: Loa.coreName, addRandomness(to:)) + owned(by: Loa.coreName, addEffects(to:))
            + owned(by: Loa.coreName, addDebugging(to:))
    }()

    private static let byName = Dictionary(
        entries.map { ($0.function.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The function named `name`, or nil when the ABI has none.
    static func entry(named name: String) -> Entry? { byName[name] }

    /// The description the ABI goes by in messages.
    static var description: String { "the DOL host ABI \(version)" }
}

/// The return codes the DOL ABI specification defines (`ResultCode` of docs/ABI-SPECIFICATION.md):
/// what its fallible functions return besides counts and ids.
enum DOLResultCode: Int32 {
    case ok = 0
    case error = -1
    case invalidArgument = -2
    case notFound = -4
}
