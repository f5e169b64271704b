/// Instruction sequences, flat and folded, encoded straight into the binary format.
///
/// Nesting is tracked with an explicit stack of frames rather than recursion, so deeply nested
/// input cannot exhaust the native stack. A folded instruction `(op imm* operand*)` keeps its own
/// encoding aside in `pending` until its operands have been emitted.
extension ModuleParser {
    enum Frame {
        /// `(op imm* ...)`: the encoding of `op` starts at this offset of `pending`.
        case folded(pendingStart: Int)
        /// `(block ...)`, `(loop ...)`, `(try_table ...)`: `end` on close.
        case foldedBlock
        /// `(if label bt condition* (then ...) (else ...)?)`: `if bt` waits in `pending` until
        /// `(then`.
        case foldedIf(pendingStart: Int, label: Int32, state: FoldedIfState, elseEnd: Int)
        /// `(then ...)`, `(else ...)`, `(do ...)`, `(catch ...)`, `(catch_all ...)`.
        case foldedClause
        /// Legacy `(try label bt (do ...) (catch ...)* (catch_all ...)?)` or `... (delegate l))`.
        case foldedTry(state: FoldedTryState)
        /// A flat `block`/`loop`/`if`/`try`/`try_table` waiting for `end`. `state` counts `else`
        /// for `if`; for `try`, 1 after a `catch`, 2 after `catch_all`.
        case flat(kind: StructuredInstruction, label: Int32, state: UInt8, elseEnd: Int)
    }

    enum FoldedIfState { case condition, afterThen, afterElse }
    enum FoldedTryState { case expectDo, afterDo, afterCatch, afterCatchAll, delegated }

    /// `instr*` up to (not including) the `)` that ends the enclosing construct.
    mutating func parseInstructions(into code: inout BinaryWriter) throws(TextFormatError) {
        try parseSequence(into: &code, single: false)
    }

    /// Exactly one folded instruction `( ... )`, as the `offset` and `item` abbreviations take.
    mutating func parseFoldedInstruction(into code: inout BinaryWriter) throws(TextFormatError) {
        guard cursor.atLeftParen else { throw cursor.unexpected() }
        try parseSequence(into: &code, single: true)
    }

    private mutating func parseSequence(into code: inout BinaryWriter, single: Bool) throws(TextFormatError) {
        var frames: [Frame] = []
        var pending = BinaryWriter()
        while true {
            let token = cursor.current
            switch token.kind {
            case .rightParen:
                guard let top = frames.last else { return }
                if case .flat = top { throw cursor.unexpected() }
                cursor.advance()
                frames.removeLast()
                try close(top, pending: &pending, code: &code)
                if single, frames.isEmpty { return }
            case .leftParen:
                try openParenthesized(frames: &frames, pending: &pending, code: &code)
            case .keyword where Self.allowsFlatInstructions(in: frames.last):
                try parseFlat(frames: &frames, code: &code)
            default:
                throw cursor.unexpected()
            }
        }
    }

    /// Folded plain instructions, `if` conditions and `try` take only folded operands or clauses.
    private static func allowsFlatInstructions(in frame: Frame?) -> Bool {
        switch frame {
        case nil, .foldedBlock, .foldedClause, .flat: true
        case .folded, .foldedIf, .foldedTry: false
        }
    }

    private mutating func close(
        _ frame: Frame, pending: inout BinaryWriter, code: inout BinaryWriter
    ) throws(TextFormatError) {
        switch frame {
        case .folded(let start):
            code.bytes.append(contentsOf: pending.bytes[start...])
            pending.bytes.removeSubrange(start...)
        case .foldedBlock:
            code.byte(0x0B)
            popLabel()
        case .foldedIf(_, _, let state, let elseEnd):
            guard state != .condition else { throw cursor.unexpected(cursor.peek(-1)) }
            Self.dropEmptyElse(elseEnd, in: &code)
            code.byte(0x0B)
            popLabel()
        case .foldedClause:
            break
        case .foldedTry(let state):
            switch state {
            case .expectDo: throw cursor.unexpected(cursor.peek(-1))
            case .delegated: break
            default:
                code.byte(0x0B)
                popLabel()
            }
        case .flat:
            throw cursor.unexpected(cursor.peek(-1))
        }
    }

