extension Store {
    /// The internal code a wasm function translates to, one instruction a line
    /// (`vudo disasm --internal`); for studying the translator and for docs/interpreter.md.
    public func internalCode(of function: FunctionAddress) throws(Trap) -> String {
        let entry = functions[function.index].entry
        guard !entry.pointee.isHost else { return "host function" }
        let code = try compile(entry)
        var lines = ["frame size \(entry.pointee.frameSize) slots"]
        var index = 0
        while true {
            let i = code[index]
            lines.append("\(index)".padding(toLength: 5) + "\(i.op)".padding(toLength: 16) + " \(i.a) \(i.b) \(i.c)")
            // The last `ret` of the body ends the listing (a function always ends with one).
            if i.op == .ret, !hasBranch(in: code, to: index + 1, before: index) { break }
            index += 1
        }
        return lines.joined(separator: "\n")
    }

    private func hasBranch(in code: UnsafeMutablePointer<Inst>, to target: Int, before end: Int) -> Bool {
        (0...end).contains { k in
            let i = code[k]
            let relative: UInt32
            switch i.op {
            case .br: relative = i.a
            case .brIf, .brIfNot: relative = i.b
            default:
                guard "\(i.op)".hasPrefix("brIf") else { return false }
                relative = i.c
            }
            return k + 1 + Int(Int32(bitPattern: relative)) >= target
        }
    }
}
