extension CoreFunctions {
    static func addDebugging(to loa: inout LoaBuilder) {
        loa.function("vudo_debug", capability: .debug) { (context, pointer: UInt32, length: UInt32) in
            guard context.debug else { return }
            context.log("debug: \(try context.memory.readRawString(at: pointer, length: length))")
        }
        loa.function("vudo_assert", capability: .debug) { (context, condition: Int32, pointer: UInt32, length: UInt32) in
            guard condition == 0 else { return }
            throw SpiritAbort(.assertion, message: message(context, pointer, length))
        }
        loa.function("vudo_panic", capability: .debug) { (context, pointer: UInt32, length: UInt32) in
            throw SpiritAbort(.panic, message: message(context, pointer, length))
        }
        loa.function("vudo_abort", capability: .debug) {
            (context, messagePointer: UInt32, messageLength: UInt32, filePointer: UInt32, fileLength: UInt32, line: UInt32) in
            throw SpiritAbort(
                .abort, message: message(context, messagePointer, messageLength),
                file: fileLength == 0 ? nil : message(context, filePointer, fileLength), line: line
            )
        }
    }

    /// The text of an abort: a Spirit that is going down must not lose its reason to a bad
    /// pointer, so an unreadable one is described instead.
    private static func message(_ context: HostContext, _ pointer: UInt32, _ length: UInt32) -> String {
        do {
            return try context.memory.readRawString(at: pointer, length: length)
        } catch {
            return "<unreadable: \(error)>"
        }
    }
}
