extension LoaGrant {
    /// The Séance's `state` Loa with every capability (`read`, `write`).
    public static let state = LoaGrant("state", "^1.0", capabilities: .all)
}

extension SpiritOptions {
    /// What a ``Seance`` gives its Spirits unless told otherwise: the core Loa, messaging and
    /// shared state, all granted.
    public static var seanceDefaults: SpiritOptions {
        SpiritOptions(grants: [.core, .messaging, .state])
    }
}
