extension DOLABI {
    static func addDebugging(to loa: inout LoaBuilder) {
        loa.function("vudo_breakpoint", capability: .debug) { (context: HostContext) in
            if let hook = context.breakpoint {
                hook(context)
            } else if context.debug {
                context.log("breakpoint")
            }
        }
        // The condition is checked first: a passing assert never reads its message.
        loa.function("vudo_assert", capability: .debug) {
            (context, condition: UInt32, pointer: UInt32, length: UInt32) in
            guard condition == 0 else { return }
            throw SpiritAbort(.assertion, message: context.abortMessage(pointer, length))
        }
        loa.function("vudo_panic", capability: .debug) { (context, pointer: UInt32, length: UInt32) in
            throw SpiritAbort(.panic, message: context.abortMessage(pointer, length))
        }
    }
}
