/// Every internal instruction, in the order of `InternalOp`'s cases. Adding a plain numeric
/// instruction is one row (or one call of a family helper below); docs/interpreter.md walks
/// through it.
public enum InstructionTable {
    public static let all: [InstructionSpec] = sharingHandlers(
        control + variables + memoryAndTables + integer + floatingPoint + conversions + loadsAndStores + branches
            + fused + vector + referencesAndExceptions + garbageCollection)

    /// Operations that compute the same bits as another (see `InstructionSpec.sharesHandlerWith`).
    static let twins: [String: String] = [
        "f32Load": "i32Load", "f64Load": "i64Load", "i64Load8U": "i32Load8U", "i64Load16U": "i32Load16U",
        "i64Load32U": "i32Load", "f32LoadAddImm": "i32LoadAddImm", "f64LoadAddImm": "i64LoadAddImm",
        "f32Store": "i32Store", "f64Store": "i64Store", "i64Store8": "i32Store8", "i64Store16": "i32Store16",
        "i64Store32": "i32Store", "f32StoreAddImm": "i32StoreAddImm", "f64StoreAddImm": "i64StoreAddImm",
        // A slot holds a float's bits; a wrapped or zero-extended i32 is its low half.
        "f32ReinterpretI32": "i32ReinterpretF32", "i32WrapI64": "i32ReinterpretF32",
        "i64ExtendI32U": "i32ReinterpretF32", "i64ReinterpretF64": "copy", "f64ReinterpretI64": "copy",
        "i64Extend32S": "i64ExtendI32S",
        // Floating-point addition and multiplication commute exactly (NaN payloads aside, which
        // wasm leaves open).
        "f64AddMul": "f64MulAdd", "f64MulMulRight": "f64MulMul", "f64AddAddRight": "f64AddAdd",
        "f64AddSub": "f64SubAdd", "f64AddLoad": "f64LoadAdd", "f64MulLoad": "f64LoadMul",
        "f64AddSumLoad": "f64SumLoadAdd", "f64MulSumLoad": "f64SumLoadMul",
        // The bulk operations read their operation from the instruction (`d`).
        "memoryInit": "bulk", "dataDrop": "bulk", "tableGrow": "bulk", "tableFill": "bulk",
        "tableCopy": "bulk", "tableInit": "bulk", "elemDrop": "bulk", "memorySizeAt": "bulk", "memoryGrowAt": "bulk",
        "memoryFillAt": "bulk", "memoryCopyAt": "bulk",
        // So do allocations and the bulk array operations.
        "gcAllocate": "gcOperation", "gcUpdate": "gcOperation",
    ]

    private static func sharingHandlers(_ rows: [InstructionSpec]) -> [InstructionSpec] {
        rows.map { row in
            var row = row
            row.sharesHandlerWith = twins[row.name] ?? vectorTwins[row.name]
            return row
        }
    }

    // MARK: Handwritten: control, calls, variables, memory and tables

    static let control: [InstructionSpec] = controlRows + copyEqualityBranches

