/// What the interpreter needs to call a function, in one fixed heap cell per function so that
/// calls, tables and `ref.func` values can refer to it by pointer without touching ARC.
///
/// A funcref's bits are the address of its entry; null is 0.
struct FunctionEntry {
    /// Translated code (translated when the instance is created); nil for host functions.
    var code: CodePointer?
    /// Slots the frame needs: locals (parameters included) and the deepest operand stack.
    var frameSize: Int
    /// Where in the frame a call writes its `CallFrame` (wasm functions).
    var recordSlot = 0
    /// Slots the parameters take (see SlotLayout.swift: a v128 takes two), as the other counts.
    var parameterCount: Int
    /// Slots of the declared locals beyond the parameters; zeroed on entry.
    var declaredLocalCount: Int
    /// The translated code's constants, copied into the slots after the locals on entry.
    var constants: UnsafeMutablePointer<UInt64>?
    var constantCount: Int
    var resultCount: Int
    /// Canonical id of the signature, for `call_indirect`'s type check.
    var typeID: Int
    var isHost: Bool
    /// The defining instance's hot-path state (nil for host functions).
    var runtime: UnsafeMutablePointer<InstanceRuntime>?
    /// Index among the module's defined functions (its code), for wasm functions.
    var definedIndex: Int
    /// The function's address in its store.
    var address: Int
}

extension FunctionEntry {
    /// The defining instance, for slow paths. The store keeps instances alive.
    var instance: Instance? { runtime?.pointee.owner.takeUnretainedValue() }
}

extension UnsafeMutablePointer where Pointee == FunctionEntry {
    /// Prepares a new frame: zeroes the declared locals and copies in the constants.
    @inline(__always)
    func initializeFrame(_ frame: UnsafeMutablePointer<UInt64>) {
        let locals = frame + pointee.parameterCount
        zeroSlots(locals, count: pointee.declaredLocalCount)
        if let constants = pointee.constants {
            (locals + pointee.declaredLocalCount).update(from: constants, count: pointee.constantCount)
        }
    }
}

/// Slots after the parameters that entering a frame always zeroes; frames are at least this big.
let minimumZeroedSlots = 4

/// Zeroes `count` slots, and always at least `minimumZeroedSlots`. Most functions have a handful
/// of locals, for which a call to libc's memset (what a loop or `update(repeating:)` becomes) costs
/// more than the stores: it was a tenth of a recursive fib's time. So four slots are zeroed
/// without a branch (beyond a frame's locals lie its constants, written next, and dead operand
/// slots), and memset runs only for the rest.
@inline(__always)
private func zeroSlots(_ slots: UnsafeMutablePointer<UInt64>, count: Int) {
    slots[0] = 0
    slots[1] = 0
    slots[2] = 0
    slots[3] = 0
    if count > minimumZeroedSlots {
        (slots + minimumZeroedSlots).update(repeating: 0, count: count - minimumZeroedSlots)
    }
}

/// A function in a store: the entry cell plus what the slow paths need.
final class FunctionInstance {
    let entry: UnsafeMutablePointer<FunctionEntry>
    let type: FunctionType
    let host: HostFunction?
    /// The translated code's `try_table`s and `try`s, innermost first (see Handlers/Exceptions.swift).
    var handlers: [ExceptionHandler] = []

    init(entry: FunctionEntry, type: FunctionType, host: HostFunction?) {
        self.entry = .allocate(capacity: 1)
        self.entry.initialize(to: entry)
        self.type = type
        self.host = host
    }

    deinit {
        entry.pointee.code.map { UnsafeMutableRawPointer(mutating: $0).deallocate() }
        entry.pointee.constants?.deallocate()
        entry.deallocate()
    }

    var referenceBits: UInt64 { UInt64(UInt(bitPattern: entry)) }

    /// Takes a translation's code and frame layout; `functions` are the instance's, by index, which
    /// a call's data word names by address.
    func install(_ output: Translator.Output, functions: [FunctionInstance]) throws {
        let code = UnsafeMutablePointer<Inst>.allocate(capacity: max(output.code.count, 1))
        do {
            for (index, instruction) in output.code.enumerated() {
                var assembled = try instruction.assembled()
                if index > 0, case let call = output.code[index - 1],
                    call.op == .call || call.op == .callDefined || call.op == .returnCall
                {
                    // A call's data word: the callee's entry (the validator checked the index).
                    assembled.operands = UInt64(UInt(bitPattern: functions[Int(call.c)].entry))
                }
                (code + index).initialize(to: assembled)
            }
        } catch {
            code.deallocate()
            throw error
        }
        entry.pointee.code = CodePointer(code)
        entry.pointee.frameSize = output.frameSize
        entry.pointee.recordSlot = output.recordSlot
        handlers = output.handlers
        if !output.constants.isEmpty {
            let constants = UnsafeMutablePointer<UInt64>.allocate(capacity: output.constants.count)
            constants.initialize(from: output.constants, count: output.constants.count)
            entry.pointee.constants = constants
            entry.pointee.constantCount = output.constants.count
        }
    }
}
