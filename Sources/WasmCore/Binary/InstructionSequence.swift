/// The syntax of an instruction sequence (a function body or a constant expression): instructions
/// up to the `end` that closes it, with every block, loop, `if`, `try_table` and `try` closed by its
/// own `end` and `else` only where an `if` allows it.
///
/// The decoder checks bodies this way before any validation, so that a malformed body is
/// reported as malformed even when an earlier body is invalid; errors follow the spec's reference
/// decoder ("END opcode expected").
enum InstructionSequence {
    /// Reads instructions through the `end` that closes the sequence; `visit` sees every
    /// instruction except that final `end`.
    static func read(
        _ reader: inout ByteReader, features: WasmFeatures, _ visit: (Instruction) -> Void = { _ in }
    ) throws(DecodingError) {
        // For each open block: whether it is an `if` that may still take an `else`. The array
        // grows with nesting, which costs the module at least two bytes a level.
        var open: [Bool] = []
        while true {
            guard let byte = reader.peekByte() else { throw reader.error(ByteReader.unexpectedEnd) }
            if byte == 0x05, open.last != true {
                // Outside an `if` (or after its `else`), `else` ends the block too early.
                throw reader.error("END opcode expected")
            }
            let instruction = try reader.readInstruction(features: features)
            switch instruction.opcode {
            case .end:
                guard !open.isEmpty else { return }
                open.removeLast()
            case .else:
                open[open.count - 1] = false
            case .delegate:
                // Legacy exceptions: `delegate` closes its `try` as `end` would.
                guard !open.isEmpty else { throw reader.error("END opcode expected") }
                open.removeLast()
            case .block, .loop, .tryTable, .try:
                open.append(false)
            case .if:
                open.append(true)
            default:
                break
            }
            visit(instruction)
        }
    }
}
