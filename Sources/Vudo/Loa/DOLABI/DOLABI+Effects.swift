extension DOLABI {
    static func addEffects(to loa: inout LoaBuilder) {
        // The effect's id, or 0 for text that is not an effect (effects.ts's rules) or is too long.
        loa.function("vudo_emit_effect", capability: .effects) { (context, pointer: UInt32, length: UInt32) -> UInt32 in
            guard length <= EffectHub.maximumLength else { return 0 }
            let bytes = try context.memory.readBytes(at: pointer, count: Int(length))
            return context.effectHub.emit(bytes, from: context.spiritName, now: context.time.now())
        }
        // The subscription's id, or 0 for a pattern that is not UTF-8 or is too long.
        loa.function("vudo_subscribe", capability: .effects) { (context, pointer: UInt32, length: UInt32) -> UInt32 in
            guard length <= EffectHub.maximumLength else { return 0 }
            let bytes = try context.memory.readBytes(at: pointer, count: Int(length))
            guard let pattern = String(validating: bytes, as: UTF8.self) else { return 0 }
            return context.effectHub.subscribe(pattern, subscriber: context.spiritName)
        }
    }
}
