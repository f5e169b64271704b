extension CoreFunctions {
    static func addDebugging(to loa: inout LoaBuilder) {
        loa.function("vudo_debug", capability: .debug) { (context, pointer: UInt32, length: UInt32) in
            guard context.debug else { return }
            context.log("debug: \(try context.memory.readRawString(at: pointer, length: length))")
        }
        loa.function("vudo_assert", capability: .debug) {
            (context, condition: Int32, pointer: UInt32, length: UInt32) in
            guard condition == 0 else { return }
            throw SpiritAbort(.assertion, message: context.abortMessage(pointer, length))
        }
        loa.function("vudo_panic", capability: .debug) { (context, pointer: UInt32, length: UInt32) in
            throw SpiritAbort(.panic, message: context.abortMessage(pointer, length))
        }
        loa.function("vudo_abort", capability: .debug) {
            (
                context, messagePointer: UInt32, messageLength: UInt32, filePointer: UInt32, fileLength: UInt32,
                line: UInt32
            ) in
            throw SpiritAbort(
                .abort, message: context.abortMessage(messagePointer, messageLength),
                file: fileLength == 0 ? nil : context.abortMessage(filePointer, fileLength), line: line
            )
        }
    }
}

extension HostContext {
    /// The text of an abort: a Spirit that is going down must not lose its reason to a bad
    /// pointer, so an unreadable one is described instead.
    func abortMessage(_ pointer: UInt32, _ length: UInt32) -> String {
        do {
            return try memory.readRawString(at: pointer, length: length)
        } catch {
            return "<unreadable: \(error)>"
        }
    }
}
