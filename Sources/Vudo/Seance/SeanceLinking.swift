/// Turns the options a Spirit is summoned with into what it loads with: its session name, its
/// place on the Séance's message bus, the Séance's effect hub and memory budget, and the `state`
/// Loa over the Séance's shared state.
enum SeanceLinking {
    static func prepare(_ given: SpiritOptions, name: String, seance: isolated Seance) -> SpiritOptions {
        var options = given
        options.name = name
        options.messaging = MessageEndpoint(bus: seance.messages, name: name)
        options.effectHub = seance.effects
        if let budget = seance.memoryBudget { options.engine.memoryBudget = budget }
        // The Séance's Loas replace any of the same name the embedder registered.
        for loa in [Loa.messaging, StateLoa.make(state: seance.state)] {
            _ = try? options.loas.unregister(loa.name)
            try? options.loas.register(loa)
        }
        return options
    }
}
