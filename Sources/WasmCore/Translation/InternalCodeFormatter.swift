extension Store {
    /// The internal code a wasm function translates to, one instruction a line
    /// (`vudo disasm --internal`); for studying the translator and for docs/interpreter.md.
    public func internalCode(of function: FunctionAddress) throws(Trap) -> String {
        let entry = functions[function.index].entry
        guard !entry.pointee.isHost else { return "host function" }
        let code = try compile(entry)
        var lines = ["frame size \(entry.pointee.frameSize) slots"]
        for index in 0..<entry.pointee.codeCount {
            let i = code[index]
            lines.append("\(index)".padding(toLength: 5) + "\(i.op)".padding(toLength: 16) + " \(i.a) \(i.b) \(i.c)")
        }
        return lines.joined(separator: "\n")
    }

}
