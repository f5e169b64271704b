extension CoreFunctions {
    static func addEffects(to loa: inout LoaBuilder) {
        loa.function("vudo_emit_effect", capability: .effects) { (context, id: Int32, payload: UInt32) -> Int32 in
            try context.effects.handle(Effect(id: id, payload: payload), context: context)
        }
    }
}
