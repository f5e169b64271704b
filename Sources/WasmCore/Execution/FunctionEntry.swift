/// What the interpreter needs to call a function, in one fixed heap cell per function so that
/// calls, tables and `ref.func` values can refer to it by pointer without touching ARC.
///
/// A funcref's bits are the address of its entry; null is 0.
struct FunctionEntry {
    /// Translated code (translated when the instance is created); nil for host functions. Code
    /// indices (branch targets, exception handlers' ranges) count from here.
    var code: CodePointer?
    /// Where a call starts: the first instruction, or the prologue (`enter_frame`) when the frame
    /// needs more than a call's own zeroing; nil for host functions.
    var start: CodePointer?
    /// Slots the frame needs: locals (parameters included) and the deepest operand stack.
    var frameSize: Int
    /// Where in the frame a call writes its `CallFrame` (wasm functions).
    var recordSlot = 0
    /// Slots the parameters take (see SlotLayout.swift: a v128 takes two), as the other counts.
    var parameterCount: Int
    /// Slots of the declared locals beyond the parameters; zeroed on entry (see `prepareFrame`).
    var declaredLocalCount: Int
    /// The translated code's constants, copied into the slots after the locals by the prologue.
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

    /// Whether entering a frame of a function takes a prologue (see `prepareFrame`).
    static func needsPrologue(declaredLocalSlots: Int, constantCount: Int) -> Bool {
        declaredLocalSlots > minimumZeroedSlots || constantCount > 0
    }
}

extension UnsafeMutablePointer where Pointee == FunctionEntry {
    /// What every call does to a new frame: zeroes the first `minimumZeroedSlots` slots after the
    /// parameters, without a branch. A function with more declared locals, or with constants,
    /// starts with a prologue that does the rest (`completeFrame`), so that calls never loop or
    /// call memset and memmove: those calls made every call handler save and restore five
    /// registers, a quarter of a recursive fib's time in `call_defined`.
    @inline(__always)
    func prepareFrame(_ frame: UnsafeMutablePointer<UInt64>) {
        let locals = frame + pointee.parameterCount
        locals[0] = 0
        locals[1] = 0
        locals[2] = 0
        locals[3] = 0
    }

    /// The prologue's part of entering a frame: zeroes the declared locals past the first
    /// `minimumZeroedSlots` and copies in the constants.
    @inline(__always)
    func completeFrame(_ frame: UnsafeMutablePointer<UInt64>) {
        let locals = frame + pointee.parameterCount
        let count = pointee.declaredLocalCount
        if count > minimumZeroedSlots {
            (locals + minimumZeroedSlots).update(repeating: 0, count: count - minimumZeroedSlots)
        }
        if let constants = pointee.constants {
            (locals + count).update(from: constants, count: pointee.constantCount)
        }
    }
}

/// Slots after the parameters that entering a frame always zeroes; frames are at least this big.
let minimumZeroedSlots = 4

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
                if index > 0, let callee = output.code[index - 1].directCallee {
                    // A call's data word: the callee's entry (the validator checked the index).
                    assembled.operands = UInt64(UInt(bitPattern: functions[Int(callee)].entry))
                }
                (code + index).initialize(to: assembled)
            }
        } catch {
            code.deallocate()
            throw error
        }
        entry.pointee.code = CodePointer(code)
        entry.pointee.start = CodePointer(code + output.start)
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