    // MARK: Folded

    private mutating func openParenthesized(
        frames: inout [Frame], pending: inout BinaryWriter, code: inout BinaryWriter
    ) throws(TextFormatError) {
        let head = cursor.peek(1)
        switch frames.last {
        case .foldedIf(let start, let label, let state, _):
            if head.kind == .keyword && head.keyword == .then {
                guard state == .condition else { throw cursor.unexpected(head) }
                cursor.position += 2
                code.bytes.append(contentsOf: pending.bytes[start...])
                pending.bytes.removeSubrange(start...)
                function.labels.append(label)
                frames[frames.count - 1] = .foldedIf(pendingStart: start, label: label, state: .afterThen, elseEnd: -1)
                frames.append(.foldedClause)
                return
            }
            if head.kind == .keyword && head.keyword == .else {
                guard state == .afterThen else { throw cursor.unexpected(head) }
                cursor.position += 2
                try emitStructured(.else, into: &code)
                frames[frames.count - 1] = .foldedIf(
                    pendingStart: start, label: label, state: .afterElse, elseEnd: code.bytes.count)
                frames.append(.foldedClause)
                return
            }
            guard state == .condition else { throw cursor.unexpected(head) }
        case .foldedTry(let state):
            try openTryClause(head, state: state, frames: &frames, code: &code)
            return
        default:
            break
        }
        guard head.kind == .keyword, head.value >= 0 else { throw cursor.unexpected(head) }
        cursor.position += 2
        let mnemonic = Int(head.value)
        guard let structured = StructuredInstruction.byMnemonic[mnemonic] else {
            let start = pending.bytes.count
            try encodePlainInstruction(mnemonic, into: &pending)
            frames.append(.folded(pendingStart: start))
            return
        }
        switch structured {
        case .block, .loop, .tryTable, .try:
            let label = cursor.takeIdentifier() ?? -1
            try encodeBlockStart(structured, mnemonic: mnemonic, into: &code)
            function.labels.append(label)
            frames.append(structured == .try ? .foldedTry(state: .expectDo) : .foldedBlock)
        case .if:
            let label = cursor.takeIdentifier() ?? -1
            let start = pending.bytes.count
            try encodeBlockStart(.if, mnemonic: mnemonic, into: &pending)
            frames.append(.foldedIf(pendingStart: start, label: label, state: .condition, elseEnd: -1))
        case .else, .end, .catch, .catchAll, .delegate:
            throw cursor.unexpected(head)
        }
    }

    private mutating func openTryClause(
        _ head: Token, state: FoldedTryState, frames: inout [Frame], code: inout BinaryWriter
    ) throws(TextFormatError) {
        let structured =
            head.kind == .keyword && head.value >= 0 ? StructuredInstruction.byMnemonic[Int(head.value)] : nil
        let newState: FoldedTryState
        if head.kind == .keyword && head.keyword == .do {
            guard state == .expectDo else { throw cursor.unexpected(head) }
            cursor.position += 2
            newState = .afterDo
        } else if structured == .catch {
            guard state == .afterDo || state == .afterCatch else { throw cursor.unexpected(head) }
            cursor.position += 2
            try emitStructured(.catch, into: &code)
            code.u32(try cursor.expectIndex(in: tags))
            newState = .afterCatch
        } else if structured == .catchAll {
            guard state == .afterDo || state == .afterCatch else { throw cursor.unexpected(head) }
            cursor.position += 2
            try emitStructured(.catchAll, into: &code)
            newState = .afterCatchAll
        } else if structured == .delegate {
            guard state == .afterDo else { throw cursor.unexpected(head) }
            cursor.position += 2
            popLabel()
            try emitStructured(.delegate, into: &code)
            code.u32(try labelIndex())
            try cursor.expectRightParen()
            frames[frames.count - 1] = .foldedTry(state: .delegated)
            return
        } else {
            throw cursor.unexpected(head)
        }
        frames[frames.count - 1] = .foldedTry(state: newState)
        frames.append(.foldedClause)
    }