    /// A copy, then a branch comparing a word with a constant for equality: a state machine's
    /// `state = next; if (c == ',')`, a loop's `x = y; while (k != 1)`.
    static let copyEqualityBranches: [InstructionSpec] = ["Eq", "Ne"].map { suffix in
        InstructionSpec(
            "copyBrIfI32\(suffix)Imm", "copy_br_if_i32.\(suffix.lowercased())_imm",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "source"), Operand(.c, .slot, "x"),
                Operand(.d, .signedImmediate, "y"),
            ],
            .handwritten(pure: false), dataWords: 1
        )
        .fusing("copy", into: "brIfI32\(suffix)Imm", targetInDataWord: true)
    }

    static let controlRows: [InstructionSpec] = [
        InstructionSpec("unreachable", "unreachable", [], .handwritten(pure: false)),
        // Extra operands of the instruction before it; dispatching one is an engine defect.
        InstructionSpec("data", "data", [], .handwritten(pure: false)),
        InstructionSpec("checkpoint", "checkpoint", [Operand(.c32, .immediate, "fuel")], .handwritten(pure: false)),
        InstructionSpec("br", "br", [Operand(.c32, .target, "target")], .handwritten(pure: false)),
        // A copy and the jump or branch right after it (a block's result moved on the way out, a
        // loop variable updated before the loop's test), as one instruction.
        InstructionSpec(
            "copyBr", "copy_br",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "source"), Operand(.c32, .target, "target")],
            .handwritten(pure: false)
        )
        .fusing("copy", into: "br"),
        InstructionSpec(
            "copyBrIf", "copy_br_if",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "source"), Operand(.c, .slot, "condition")],
            .handwritten(pure: false), dataWords: 1
        )
        .fusing("copy", into: "brIf", targetInDataWord: true),
        InstructionSpec(
            "brIf", "br_if", [Operand(.a, .slot, "condition"), Operand(.c32, .target, "target")],
            .handwritten(pure: false)),
        InstructionSpec(
            "brIfNot", "br_if_not", [Operand(.a, .slot, "condition"), Operand(.c32, .target, "target")],
            .handwritten(pure: false)),
        // Followed by `count + 1` `br` instructions, the last one the default.
        InstructionSpec(
            "brTable", "br_table", [Operand(.a, .slot, "index"), Operand(.c32, .immediate, "count")],
            .handwritten(pure: false)),
        // `record`: the slot of the frame's call record (see `CallFrame`), where the caller's
        // frame and return address are.
        InstructionSpec("ret", "return", [Operand(.b, .immediate, "record")], .handwritten(pure: false)),
        InstructionSpec(
            "retFrom", "return_from", [Operand(.a, .slot, "result"), Operand(.b, .immediate, "record")],
            .handwritten(pure: false)),
        // A function's prologue, placed after its body and entered before it when the frame needs
        // more than a call's fixed zeroing of four slots: the rest of the declared locals are
        // zeroed and the constants copied in, then it jumps to the body (`target`, index 0). Calls
        // to other functions skip it and stay free of loops and library calls.
        InstructionSpec("enterFrame", "enter_frame", [Operand(.c32, .target, "body")], .handwritten(pure: false)),
        // Data word: the callee's entry, by address, written when an instance installs the code
        // (the translation, shared by instances, knows only the index): a call loads it from the
        // instruction stream instead of through the state, the instance and its function list.
        InstructionSpec(
            "call", "call", [Operand(.a, .slot, "base"), Operand(.c32, .index("function"), "function")],
            .handwritten(pure: false), dataWords: 1),
        // A call to a function the module defines, which has code and shares the caller's instance
        // (an import may be a host function or another instance's): no checks for either.
        InstructionSpec(
            "callDefined", "call_defined",
            [Operand(.a, .slot, "base"), Operand(.c32, .index("function"), "function")],
            .handwritten(pure: false), dataWords: 1),
        // A call whose (first) argument is an add of a constant computed right before it:
        // recursion's `f(n - 1)`. The function's index takes 16 bits.
        InstructionSpec(
            "i32AddImmCallDefined", "i32.add_imm_call_defined",
            [
                Operand(.a, .result, "base"), Operand(.b, .slot, "x"), Operand(.c, .signedImmediate, "addend"),
                Operand(.d, .index("function"), "function"),
            ],
            .handwritten(pure: false), dataWords: 1
        )
        .fusing("i32AddImm", into: "callDefined"),
        // Data word: the expected type's canonical id (c32).
        InstructionSpec(
            "callIndirect", "call_indirect",
            [Operand(.a, .slot, "base"), Operand(.b, .slot, "index"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false), dataWords: 1),
        // Tail calls: the callee's frame replaces the caller's. A host callee is called as by `call`
        // and continues at the next instruction, which returns its results.
        // Data word: the callee's entry, as `call`'s.
        InstructionSpec(
            "returnCall", "return_call",
            [Operand(.a, .slot, "base"), Operand(.c32, .index("function"), "function")],
            .handwritten(pure: false), dataWords: 1),
        // Data word: the expected type's canonical id (c32).
        InstructionSpec(
            "returnCallIndirect", "return_call_indirect",
            [Operand(.a, .slot, "base"), Operand(.b, .slot, "index"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec(
            "f64AddToMemory", "f64.add_to_memory",
            [Operand(.a, .slot, "address"), Operand(.b, .slot, "x"), Operand(.c32, .immediate, "offset")],
            .handwritten(pure: false)),
        // `m += x` at an address just computed as `base + K` into a local (a struct's field, the
        // address kept for the load and the store): the sum is still written to the local.
        InstructionSpec(
            "f64AddToMemoryAtSum", "f64.add_to_memory_at_sum",
            [
                Operand(.a, .result, "address"), Operand(.b, .slot, "base"), Operand(.c, .signedImmediate, "addend"),
                Operand(.d, .slot, "x"),
            ],
            .handwritten(pure: false)
        )
        .fusing("i32AddImm", into: "f64AddToMemory"),
        // A loaded word plus a constant (`a[i] + 1`; unoptimized C's `n - 1` of a local kept in
        // memory), offsets and addends of 16 bits.
        InstructionSpec(
            "i32LoadThenAddImm", "i32.load_then_add_imm",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "address"), Operand(.c, .immediate, "offset"),
                Operand(.d, .signedImmediate, "addend"),
            ],
            .handwritten(pure: false)
        )
        .fusing("i32Load", into: "i32AddImm"),
    ]

    // Typed function references and exceptions (Handlers/References.swift, Exceptions.swift).
    static let referencesAndExceptions: [InstructionSpec] = [
        // `call_ref`: the callee is the reference in `reference` (null traps).
        InstructionSpec(
            "callRef", "call_ref", [Operand(.a, .slot, "base"), Operand(.b, .slot, "reference")],
            .handwritten(pure: false)),
        // `call_indirect` whose expected type is not final: an element of a subtype matches too.
        // Data word: the expected type's canonical id (c32).
        InstructionSpec(
            "callIndirectSubtype", "call_indirect_subtype",
            [Operand(.a, .slot, "base"), Operand(.b, .slot, "index"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false), dataWords: 1),
        // `return_call_ref`: `call_ref` whose callee's frame replaces the caller's.
        InstructionSpec(
            "returnCallRef", "return_call_ref", [Operand(.a, .slot, "base"), Operand(.b, .slot, "reference")],
            .handwritten(pure: false)),
        // `return_call_indirect` whose expected type is not final. Data word: its canonical id (c32).
        InstructionSpec(
            "returnCallIndirectSubtype", "return_call_indirect_subtype",
            [Operand(.a, .slot, "base"), Operand(.b, .slot, "index"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false), dataWords: 1),
        // Traps when the reference is null; the value stays where it is.
        InstructionSpec(
            "refAsNonNull", "ref.as_non_null", [Operand(.a, .slot, "reference")], .handwritten(pure: false)),
        // `throw`: the tag's values in the slots from `base` (by slot width).
        InstructionSpec(
            "throwTag", "throw", [Operand(.a, .slot, "base"), Operand(.c32, .index("tag"), "tag")],
            .handwritten(pure: false)),
        // `throw_ref` (and legacy `rethrow`, from the slot its `catch` stored the exception in).
        InstructionSpec("throwRef", "throw_ref", [Operand(.a, .slot, "exception")], .handwritten(pure: false)),
    ]

    /// Structs, arrays, `i31` and casts (Handlers/GarbageCollection.swift). Field offsets are in
    /// bytes from the object's start (see ObjectLayout.swift); type ids are canonical.
    static let garbageCollection: [InstructionSpec] = [
        // Every allocation (`struct.new`, `array.new*`), with its operands from `base` on (by slot
        // width). Data word: the type id (c32) and the second index, a segment or a count (a, 32 bits).
        InstructionSpec(
            "gcAllocate", "gc.allocate",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "base"), Operand(.d, .immediate, "operation")],
            .handwritten(pure: false), dataWords: 1),
        // The bulk array operations (`array.fill`, `array.copy`, `array.init_*`), operands from
        // `base` on. Data word as `gc.allocate`'s.
        InstructionSpec(
            "gcUpdate", "gc.update", [Operand(.a, .slot, "base"), Operand(.d, .immediate, "operation")],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec(
            "structGet", "struct.get",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.c32, .immediate, "offset")],
            .handwritten(pure: false)),
        // `struct.get_s` / `_u` of an i8 or i16 field: c32 is the offset, with the field's
        // `Packing` in its top two bits.
        InstructionSpec(
            "structGetPacked", "struct.get_packed",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.c32, .immediate, "field")],
            .handwritten(pure: false)),
        InstructionSpec(
            "structGet128", "struct.get128",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.c32, .immediate, "offset")],
            .handwritten(pure: false)),
        // Packed fields are stored widened; reads narrow them.
        InstructionSpec(
            "structSet", "struct.set",
            [Operand(.a, .slot, "reference"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "offset")],
            .handwritten(pure: false)),
        InstructionSpec(
            "structSet128", "struct.set128",
            [Operand(.a, .slot, "reference"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "offset")],
            .handwritten(pure: false)),
        // `array.get*`: `element` is the `ElementKind` (its width), with bit 8 set to sign-extend.
        InstructionSpec(
            "arrayGet", "array.get",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.c, .slot, "index"),
                Operand(.d, .immediate, "element"),
            ],
            .handwritten(pure: false)),
        InstructionSpec(
            "arraySet", "array.set",
            [
                Operand(.a, .slot, "reference"), Operand(.b, .slot, "index"), Operand(.c, .slot, "value"),
                Operand(.d, .immediate, "element"),
            ],
            .handwritten(pure: false), wasm: "arraySet"),
        InstructionSpec(
            "arrayLen", "array.len", [Operand(.a, .result, "result"), Operand(.b, .slot, "reference")],
            .handwritten(pure: false), wasm: "arrayLen"),
        InstructionSpec(
            "refI31", "ref.i31", [Operand(.a, .result, "result"), Operand(.b, .slot, "value")],
            .handwritten(pure: true), wasm: "refI31"),
        // `i31.get_s` (`signed` 1) and `i31.get_u`.
        InstructionSpec(
            "i31Get", "i31.get",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.d, .immediate, "signed")],
            .handwritten(pure: false)),
        // `ref.test`, and the test of `br_on_cast`: `target` is a `CastTarget`.
        InstructionSpec(
            "refTest", "ref.test",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "reference"), Operand(.c32, .immediate, "target")],
            .handwritten(pure: false)),
        // `ref.cast`: traps unless the reference passes; it stays in its slot.
        InstructionSpec(
            "refCast", "ref.cast", [Operand(.a, .slot, "reference"), Operand(.c32, .immediate, "target")],
            .handwritten(pure: false)),
    ]

    static let variables: [InstructionSpec] = [
        InstructionSpec(
            "copy", "copy", [Operand(.a, .result, "result"), Operand(.b, .slot, "source")], .handwritten(pure: true)),
        // Two copies in order: a <- b, then c <- d.
        InstructionSpec(
            "copy2", "copy2",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "source"), Operand(.c, .result, "second"),
                Operand(.d, .slot, "secondSource"),
            ],
            .handwritten(pure: false)),
        // An add of a 16-bit constant (or a subtraction, negated) into two slots: what
        // `local.tee` then `local.set` of a stepped pointer leave (`p = q = q - 4`), the copy of
        // the sum absorbed.
        InstructionSpec(
            "i32AddImmCopy", "i32.add_imm_copy",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .signedImmediate, "addend"),
                Operand(.d, .result, "copy"),
            ],
            .handwritten(pure: false)
        )
        .fusing("i32AddImm", into: "copy"),
        // Two locals stepped by constants in a row, each in place: a loop's index and pointer
        // (`i++, p += 4`), in that order.
        InstructionSpec(
            "i32AddImm2", "i32.add_imm2",
            [
                Operand(.a, .result, "x"), Operand(.b, .signedImmediate, "step"), Operand(.c, .result, "y"),
                Operand(.d, .signedImmediate, "secondStep"),
            ],
            .handwritten(pure: false)
        )
        .fusing("i32AddImm", into: "i32AddImm"),
        // A pointer kept in a local and followed at once (`local.tee p` then `i32.load`, a list
        // walk's `next = (p = q)->next`): copy then load through the copy, offsets of 16 bits.
        InstructionSpec(
            "copyI32Load", "copy_i32.load",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "address"), Operand(.c, .result, "copy"),
                Operand(.d, .immediate, "offset"),
            ],
            .handwritten(pure: false)
        )
        .fusing("copy", into: "i32Load"),
        InstructionSpec(
            "const32", "const32", [Operand(.a, .result, "result"), Operand(.c32, .immediate, "bits")],
            .handwritten(pure: true)),
        InstructionSpec(
            "select", "select",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                Operand(.d, .slot, "condition"),
            ],
            .handwritten(pure: true)),
        InstructionSpec(
            "globalGet", "global.get", [Operand(.a, .result, "result"), Operand(.c32, .index("global"), "global")],
            .handwritten(pure: true)),
        InstructionSpec(
            "globalSet", "global.set", [Operand(.a, .slot, "value"), Operand(.c32, .index("global"), "global")],
            .handwritten(pure: false)),
        // A shadow stack's frame (C's `__stack_pointer`, in every function with a local whose
        // address is taken, and in all of unoptimized code): `sp - K` read, `sp - K` (a local)
        // set, and `sp + K` set again before returning.
        InstructionSpec(
            "globalGetAddImm", "global.get_i32.add_imm",
            [
                Operand(.a, .result, "result"), Operand(.b, .signedImmediate, "addend"),
                Operand(.c32, .index("global"), "global"),
            ],
            .handwritten(pure: true)
        )
        .fusing("globalGet", into: "i32AddImm"),
        InstructionSpec(
            "globalAddImm", "global.add_imm",
            [
                Operand(.a, .result, "result"), Operand(.b, .signedImmediate, "addend"),
                Operand(.c32, .index("global"), "global"),
            ],
            .handwritten(pure: false)
        )
        .fusing("globalGetAddImm", into: "globalSet"),
        InstructionSpec(
            "i32AddImmGlobalSet", "i32.add_imm_global.set",
            [
                Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .signedImmediate, "addend"),
                Operand(.d, .index("global"), "global"),
            ],
            .handwritten(pure: false)
        )
        .fusing("i32AddImm", into: "globalSet"),
        InstructionSpec(
            "refFunc", "ref.func", [Operand(.a, .result, "result"), Operand(.c32, .index("function"), "function")],
            .handwritten(pure: true)),
    ]

    static let memoryAndTables: [InstructionSpec] = [
        InstructionSpec("memorySize", "memory.size", [Operand(.a, .result, "result")], .handwritten(pure: false)),
        InstructionSpec(
            "memoryGrow", "memory.grow", [Operand(.a, .result, "result"), Operand(.b, .slot, "delta")],
            .handwritten(pure: false)),
        InstructionSpec(
            "memoryFill", "memory.fill", threeSlots("destination", "value", "count"), .handwritten(pure: false)),
        InstructionSpec(
            "memoryCopy", "memory.copy", threeSlots("destination", "source", "count"), .handwritten(pure: false)),
        // The bulk operations share one handler, which reads the operation from `d`; data word:
        // the segment (c32).
        InstructionSpec(
            "memoryInit", "memory.init", threeSlots("destination", "source", "count") + [bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        // Data word: the segment (c32).
        InstructionSpec("dataDrop", "data.drop", [bulkOperation], .handwritten(pure: false), dataWords: 1),
        // Accesses to a memory other than a 32-bit memory 0 (multiple memories, 64-bit addresses):
        // `memory.window` checks `address + offset` against that memory and hands the next
        // instruction, an ordinary load or store at address 0, a base and size narrowed to the bytes
        // from there on; `memory.window_end` restores memory 0's. Data word: the offset (64 bits).
        InstructionSpec(
            "memoryWindow", "memory.window",
            [
                Operand(.a, .slot, "address"), Operand(.b, .index("memory"), "memory"),
                Operand(.c, .immediate, "is64"),
            ],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec("memoryWindowEnd", "memory.window_end", [], .handwritten(pure: false)),
        // memory.size, memory.grow, memory.fill and memory.copy on any memory, with 32- or 64-bit
        // operands, through the bulk handler. Data word: the memory (c32); for memory.copy also the
        // source memory (a, 32 bits).
        InstructionSpec(
            "memorySizeAt", "memory.size_at", [Operand(.a, .result, "result"), bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec(
            "memoryGrowAt", "memory.grow_at",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "delta"), bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec(
            "memoryFillAt", "memory.fill_at", threeSlots("destination", "value", "count") + [bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        InstructionSpec(
            "memoryCopyAt", "memory.copy_at", threeSlots("destination", "source", "count") + [bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        // A 64-bit table index as the 32-bit one the table instructions read, saturated: every
        // index past 32 bits is out of bounds of any table the engine allows.
        InstructionSpec(
            "tableIndexFromI64", "table.index_from_i64", [Operand(.a, .result, "result"), Operand(.b, .slot, "index")],
            .handwritten(pure: true)),
        InstructionSpec(
            "tableGet", "table.get",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "index"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false)),
        InstructionSpec(
            "tableSet", "table.set",
            [Operand(.a, .slot, "index"), Operand(.b, .slot, "value"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false)),
        InstructionSpec(
            "tableSize", "table.size", [Operand(.a, .result, "result"), Operand(.c32, .index("table"), "table")],
            .handwritten(pure: false)),
        // Data word: the table (c32).
        InstructionSpec(
            "tableGrow", "table.grow",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "value"), Operand(.c, .slot, "delta"), bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        // Data word: the table (c32).
        InstructionSpec(
            "tableFill", "table.fill", threeSlots("start", "value", "count") + [bulkOperation],
            .handwritten(pure: false),
            dataWords: 1),
        // Data word: the destination table (a, 32 bits) and the source table (c32).
        InstructionSpec(
            "tableCopy", "table.copy", threeSlots("destination", "source", "count") + [bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        // Data word: the segment (a, 32 bits) and the table (c32).
        InstructionSpec(
            "tableInit", "table.init", threeSlots("destination", "source", "count") + [bulkOperation],
            .handwritten(pure: false), dataWords: 1),
        // Data word: the segment (c32).
        InstructionSpec("elemDrop", "elem.drop", [bulkOperation], .handwritten(pure: false), dataWords: 1),
    ]

    private static let bulkOperation = Operand(.d, .immediate, "operation")

    private static func threeSlots(_ x: String, _ y: String, _ z: String) -> [Operand] {
        [Operand(.a, .slot, x), Operand(.b, .slot, y), Operand(.c, .slot, z)]
    }

    // MARK: Integer arithmetic and comparisons

    static let integer: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for (kind, bits) in [(ValueKind.i32, "32"), (.i64, "64")] {
            let t = kind.rawValue
            let signed = "Int\(bits)"
            func s(_ v: String) -> String { "\(signed)(bitPattern: \(v))" }
            rows += binary(t, "Add", "add", kind, "x &+ y", immediate: true)
            rows += binary(t, "Sub", "sub", kind, "x &- y", immediate: true)
            rows += binary(t, "Mul", "mul", kind, "x &* y", immediate: true)
            rows += binary(t, "DivS", "div_s", kind, "try Numeric.divS\(bits)(x, y)", traps: true)
            rows += binary(t, "DivU", "div_u", kind, "try Numeric.divU\(bits)(x, y)", traps: true)
            rows += binary(t, "RemS", "rem_s", kind, "try Numeric.remS\(bits)(x, y)", traps: true)
            rows += binary(t, "RemU", "rem_u", kind, "try Numeric.remU\(bits)(x, y)", traps: true)
            rows += binary(t, "And", "and", kind, "x & y", immediate: true)
            rows += binary(t, "Or", "or", kind, "x | y", immediate: true)
            rows += binary(t, "Xor", "xor", kind, "x ^ y", immediate: true)
            rows += binary(t, "Shl", "shl", kind, "x &<< y", immediate: true)
            rows += binary(
                t, "ShrS", "shr_s", kind, "\(kind.swiftType)(bitPattern: \(s("x")) &>> \(s("y")))", immediate: true)
            rows += binary(t, "ShrU", "shr_u", kind, "x &>> y", immediate: true)
            rows += binary(t, "Rotl", "rotl", kind, "Numeric.rotl\(bits)(x, y)")
            rows += binary(t, "Rotr", "rotr", kind, "Numeric.rotr\(bits)(x, y)")
            let comparisons: [(String, String, String, String)] = [
                ("Eq", "eq", "x == y", "Ne"), ("Ne", "ne", "x != y", "Eq"),
                ("LtS", "lt_s", "\(s("x")) < \(s("y"))", "GeS"), ("LtU", "lt_u", "x < y", "GeU"),
                ("GtS", "gt_s", "\(s("x")) > \(s("y"))", "LeS"), ("GtU", "gt_u", "x > y", "LeU"),
                ("LeS", "le_s", "\(s("x")) <= \(s("y"))", "GtS"), ("LeU", "le_u", "x <= y", "GtU"),
                ("GeS", "ge_s", "\(s("x")) >= \(s("y"))", "LtS"), ("GeU", "ge_u", "x >= y", "LtU"),
            ]
            for (suffix, text, condition, negation) in comparisons {
                rows += compare(t, suffix, text, kind, condition, negation: negation, immediate: true)
            }
            var eqz = unary(t, "Eqz", "eqz", kind, .i32, "x == 0 ? 1 : 0")
            eqz[0].branchForm = ("brIf\(cap(t))Eqz", "brIf\(cap(t))Nez")
            rows += eqz
            rows += unary(t, "Clz", "clz", kind, kind, "\(kind.swiftType)(x.leadingZeroBitCount)")
            rows += unary(t, "Ctz", "ctz", kind, kind, "\(kind.swiftType)(x.trailingZeroBitCount)")
            rows += unary(t, "Popcnt", "popcnt", kind, kind, "\(kind.swiftType)(x.nonzeroBitCount)")
        }
        return rows
    }()

    // MARK: Floating point

    static let floatingPoint: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for (kind, bits, sign) in [
            (ValueKind.f32, ValueKind.i32, "0x8000_0000"), (.f64, .i64, "0x8000_0000_0000_0000"),
        ] {
            let t = kind.rawValue
            let comparisons: [(String, String, String, String)] = [
                ("Eq", "eq", "x == y", "Ne"), ("Ne", "ne", "x != y", "Eq"), ("Lt", "lt", "x < y", "NotLt"),
                ("Gt", "gt", "x > y", "NotGt"), ("Le", "le", "x <= y", "NotLe"), ("Ge", "ge", "x >= y", "NotGe"),
            ]
            for (suffix, text, condition, negation) in comparisons {
                rows += compare(t, suffix, text, kind, condition, negation: negation, immediate: false)
            }
            rows += binary(t, "Add", "add", kind, "x + y")
            rows += binary(t, "Sub", "sub", kind, "x - y")
            rows += binary(t, "Mul", "mul", kind, "x * y")
            rows += binary(t, "Div", "div", kind, "x / y")
            rows += binary(t, "Min", "min", kind, "Numeric.minimum(x, y)")
            rows += binary(t, "Max", "max", kind, "Numeric.maximum(x, y)")
            rows += unary(t, "Ceil", "ceil", kind, kind, "x.rounded(.up)")
            rows += unary(t, "Floor", "floor", kind, kind, "x.rounded(.down)")
            rows += unary(t, "Trunc", "trunc", kind, kind, "x.rounded(.towardZero)")
            rows += unary(t, "Nearest", "nearest", kind, kind, "x.rounded(.toNearestOrEven)")
            rows += unary(t, "Sqrt", "sqrt", kind, kind, "x.squareRoot()")
            // Sign operations work on the bits, so that NaN payloads pass through unchanged.
            let signBit = "\(bits.swiftType)(\(sign))"
            rows += unary(t, "Abs", "abs", bits, bits, "x & ~\(signBit)")
            rows += unary(t, "Neg", "neg", bits, bits, "x ^ \(signBit)")
            rows += binary(t, "Copysign", "copysign", bits, "(x & ~\(signBit)) | (y & \(signBit))")
        }
        return rows
    }()

    // MARK: Conversions

    static let conversions: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        rows += unary("i32", "WrapI64", "wrap_i64", .i64, .i32, "UInt32(truncatingIfNeeded: x)")
        rows += unary(
            "i64", "ExtendI32S", "extend_i32_s", .i32, .i64, "UInt64(bitPattern: Int64(Int32(bitPattern: x)))")
        rows += unary("i64", "ExtendI32U", "extend_i32_u", .i32, .i64, "UInt64(x)")
        for (result, bits) in [(ValueKind.i32, "32"), (.i64, "64")] {
            for (source, name) in [(ValueKind.f32, "F32"), (.f64, "F64")] {
                let r = result.rawValue
                let widened = source == .f32 ? "Double(x)" : "x"
                rows += unary(
                    r, "Trunc\(name)S", "trunc_\(source.rawValue)_s", source, result,
                    "try Numeric.truncS\(bits)(\(widened))", traps: true)
                rows += unary(
                    r, "Trunc\(name)U", "trunc_\(source.rawValue)_u", source, result,
                    "try Numeric.truncU\(bits)(\(widened))", traps: true)
                rows += unary(
                    r, "TruncSat\(name)S", "trunc_sat_\(source.rawValue)_s", source, result,
                    "Numeric.satS\(bits)(\(widened))")
                rows += unary(
                    r, "TruncSat\(name)U", "trunc_sat_\(source.rawValue)_u", source, result,
                    "Numeric.satU\(bits)(\(widened))")
            }
        }
        for (result, type) in [(ValueKind.f32, "Float"), (.f64, "Double")] {
            let r = result.rawValue
            rows += unary(r, "ConvertI32S", "convert_i32_s", .i32, result, "\(type)(Int32(bitPattern: x))")
            rows += unary(r, "ConvertI32U", "convert_i32_u", .i32, result, "\(type)(x)")
            rows += unary(r, "ConvertI64S", "convert_i64_s", .i64, result, "\(type)(Int64(bitPattern: x))")
            rows += unary(r, "ConvertI64U", "convert_i64_u", .i64, result, "\(type)(x)")
        }
        rows += unary("f32", "DemoteF64", "demote_f64", .f64, .f32, "Float(x)")
        rows += unary("f64", "PromoteF32", "promote_f32", .f32, .f64, "Double(x)")
        // A slot holds a float's bits, so reinterpreting is a copy.
        rows += unary("i32", "ReinterpretF32", "reinterpret_f32", .i32, .i32, "x")
        rows += unary("f32", "ReinterpretI32", "reinterpret_i32", .i32, .i32, "x")
        rows += unary("i64", "ReinterpretF64", "reinterpret_f64", .i64, .i64, "x")
        rows += unary("f64", "ReinterpretI64", "reinterpret_i64", .i64, .i64, "x")
        rows += unary(
            "i32", "Extend8S", "extend8_s", .i32, .i32, "UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: x)))")
        rows += unary(
            "i32", "Extend16S", "extend16_s", .i32, .i32, "UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: x)))")
        rows += unary(
            "i64", "Extend8S", "extend8_s", .i64, .i64, "UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: x)))")
        rows += unary(
            "i64", "Extend16S", "extend16_s", .i64, .i64, "UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: x)))")
        rows += unary(
            "i64", "Extend32S", "extend32_s", .i64, .i64, "UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x)))")
        return rows
    }()

    // MARK: Loads and stores

    /// (name, text, slot kind, memory type, conversion, has an address-sum form). Floats move as
    /// their bits.
    static let loadRows: [(String, String, ValueKind, String, String, Bool)] = [
        ("i32Load", "i32.load", .i32, "UInt32", "v", true),
        ("i64Load", "i64.load", .i64, "UInt64", "v", true),
        ("f32Load", "f32.load", .i32, "UInt32", "v", true),
        ("f64Load", "f64.load", .i64, "UInt64", "v", true),
        ("i32Load8S", "i32.load8_s", .i32, "Int8", "UInt32(bitPattern: Int32(v))", true),
        ("i32Load8U", "i32.load8_u", .i32, "UInt8", "UInt32(v)", true),
        ("i32Load16S", "i32.load16_s", .i32, "Int16", "UInt32(bitPattern: Int32(v))", true),
        ("i32Load16U", "i32.load16_u", .i32, "UInt16", "UInt32(v)", true),
        ("i64Load8S", "i64.load8_s", .i64, "Int8", "UInt64(bitPattern: Int64(v))", false),
        ("i64Load8U", "i64.load8_u", .i64, "UInt8", "UInt64(v)", false),
        ("i64Load16S", "i64.load16_s", .i64, "Int16", "UInt64(bitPattern: Int64(v))", false),
        ("i64Load16U", "i64.load16_u", .i64, "UInt16", "UInt64(v)", false),
        ("i64Load32S", "i64.load32_s", .i64, "Int32", "UInt64(bitPattern: Int64(v))", false),
        ("i64Load32U", "i64.load32_u", .i64, "UInt32", "UInt64(v)", false),
    ]

    static let storeRows: [(String, String, ValueKind, String, String, Bool)] = [
        ("i32Store", "i32.store", .i32, "UInt32", "x", true),
        ("i64Store", "i64.store", .i64, "UInt64", "x", true),
        ("f32Store", "f32.store", .i32, "UInt32", "x", true),
        ("f64Store", "f64.store", .i64, "UInt64", "x", true),
        ("i32Store8", "i32.store8", .i32, "UInt8", "UInt8(truncatingIfNeeded: x)", true),
        ("i32Store16", "i32.store16", .i32, "UInt16", "UInt16(truncatingIfNeeded: x)", true),
        ("i64Store8", "i64.store8", .i64, "UInt8", "UInt8(truncatingIfNeeded: x)", false),
        ("i64Store16", "i64.store16", .i64, "UInt16", "UInt16(truncatingIfNeeded: x)", false),
        ("i64Store32", "i64.store32", .i64, "UInt32", "UInt32(truncatingIfNeeded: x)", false),
    ]

    static let loadsAndStores: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for (name, text, kind, memoryType, conversion, hasSumForm) in loadRows {
            var row = InstructionSpec(
                name, text,
                [Operand(.a, .result, "result"), Operand(.b, .slot, "address"), Operand(.c32, .immediate, "offset")],
                .family(.load(result: kind, memoryType: memoryType, conversion: conversion, wrappingSum: false)),
                wasm: name)
            if hasSumForm {
                row.addressSumForm = name + "AddImm"
                rows.append(row)
                rows.append(
                    InstructionSpec(
                        name + "AddImm", text + "_at_sum",
                        [
                            Operand(.a, .result, "result"), Operand(.b, .slot, "base"),
                            Operand(.c32, .immediate, "addend"),
                        ],
                        .family(.load(result: kind, memoryType: memoryType, conversion: conversion, wrappingSum: true)))
                )
            } else {
                rows.append(row)
            }
        }
        for (name, text, kind, memoryType, conversion, hasSumForm) in storeRows {
            var row = InstructionSpec(
                name, text,
                [Operand(.a, .slot, "address"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "offset")],
                .family(.store(value: kind, memoryType: memoryType, conversion: conversion, wrappingSum: false)),
                wasm: name)
            if hasSumForm {
                row.addressSumForm = name + "AddImm"
                rows.append(row)
                rows.append(
                    InstructionSpec(
                        name + "AddImm", text + "_at_sum",
                        [Operand(.a, .slot, "base"), Operand(.b, .slot, "value"), Operand(.c32, .immediate, "addend")],
                        .family(.store(value: kind, memoryType: memoryType, conversion: conversion, wrappingSum: true)))
                )
            } else {
                rows.append(row)
            }
        }
        return rows
    }()

    // MARK: Compare-and-branch

    /// The fused branches the comparisons name (see `compare`).
    static let branches: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        for kind in [ValueKind.i32, .i64] {
            let t = cap(kind.rawValue)
            for (suffix, condition) in integerBranchConditions(signed: kind == .i32 ? "Int32" : "Int64") {
                let text = "br_if_\(kind.rawValue).\(suffix.lowercased())"
                var row = compareBranch("brIf\(t)\(suffix)", text, kind, condition, immediate: false)
                row.swappedForm = "brIf\(t)\(swappedIntegerConditions[suffix] ?? suffix)"
                rows.append(row)
                rows.append(compareBranch("brIf\(t)\(suffix)Imm", text + "_imm", kind, condition, immediate: true))
            }
            rows.append(
                InstructionSpec(
                    "brIf\(t)Eqz", "br_if_\(kind.rawValue).eqz",
                    [Operand(.a, .slot, "x"), Operand(.c32, .target, "target")],
                    .family(.testBranch(kind: kind, condition: "x == 0"))))
            rows.append(
                InstructionSpec(
                    "brIf\(t)Nez", "br_if_\(kind.rawValue).nez",
                    [Operand(.a, .slot, "x"), Operand(.c32, .target, "target")],
                    .family(.testBranch(kind: kind, condition: "x != 0"))))
        }
        for kind in [ValueKind.f32, .f64] {
            let t = cap(kind.rawValue)
            for (suffix, condition) in floatBranchConditions {
                rows.append(
                    compareBranch(
                        "brIf\(t)\(suffix)", "br_if_\(kind.rawValue).\(suffix.lowercased())", kind, condition,
                        immediate: false))
            }
        }
        return rows
    }()

    /// The integer comparisons' branch conditions, on unsigned x and y (`signed` reinterprets them).
    static func integerBranchConditions(signed: String) -> [(suffix: String, condition: String)] {
        func s(_ v: String) -> String { "\(signed)(bitPattern: \(v))" }
        return [
            ("Eq", "x == y"), ("Ne", "x != y"), ("LtS", "\(s("x")) < \(s("y"))"), ("LtU", "x < y"),
            ("GtS", "\(s("x")) > \(s("y"))"), ("GtU", "x > y"), ("LeS", "\(s("x")) <= \(s("y"))"),
            ("LeU", "x <= y"), ("GeS", "\(s("x")) >= \(s("y"))"), ("GeU", "x >= y"),
        ]
    }

    /// Integer comparisons with their operands swapped (the others are symmetric).
    static let swappedIntegerConditions = [
        "LtS": "GtS", "LtU": "GtU", "GtS": "LtS", "GtU": "LtU", "LeS": "GeS", "LeU": "GeU", "GeS": "LeS", "GeU": "LeU",
    ]

    /// A float comparison's branch conditions, each with its negation: `!(x < y)` is not `x >= y`
    /// when an operand is NaN, so the negated forms are conditions of their own.
    static let floatBranchConditions: [(suffix: String, condition: String)] = [
        ("Eq", "x == y"), ("Ne", "x != y"), ("Lt", "x < y"), ("NotLt", "!(x < y)"), ("Gt", "x > y"),
        ("NotGt", "!(x > y)"), ("Le", "x <= y"), ("NotLe", "!(x <= y)"), ("Ge", "x >= y"), ("NotGe", "!(x >= y)"),
    ]

    // MARK: Superinstructions (docs/interpreter.md lists why each exists)

    static let fused: [InstructionSpec] = {
        var rows: [InstructionSpec] = []
        // f64 arithmetic feeding f64 arithmetic, rounded twice like the two instructions (no FMA).
        let f64Pairs: [(String, String, String, String, Bool?)] = [
            ("f64MulAdd", "(x * y) + z", "f64Mul", "f64Add", true),
            ("f64AddMul", "z + (x * y)", "f64Mul", "f64Add", false),
            ("f64MulSub", "(x * y) - z", "f64Mul", "f64Sub", true),
            ("f64SubMul", "z - (x * y)", "f64Mul", "f64Sub", false),
            ("f64MulMul", "(x * y) * z", "f64Mul", "f64Mul", true),
            ("f64MulMulRight", "z * (x * y)", "f64Mul", "f64Mul", false),
            ("f64AddAdd", "(x + y) + z", "f64Add", "f64Add", true),
            ("f64AddAddRight", "z + (x + y)", "f64Add", "f64Add", false),
            ("f64SubAdd", "(x - y) + z", "f64Sub", "f64Add", true),
            ("f64AddSub", "z + (x - y)", "f64Sub", "f64Add", false),
        ]
        // Integer add and xor commute exactly: one form serves both operand orders (nil).
        let i32Pairs: [(String, String, String, String, Bool?)] = [
            ("i32AddAdd", "(x &+ y) &+ z", "i32Add", "i32Add", nil),
            ("i32MulAdd", "(x &* y) &+ z", "i32Mul", "i32Add", nil),
            ("i32XorAdd", "(x ^ y) &+ z", "i32Xor", "i32Add", nil),
            ("i32RotlXor", "Numeric.rotl32(x, y) ^ z", "i32Rotl", "i32Xor", nil),
        ]
        for (name, expression, producer, consumer, first) in f64Pairs + i32Pairs {
            var row = InstructionSpec(
                name, dotted(name),
                [
                    Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y"),
                    Operand(.d, .slot, "z"),
                ],
                .family(.ternary(kind: name.hasPrefix("f64") ? .f64 : .i32, expression: expression)))
            row.fusion = Fusion(producer: producer, consumer: consumer, producerIsFirst: first)
            rows.append(row)
        }
        // One word rotated by constants, xored: SHA-2's Σ functions (`rotr(e, 6) ^ rotr(e, 11) ^
        // rotr(e, 25)`), which clang writes as rotl by constants. The counts are 5-bit fields of
        // the immediate, low first (`rotl32` takes its count modulo 32).
        let rotations: [(String, String, String)] = [
            ("i32Rotl2Xor", "Numeric.rotl32(x, y) ^ Numeric.rotl32(x, y &>> 5)", "i32Rotl"),
            (
                "i32Rotl3Xor", "Numeric.rotl32(x, y) ^ Numeric.rotl32(x, y &>> 5) ^ Numeric.rotl32(x, y &>> 10)",
                "i32Rotl2Xor"
            ),
        ]
        for (name, expression, producer) in rotations {
            let row = InstructionSpec(
                name, dotted(name),
                [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c32, .immediate, "counts")],
                .family(.binary(operand: .i32, result: .i32, expression: expression, traps: false, immediate: true)))
            rows.append(row.fusing(producer, into: "i32RotlXor"))
        }
        // f64 arithmetic on a value loaded from memory: the address in slot c, the offset (or the
        // wrapping addend of `x + K`) in d.
        let loadOperations: [(String, String, String, Bool)] = [
            ("LoadAdd", "v + x", "f64Add", true), ("AddLoad", "x + v", "f64Add", false),
            ("LoadSub", "v - x", "f64Sub", true), ("SubLoad", "x - v", "f64Sub", false),
            ("LoadMul", "v * x", "f64Mul", true), ("MulLoad", "x * v", "f64Mul", false),
        ]
        for wrappingSum in [false, true] {
            for (suffix, expression, consumer, first) in loadOperations {
                let name = "f64" + (wrappingSum ? suffix.replacing("Load", with: "SumLoad") : suffix)
                var row = InstructionSpec(
                    name, dotted(name),
                    [
                        Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "address"),
                        Operand(.d, .immediate, wrappingSum ? "addend" : "offset"),
                    ],
                    .family(.loadOperation(expression: expression, wrappingSum: wrappingSum)))
                row.fusion = Fusion(
                    producer: wrappingSum ? "f64LoadAddImm" : "f64Load", consumer: consumer, producerIsFirst: first)
                rows.append(row)
            }
        }
        // Loop counters: x += step, then branch on x (backward branches, 16-bit targets).
        let counters: [(String, String, Bool, Bool, Bool, String)] = [
            ("i32AddImmBrIfNe", "x != y", false, false, false, "brIfI32Ne"),
            ("i32AddImmBrIfNeImm", "x != y", false, true, false, "brIfI32NeImm"),
            ("i32AddImmBrIfLtU", "x < y", false, false, false, "brIfI32LtU"),
            ("i32AddImmBrIfLtUImm", "x < y", false, true, false, "brIfI32LtUImm"),
            // Counting down (`while (n > 1)`, `n -= 2`: a recursive fib's loop).
            ("i32AddImmBrIfGtUImm", "x > y", false, true, false, "brIfI32GtUImm"),
            ("i32AddImmBrIfGtSImm", "Int32(bitPattern: x) > Int32(bitPattern: y)", false, true, false, "brIfI32GtSImm"),
            ("i32AddImmBrIfNez", "x != 0", false, false, true, "brIfI32Nez"),
            ("i32AddBrIfNe", "x != y", true, false, false, "brIfI32Ne"),
            ("i32AddBrIfLtU", "x < y", true, false, false, "brIfI32LtU"),
            ("i32AddBrIfLeU", "x <= y", true, false, false, "brIfI32LeU"),
        ]
        for (name, condition, stepInSlot, immediate, onlyX, branch) in counters {
            var operands = [
                Operand(.a, .slot, "counter"), Operand(.b, stepInSlot ? .slot : .signedImmediate, "step"),
            ]
            if !onlyX { operands.append(Operand(.c, immediate ? .signedImmediate : .slot, "bound")) }
            operands.append(Operand(.d, .target, "target"))
            var row = InstructionSpec(
                name, dotted(name), operands,
                .family(
                    .counterBranch(
                        condition: condition, stepInSlot: stepInSlot, immediate: immediate, testsOnlyX: onlyX)))
            row.fusion = Fusion(producer: stepInSlot ? "i32Add" : "i32AddImm", consumer: branch, producerIsFirst: true)
            rows.append(row)
        }
        // An f64 sum compared right away (`x*x + y*y <= 4.0`, a loop's exit test): the sum never
        // goes through its slot. Three slots and a 32-bit target do not fit one operand word: the
        // target is in a data word.
        for (suffix, condition) in floatBranchConditions {
            var row = InstructionSpec(
                "brIfF64Sum\(suffix)", "br_if_f64.sum_\(suffix.lowercased())",
                [Operand(.a, .slot, "x"), Operand(.b, .slot, "addend"), Operand(.c, .slot, "y")],
                .family(.sumBranch(condition: condition)), dataWords: 1)
            row.fusion = Fusion(producer: "f64Add", consumer: "brIfF64\(suffix)", producerIsFirst: true)
            rows.append(row)
        }
        // An i32 loaded and compared right away (`while (a[i] < pivot)`, a search loop's test): the
        // loaded value is kept, as the load leaves it, for the code after the loop. Offsets of up
        // to 16 bits; the target in a data word.
        for (suffix, condition) in integerBranchConditions(signed: "Int32") {
            var row = InstructionSpec(
                "i32LoadBrIf\(suffix)", "i32.load_br_if_\(suffix.lowercased())",
                [
                    Operand(.a, .result, "value"), Operand(.b, .slot, "address"), Operand(.c, .slot, "y"),
                    Operand(.d, .immediate, "offset"),
                ],
                .family(.loadBranch(condition: condition, testsOnlyX: false)), dataWords: 1)
            row.fusion = Fusion(producer: "i32Load", consumer: "brIfI32\(suffix)", producerIsFirst: true)
            rows.append(row)
        }
        // The same testing the word for zero (`while (node)`), and bits tested (`if (flags & K)`,
        // the and's result going nowhere else): wasm's plain `br_if` is their consumer.
        for (suffix, condition, consumer) in [("Nez", "x != 0", "brIf"), ("Eqz", "x == 0", "brIfNot")] {
            var load = InstructionSpec(
                "i32LoadBrIf\(suffix)", "i32.load_br_if_\(suffix.lowercased())",
                [Operand(.a, .result, "value"), Operand(.b, .slot, "address"), Operand(.d, .immediate, "offset")],
                .family(.loadBranch(condition: condition, testsOnlyX: true)), dataWords: 1)
            load.fusion = Fusion(producer: "i32Load", consumer: consumer, producerIsFirst: true)
            rows.append(load)
            // A byte (`if (!flags[i])`: a sieve's test, a string's end).
            var byte = InstructionSpec(
                "i32Load8UBrIf\(suffix)", "i32.load8_u_br_if_\(suffix.lowercased())",
                [Operand(.a, .result, "value"), Operand(.b, .slot, "address"), Operand(.d, .immediate, "offset")],
                .family(.loadBranch(condition: condition, testsOnlyX: true, memoryType: "UInt8")), dataWords: 1)
            byte.fusion = Fusion(producer: "i32Load8U", consumer: consumer, producerIsFirst: true)
            rows.append(byte)
            var bits = InstructionSpec(
                "i32AndImmBrIf\(suffix)", "i32.and_br_if_\(suffix.lowercased())",
                [Operand(.a, .slot, "x"), Operand(.c32, .immediate, "mask")],
                .family(.bitTestBranch(condition: condition)), dataWords: 1)
            bits.fusion = Fusion(producer: "i32AndImm", consumer: consumer, producerIsFirst: true)
            rows.append(bits)
        }
        // (x >> s) & mask, a bit field; (x << s) + y, an array element's address.
        rows.append(
            InstructionSpec(
                "i32ShrUImmAndImm", "i32.shr_u_and",
                [
                    Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .immediate, "shift"),
                    Operand(.d, .immediate, "mask"),
                ],
                .family(
                    .compute(
                        result: .i32,
                        inputs: [
                            Input("x", .b, .slot(.i32)), Input("shift", .c, .unsigned), Input("mask", .d, .unsigned),
                        ],
                        expression: "(x &>> UInt32(shift)) & UInt32(mask)"))))
        rows.append(
            InstructionSpec(
                "i32ShlImmAdd", "i32.shl_add",
                [
                    Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .immediate, "shift"),
                    Operand(.d, .slot, "y"),
                ],
                .family(
                    .compute(
                        result: .i32,
                        inputs: [
                            Input("x", .b, .slot(.i32)), Input("shift", .c, .unsigned), Input("y", .d, .slot(.i32)),
                        ],
                        expression: "(x &<< UInt32(shift)) &+ y"))))
        return rows
    }()

    // MARK: Family helpers

    static func cap(_ s: String) -> String { s.prefix(1).uppercased() + s.dropFirst() }

    /// `f64MulAdd` -> `f64.mul_add`.
    static func dotted(_ name: String) -> String {
        var text = ""
        var seenType = false
        for character in name {
            if character.isUppercase {
                text += seenType ? "_" : "."
                seenType = true
                text += character.lowercased()
            } else {
                text.append(character)
            }
        }
        return text
    }

    static func unary(
        _ type: String, _ suffix: String, _ text: String, _ operand: ValueKind, _ result: ValueKind,
        _ expression: String,
        traps: Bool = false
    ) -> [InstructionSpec] {
        let name = type + suffix
        return [
            InstructionSpec(
                name, "\(type).\(text)", [Operand(.a, .result, "result"), Operand(.b, .slot, "x")],
                .family(.unary(operand: operand, result: result, expression: expression, traps: traps)), wasm: name)
        ]
    }

    /// A binary operation and, with `immediate`, its form with a 32-bit immediate second operand
    /// (sign-extended for i64).
    static func binary(
        _ type: String, _ suffix: String, _ text: String, _ kind: ValueKind, _ expression: String,
        traps: Bool = false, immediate: Bool = false
    ) -> [InstructionSpec] {
        let name = type + suffix
        var row = InstructionSpec(
            name, "\(type).\(text)",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y")],
            .family(.binary(operand: kind, result: kind, expression: expression, traps: traps, immediate: false)),
            wasm: name)
        guard immediate else { return [row] }
        row.immediateForm = name + "Imm"
        let immediateRow = InstructionSpec(
            name + "Imm", "\(type).\(text)_imm",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c32, .signedImmediate, "y")],
            .family(.binary(operand: kind, result: kind, expression: expression, traps: traps, immediate: true)))
        return [row, immediateRow]
    }

    /// A comparison (result i32 0 or 1), its immediate form for integers, and the branches it
    /// fuses into: `brIf<Type><Suffix>` when taken on true, `brIf<Type><Negation>` on false.
    static func compare(
        _ type: String, _ suffix: String, _ text: String, _ kind: ValueKind, _ condition: String, negation: String,
        immediate: Bool
    ) -> [InstructionSpec] {
        let name = type + suffix
        let branch = "brIf\(cap(type))"
        var row = InstructionSpec(
            name, "\(type).\(text)",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c, .slot, "y")],
            .family(
                .binary(operand: kind, result: .i32, expression: "\(condition) ? 1 : 0", traps: false, immediate: false)
            ),
            wasm: name)
        row.branchForm = (branch + suffix, branch + negation)
        guard immediate else { return [row] }
        row.immediateForm = name + "Imm"
        var immediateRow = InstructionSpec(
            name + "Imm", "\(type).\(text)_imm",
            [Operand(.a, .result, "result"), Operand(.b, .slot, "x"), Operand(.c32, .signedImmediate, "y")],
            .family(
                .binary(operand: kind, result: .i32, expression: "\(condition) ? 1 : 0", traps: false, immediate: true))
        )
        immediateRow.branchForm = (branch + suffix + "Imm", branch + negation + "Imm")
        return [row, immediateRow]
    }

    static func compareBranch(
        _ name: String, _ text: String, _ kind: ValueKind, _ condition: String, immediate: Bool
    )
        -> InstructionSpec
    {
        InstructionSpec(
            name, text,
            [
                Operand(.a, .slot, "x"), Operand(.b, immediate ? .signedImmediate : .slot, "y"),
                Operand(.c32, .target, "target"),
            ],
            .family(.compareBranch(kind: kind, condition: condition, immediate: immediate)))
    }
}
