/// Turns the options a Spirit is summoned with into what it loads with: its session name, the
/// Séance's memory budget, and its own `messaging` Loa beside the shared `state` Loa.
enum SeanceLinking {
    static func prepare(_ given: SpiritOptions, name: String, seance: isolated Seance) throws(SeanceError) -> SpiritOptions {
        var options = given
        options.name = name
        if let budget = seance.memoryBudget { options.engine.memoryBudget = budget }
        let messaging = MessagingLoa.make(for: name, mailbox: seance.mailbox)
        let state = StateLoa.make(state: seance.state)
        // The Séance's Loas replace any of the same name the embedder registered.
        for loa in [messaging, state] {
            _ = try? options.loas.unregister(loa.name)
            try? options.loas.register(loa)
        }
        // DOL-compiled Spirits import the messaging functions from `vudo` or `env`: link those
        // names to the same functions, within what the grant allows.
        if let grant = options.grants.last(where: { $0.loa == MessagingLoa.name }) {
            for function in messaging.functions where grant.capabilities.contains(function.capability) {
                for module in MessagingLoa.aliasModules {
                    options.hostFunctions.append(
                        HostFunctionDefinition(module: module, name: function.name, type: function.type) { context, arguments in
                            try function.call(context, arguments)
                        })
                }
            }
        }
        return options
    }
}