    // MARK: Flat

    private mutating func parseFlat(frames: inout [Frame], code: inout BinaryWriter) throws(TextFormatError) {
        let token = cursor.current
        guard token.value >= 0 else { throw cursor.unexpected() }
        let mnemonic = Int(token.value)
        cursor.advance()
        guard let structured = StructuredInstruction.byMnemonic[mnemonic] else {
            try encodePlainInstruction(mnemonic, into: &code)
            return
        }
        switch structured {
        case .block, .loop, .if, .tryTable, .try:
            let label = cursor.takeIdentifier() ?? -1
            try encodeBlockStart(structured, mnemonic: mnemonic, into: &code)
            function.labels.append(label)
            frames.append(.flat(kind: structured, label: label, state: 0, elseEnd: -1))
        case .else:
            guard case .flat(.if, let label, 0, _) = frames.last else { throw cursor.unexpected(token) }
            try checkEndLabel(label)
            try emitStructured(.else, into: &code)
            frames[frames.count - 1] = .flat(kind: .if, label: label, state: 1, elseEnd: code.bytes.count)
        case .catch:
            guard case .flat(.try, let label, let state, _) = frames.last, state < 2 else {
                throw cursor.unexpected(token)
            }
            try emitStructured(.catch, into: &code)
            code.u32(try cursor.expectIndex(in: tags))
            frames[frames.count - 1] = .flat(kind: .try, label: label, state: 1, elseEnd: -1)
        case .catchAll:
            guard case .flat(.try, let label, let state, _) = frames.last, state < 2 else {
                throw cursor.unexpected(token)
            }
            try emitStructured(.catchAll, into: &code)
            frames[frames.count - 1] = .flat(kind: .try, label: label, state: 2, elseEnd: -1)
        case .delegate:
            guard case .flat(.try, _, 0, _) = frames.last else { throw cursor.unexpected(token) }
            frames.removeLast()
            popLabel()
            try emitStructured(.delegate, into: &code)
            code.u32(try labelIndex())
        case .end:
            guard case .flat(_, let label, _, let elseEnd) = frames.last else { throw cursor.unexpected(token) }
            try checkEndLabel(label)
            Self.dropEmptyElse(elseEnd, in: &code)
            code.byte(0x0B)
            frames.removeLast()
            popLabel()
        }
    }

    /// `end $l` / `else $l`: the name, if given, must be the block's.
    private mutating func checkEndLabel(_ label: Int32) throws(TextFormatError) {
        let token = cursor.current
        guard let name = cursor.takeIdentifier() else { return }
        if name != label { throw cursor.error("mismatching label", at: token) }
    }

    /// An `else` with nothing after it is left out, as the reference encoder and wabt do.
    private static func dropEmptyElse(_ elseEnd: Int, in code: inout BinaryWriter) {
        if elseEnd >= 0, code.bytes.count == elseEnd { code.bytes.removeLast() }
    }

    // MARK: Labels

    mutating func popLabel() {
        if !function.labels.isEmpty { function.labels.removeLast() }
    }

    /// A label reference: a name, innermost first, or a depth.
    mutating func labelIndex() throws(TextFormatError) -> UInt32 {
        let token = cursor.current
        if token.kind == .identifier {
            guard let position = function.labels.lastIndex(of: token.value) else {
                throw cursor.error("unknown label $\(cursor.displayName(token.value))", at: token)
            }
            cursor.advance()
            return UInt32(function.labels.count - 1 - position)
        }
        return try cursor.expectU32()
    }

    /// The opcode of a structured instruction, from the opcode table.
    mutating func emitStructured(
        _ instruction: StructuredInstruction, into writer: inout BinaryWriter
    ) throws(TextFormatError) {
        guard let index = StructuredInstruction.mnemonicIndex[instruction], let row = mnemonics[index].first else {
            throw cursor.error("unknown operator \(instruction)")
        }
        writer.opcode(row)
    }
}
