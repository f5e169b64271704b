extension Store {
    /// The interpreter: runs `entry` with its arguments in `frame[0...]` until it returns, leaving
    /// its results in `frame[0...]`.
    ///
    /// One loop, one switch over a dense array of 16-byte instructions. Wasm calls push a
    /// `CallFrame` and continue in the same loop, so guest recursion never grows the native stack.
    /// `pc`, `fp` and the memory's base and size live in locals; they are reloaded from the
    /// instance only after something that can change them (calls, returns, `memory.grow`).
    func execute(_ entry: UnsafeMutablePointer<FunctionEntry>, frame: UnsafeMutablePointer<UInt64>) throws(Trap) {
        let code = try compile(entry)
        guard frame + entry.pointee.frameSize <= valueStackEnd else { throw Trap(.callStackExhausted) }
        entry.initializeFrame(frame)
        try run(ExecutionState(pc: code, fp: frame, function: entry, depth: callDepth), baseDepth: callDepth)
    }

    /// The loop itself, from a fresh call or from where a suspended call stopped.
    func run(_ state: ExecutionState, baseDepth: Int) throws(Trap) {
        defer { callDepth = baseDepth }
        var depth = state.depth
        var function = state.function
        var fp = state.fp
        var pc = state.pc
        guard var instance = function.pointee.runtime else { throw Trap(.host("not a wasm function")) }
        var memoryBase = instance.pointee.memoryState.pointee.base
        var memorySize = instance.pointee.memoryState.pointee.byteCount
        let maxDepth = configuration.maxCallDepth

        while true {
            let i = InstructionOperands(pc)
            pc += 1
            switch i.op {
            case .unreachable:
                throw trap(.unreachable, function, depth, baseDepth)
            case .unsupported:
                throw trap(.internalError("an instruction without a translation"), function, depth, baseDepth)
            case .data:
                // Operand words are consumed by the instruction they belong to, never dispatched.
                // (An empty case would make the dispatch block its own successor, and LLVM then
                // keeps it shared instead of copying it into every case: see Package.swift.)
                throw trap(.internalError("operand word executed as an instruction"), function, depth, baseDepth)
            case .checkpoint:
                if let remaining = fuel {
                    guard remaining >= Int64(i.a) else {
                        fuel = 0
                        // At top level the call can continue after refuelling: from this checkpoint.
                        if reentrancyDepth == 1 {
                            fuelStop = ExecutionState(pc: pc - 1, fp: fp, function: function, depth: depth)
                        }
                        throw trap(.outOfFuel, function, depth, baseDepth)
                    }
                    fuel = remaining - Int64(i.a)
                }
                // Both arms store the counter, so the common one ends in straight-line code that
                // gets its own copy of the dispatch (an `if` without `else` would continue through
                // the loop's shared dispatch block).
                let checksLeft = checkpointsUntilInterruptCheck
                if _slowPath(checksLeft <= 1) {
                    checkpointsUntilInterruptCheck = configuration.interruptCheckInterval
                    if let reason = pendingInterruption() { throw trap(reason, function, depth, baseDepth) }
                } else {
                    checkpointsUntilInterruptCheck = checksLeft - 1
                }
            case .br:
                pc += Int(Int32(bitPattern: i.a))
            case .brIf:
                if _fastPath(UInt32(truncatingIfNeeded: fp[Int(i.a)]) != 0) { pc += Int(Int32(bitPattern: i.b)) }
            case .brIfNot:
                if _fastPath(UInt32(truncatingIfNeeded: fp[Int(i.a)]) == 0) { pc += Int(Int32(bitPattern: i.b)) }
            case .brTable:
                let index = UInt32(truncatingIfNeeded: fp[Int(i.a)])
                // Not `min`: the generic was a call, not inlined into this loop.
                pc += Int(index < i.b ? index : i.b)
            case .retFrom:
                fp[0] = fp[Int(i.a)]
                fallthrough
            case .ret:
                if depth == baseDepth { return }
                depth -= 1
                let caller = frames[depth]
                pc = caller.returnPC
                fp = caller.fp
                function = caller.function
                // Within one instance the memory locals are already current (memory.grow updates
                // them); only a return into another instance needs its memory loaded.
                let callerInstance = function.pointee.runtime.unsafelyUnwrapped
                if callerInstance != instance {
                    instance = callerInstance
                    memoryBase = instance.pointee.memoryState.pointee.base
                    memorySize = instance.pointee.memoryState.pointee.byteCount
                }
            case .call, .callIndirect:
                let callee: UnsafeMutablePointer<FunctionEntry>
                let base = fp + Int(i.b)
                // Told apart by an operand, not by `i.op`: reusing the opcode the dispatch loaded
                // would keep it alive across every dispatch.
                if i.c == Inst.noTable {
                    callee = instance.pointee.functions[Int(i.a)]
                } else {
                    let expectedType = pc.pointee.a
                    pc += 1
                    let table = instance.pointee.tables[Int(i.c)]
                    let index = UInt32(truncatingIfNeeded: fp[Int(i.a)])
                    guard Int(index) < table.pointee.count else { throw trap(.undefinedElement, function, depth, baseDepth) }
                    guard let target = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(table.pointee.elements[Int(index)])) else {
                        throw trap(.uninitializedElement(index), function, depth, baseDepth)
                    }
                    guard target.pointee.typeID == Int(expectedType) else {
                        throw trap(.indirectCallTypeMismatch, function, depth, baseDepth)
                    }
                    callee = target
                }
                if callee.pointee.isHost {
                    // An async host function suspends the guest: `invokeAsync` awaits it and
                    // continues from here.
                    if suspendsForAsyncHosts, reentrancyDepth == 1, functions[callee.pointee.address].host?.asyncBody != nil {
                        hostStop = HostStop(
                            state: ExecutionState(pc: pc, fp: fp, function: function, depth: depth), callee: callee,
                            arguments: base)
                        return
                    }
                    callDepth = depth
                    let savedTop = stackTop
                    stackTop = fp + function.pointee.frameSize
                    do {
                        try callHost(callee, arguments: base, caller: instance.pointee.owner.takeUnretainedValue())
                    } catch {
                        stackTop = savedTop
                        throw withBacktrace(error, function, depth, baseDepth)
                    }
                    stackTop = savedTop
                    memoryBase = instance.pointee.memoryState.pointee.base
                    memorySize = instance.pointee.memoryState.pointee.byteCount
                    continue
                }
                guard depth < maxDepth else { throw trap(.callStackExhausted, function, depth, baseDepth) }
                let code: UnsafeMutablePointer<Inst>
                if let translated = callee.pointee.code {
                    code = translated
                } else {
                    do { code = try compile(callee) } catch { throw withBacktrace(error, function, depth, baseDepth) }
                }
                guard base + callee.pointee.frameSize <= valueStackEnd else {
                    throw trap(.callStackExhausted, function, depth, baseDepth)
                }
                frames[depth] = CallFrame(returnPC: pc, fp: fp, function: function)
                depth += 1
                callee.initializeFrame(base)
                fp = base
                pc = code
                function = callee
                let calleeInstance = callee.pointee.runtime.unsafelyUnwrapped
                if calleeInstance != instance {
                    instance = calleeInstance
                    memoryBase = instance.pointee.memoryState.pointee.base
                    memorySize = instance.pointee.memoryState.pointee.byteCount
                }
        case .i32AddImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x &+ y)
        case .i32SubImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x &- y)
        case .i32MulImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x &* y)
        case .i32AndImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x & y)
        case .i32OrImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x | y)
        case .i32XorImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x ^ y)
        case .i32ShlImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x &<< y)
        case .i32ShrSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(bitPattern: x) &>> Int32(bitPattern: y)))
        case .i32ShrUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = UInt64(x &>> y)
        case .i32EqImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x == y ? 1 : 0
        case .i32NeImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x != y ? 1 : 0
        case .i32LtSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = Int32(bitPattern: x) < Int32(bitPattern: y) ? 1 : 0
        case .i32LtUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x < y ? 1 : 0
        case .i32GtSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = Int32(bitPattern: x) > Int32(bitPattern: y) ? 1 : 0
        case .i32GtUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x > y ? 1 : 0
        case .i32LeSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = Int32(bitPattern: x) <= Int32(bitPattern: y) ? 1 : 0
        case .i32LeUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x <= y ? 1 : 0
        case .i32GeSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = Int32(bitPattern: x) >= Int32(bitPattern: y) ? 1 : 0
        case .i32GeUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = i.c
            fp[Int(i.a)] = x >= y ? 1 : 0
        case .brIfI32Eq:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32EqImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32Ne:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32NeImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LtS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(Int32(bitPattern: x) < Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LtSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(Int32(bitPattern: x) < Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LtU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LtUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GtS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(Int32(bitPattern: x) > Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GtSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(Int32(bitPattern: x) > Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GtU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GtUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LeS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(Int32(bitPattern: x) <= Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LeSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(Int32(bitPattern: x) <= Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LeU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32LeUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GeS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(Int32(bitPattern: x) >= Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GeSImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(Int32(bitPattern: x) >= Int32(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GeU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32GeUImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            let y = i.b
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32Eqz:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            if _fastPath(x == 0) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI32Nez:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.a)])
            if _fastPath(x != 0) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddImmBrIfNe:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: i.a >> 16)))
            fp[counter] = UInt64(x)
            if _fastPath(x != UInt32(truncatingIfNeeded: fp[Int(i.b)])) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddImmBrIfNeImm:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: i.a >> 16)))
            fp[counter] = UInt64(x)
            if _fastPath(x != i.b) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddImmBrIfLtU:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: i.a >> 16)))
            fp[counter] = UInt64(x)
            if _fastPath(x < UInt32(truncatingIfNeeded: fp[Int(i.b)])) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddImmBrIfLtUImm:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: i.a >> 16)))
            fp[counter] = UInt64(x)
            if _fastPath(x < i.b) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddImmBrIfNez:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: i.a >> 16)))
            fp[counter] = UInt64(x)
            if _fastPath(x != 0) { pc += Int(Int32(bitPattern: i.c)) }
        case .i64AddImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x &+ y
        case .i64SubImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x &- y
        case .i64MulImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x &* y
        case .i64AndImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x & y
        case .i64OrImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x | y
        case .i64XorImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x ^ y
        case .i64ShlImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x &<< y
        case .i64ShrSImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = UInt64(bitPattern: Int64(bitPattern: x) &>> Int64(bitPattern: y))
        case .i64ShrUImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x &>> y
        case .i64EqImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x == y ? 1 : 0
        case .i64NeImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x != y ? 1 : 0
        case .i64LtSImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = Int64(bitPattern: x) < Int64(bitPattern: y) ? 1 : 0
        case .i64LtUImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x < y ? 1 : 0
        case .i64GtSImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = Int64(bitPattern: x) > Int64(bitPattern: y) ? 1 : 0
        case .i64GtUImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x > y ? 1 : 0
        case .i64LeSImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = Int64(bitPattern: x) <= Int64(bitPattern: y) ? 1 : 0
        case .i64LeUImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x <= y ? 1 : 0
        case .i64GeSImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = Int64(bitPattern: x) >= Int64(bitPattern: y) ? 1 : 0
        case .i64GeUImm:
            let x = fp[Int(i.b)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.c)))
            fp[Int(i.a)] = x >= y ? 1 : 0
        case .brIfI64Eq:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64EqImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64Ne:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64NeImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LtS:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(Int64(bitPattern: x) < Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LtSImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(Int64(bitPattern: x) < Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LtU:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LtUImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GtS:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(Int64(bitPattern: x) > Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GtSImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(Int64(bitPattern: x) > Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GtU:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GtUImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LeS:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(Int64(bitPattern: x) <= Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LeSImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(Int64(bitPattern: x) <= Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LeU:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64LeUImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GeS:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(Int64(bitPattern: x) >= Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GeSImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(Int64(bitPattern: x) >= Int64(bitPattern: y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GeU:
            let x = fp[Int(i.a)]
            let y = fp[Int(i.b)]
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64GeUImm:
            let x = fp[Int(i.a)]
            let y = UInt64(bitPattern: Int64(Int32(bitPattern: i.b)))
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64Eqz:
            let x = fp[Int(i.a)]
            if _fastPath(x == 0) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfI64Nez:
            let x = fp[Int(i.a)]
            if _fastPath(x != 0) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Eq:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Ne:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Lt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32NotLt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(!(x < y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Gt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32NotGt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(!(x > y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Le:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32NotLe:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(!(x <= y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32Ge:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF32NotGe:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.a)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            if _fastPath(!(x >= y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Eq:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x == y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Ne:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x != y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Lt:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x < y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64NotLt:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(!(x < y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Gt:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x > y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64NotGt:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(!(x > y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Le:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x <= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64NotLe:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(!(x <= y)) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64Ge:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(x >= y) { pc += Int(Int32(bitPattern: i.c)) }
        case .brIfF64NotGe:
            let x = bitCast(fp[Int(i.a)], to: Double.self)
            let y = bitCast(fp[Int(i.b)], to: Double.self)
            if _fastPath(!(x >= y)) { pc += Int(Int32(bitPattern: i.c)) }
            case .copy:
                fp[Int(i.a)] = fp[Int(i.b)]
            case .copy2:
                fp[Int(i.a)] = fp[Int(i.b)]
                fp[Int(i.c & 0xFFFF)] = fp[Int(i.c >> 16)]
            case .i32LoadAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt32.self)
                fp[Int(i.a)] = UInt64(v)
            case .i64LoadAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt64.self)
                fp[Int(i.a)] = v
            case .f32LoadAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt32.self)
                fp[Int(i.a)] = UInt64(v)
            case .f64LoadAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt64.self)
                fp[Int(i.a)] = v
            case .i32Load8SAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: Int8.self)
                fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
            case .i32Load8UAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt8.self)
                fp[Int(i.a)] = UInt64(v)
            case .i32Load16SAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: Int16.self)
                fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
            case .i32Load16UAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]) &+ i.c)
                guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let v = (memoryBase + Int(address)).loadUnaligned(as: UInt16.self)
                fp[Int(i.a)] = UInt64(v)
            case .i32StoreAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(i.b)]), as: UInt32.self)
            case .i64StoreAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt64(truncatingIfNeeded: fp[Int(i.b)]), as: UInt64.self)
            case .f32StoreAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(i.b)]), as: UInt32.self)
            case .f64StoreAddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt64(truncatingIfNeeded: fp[Int(i.b)]), as: UInt64.self)
            case .i32Store8AddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(i.b)]), as: UInt8.self)
            case .i32Store16AddImm:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)]) &+ i.c)
                guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                (memoryBase + Int(address)).storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(i.b)]), as: UInt16.self)
            case .f64MulAdd:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast((x * y) + z, to: UInt64.self)
            case .f64AddMul:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast(z + (x * y), to: UInt64.self)
            case .f64MulSub:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast((x * y) - z, to: UInt64.self)
            case .f64SubMul:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast(z - (x * y), to: UInt64.self)
            case .f64MulMul:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast((x * y) * z, to: UInt64.self)
            case .f64MulMulRight:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast(z * (x * y), to: UInt64.self)
            case .f64LoadAdd:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(m + x, to: UInt64.self)
            case .f64AddAdd:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast((x + y) + z, to: UInt64.self)
            case .f64AddAddRight:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast(z + (x + y), to: UInt64.self)
            case .f64SubAdd:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast((x - y) + z, to: UInt64.self)
            case .f64AddSub:
                let (x, y, z) = i.fusedF64Operands(fp)
                fp[Int(i.a)] = bitCast(z + (x - y), to: UInt64.self)
            case .f64AddToMemory:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let cell = memoryBase + Int(address)
                let m = bitCast(cell.loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b)], to: Double.self)
                cell.storeBytes(of: bitCast(x + m, to: UInt64.self), as: UInt64.self)
            case .f64AddLoad:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(x + m, to: UInt64.self)
            case .f64LoadSub:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(m - x, to: UInt64.self)
            case .f64SubLoad:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(x - m, to: UInt64.self)
            case .f64LoadMul:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(m * x, to: UInt64.self)
            case .f64MulLoad:
                let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)])) &+ UInt64(i.c)
                guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
                let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
                let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
                fp[Int(i.a)] = bitCast(x * m, to: UInt64.self)
            case .const32:
                fp[Int(i.a)] = UInt64(i.b)
            case .const64:
                fp[Int(i.a)] = UInt64(i.b) | UInt64(i.c) << 32
            case .select:
                let condition = pc.pointee.a
                pc += 1
                fp[Int(i.a)] = UInt32(truncatingIfNeeded: fp[Int(condition)]) != 0 ? fp[Int(i.b)] : fp[Int(i.c)]
            case .globalGet:
                fp[Int(i.a)] = instance.pointee.globals[Int(i.b)].pointee
            case .globalSet:
                instance.pointee.globals[Int(i.b)].pointee = fp[Int(i.a)]
            case .refFunc:
                fp[Int(i.a)] = UInt64(UInt(bitPattern: instance.pointee.functions[Int(i.b)]))
            case .memorySize:
                fp[Int(i.a)] = memorySize / UInt64(MemoryInstance.pageSize)
            case .memoryGrow:
                let delta = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)]))
                let old = instance.pointee.owner.takeUnretainedValue().memories.first?.grow(by: delta)
                fp[Int(i.a)] = old.map { UInt64($0) } ?? UInt64(UInt32.max)
                memoryBase = instance.pointee.memoryState.pointee.base
                memorySize = instance.pointee.memoryState.pointee.byteCount
            case .memoryFill, .memoryCopy, .memoryInit, .dataDrop, .tableGet, .tableSet, .tableSize, .tableGrow,
                 .tableFill, .tableCopy, .tableInit, .elemDrop:
                // Passing `pc` inout would pin it in memory for the whole loop; instead the
                // operand words are skipped here.
                do {
                    pc += try executeBulk(
                        at: i.address, fp: fp, instance: instance.pointee.owner.takeUnretainedValue())
                } catch {
                    throw trap(error, function, depth, baseDepth)
                }
        case .i32Add:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x &+ y)
        case .i32Sub:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x &- y)
        case .i32Mul:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x &* y)
        case .i32DivS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            do { fp[Int(i.a)] = UInt64(try Numeric.divS32(x, y)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32DivU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            do { fp[Int(i.a)] = UInt64(try Numeric.divU32(x, y)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32RemS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            do { fp[Int(i.a)] = UInt64(try Numeric.remS32(x, y)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32RemU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            do { fp[Int(i.a)] = UInt64(try Numeric.remU32(x, y)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32And:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x & y)
        case .i32Or:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x | y)
        case .i32Xor:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x ^ y)
        case .i32Shl:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x &<< y)
        case .i32ShrS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(bitPattern: x) &>> Int32(bitPattern: y)))
        case .i32ShrU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(x &>> y)
        case .i32Rotl:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(Numeric.rotl32(x, y))
        case .i32Rotr:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64(Numeric.rotr32(x, y))
        case .i64Add:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x &+ y
        case .i64Sub:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x &- y
        case .i64Mul:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x &* y
        case .i64DivS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            do { fp[Int(i.a)] = try Numeric.divS64(x, y) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64DivU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            do { fp[Int(i.a)] = try Numeric.divU64(x, y) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64RemS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            do { fp[Int(i.a)] = try Numeric.remS64(x, y) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64RemU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            do { fp[Int(i.a)] = try Numeric.remU64(x, y) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64And:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x & y
        case .i64Or:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x | y
        case .i64Xor:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x ^ y
        case .i64Shl:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x &<< y
        case .i64ShrS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = UInt64(bitPattern: Int64(bitPattern: x) &>> Int64(bitPattern: y))
        case .i64ShrU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = x &>> y
        case .i64Rotl:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = Numeric.rotl64(x, y)
        case .i64Rotr:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = Numeric.rotr64(x, y)
        case .i32Eq:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x == y) ? 1 : 0
        case .i64Eq:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x == y) ? 1 : 0
        case .i32Ne:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x != y) ? 1 : 0
        case .i64Ne:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x != y) ? 1 : 0
        case .i32LtS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (Int32(bitPattern: x) < Int32(bitPattern: y)) ? 1 : 0
        case .i64LtS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (Int64(bitPattern: x) < Int64(bitPattern: y)) ? 1 : 0
        case .i32LtU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x < y) ? 1 : 0
        case .i64LtU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x < y) ? 1 : 0
        case .i32GtS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (Int32(bitPattern: x) > Int32(bitPattern: y)) ? 1 : 0
        case .i64GtS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (Int64(bitPattern: x) > Int64(bitPattern: y)) ? 1 : 0
        case .i32GtU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x > y) ? 1 : 0
        case .i64GtU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x > y) ? 1 : 0
        case .i32LeS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (Int32(bitPattern: x) <= Int32(bitPattern: y)) ? 1 : 0
        case .i64LeS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (Int64(bitPattern: x) <= Int64(bitPattern: y)) ? 1 : 0
        case .i32LeU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x <= y) ? 1 : 0
        case .i64LeU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x <= y) ? 1 : 0
        case .i32GeS:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (Int32(bitPattern: x) >= Int32(bitPattern: y)) ? 1 : 0
        case .i64GeS:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (Int64(bitPattern: x) >= Int64(bitPattern: y)) ? 1 : 0
        case .i32GeU:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = (x >= y) ? 1 : 0
        case .i64GeU:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x >= y) ? 1 : 0
        case .i32Eqz:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = (x == 0) ? 1 : 0
        case .i64Eqz:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = (x == 0) ? 1 : 0
        case .f32Eq:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x == y) ? 1 : 0
        case .f32Ne:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x != y) ? 1 : 0
        case .f32Lt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x < y) ? 1 : 0
        case .f32Gt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x > y) ? 1 : 0
        case .f32Le:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x <= y) ? 1 : 0
        case .f32Ge:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = (x >= y) ? 1 : 0
        case .f32Add:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x + y, to: UInt32.self))
        case .f32Sub:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x - y, to: UInt32.self))
        case .f32Mul:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x * y, to: UInt32.self))
        case .f32Div:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x / y, to: UInt32.self))
        case .f32Min:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(Numeric.minimum(x, y), to: UInt32.self))
        case .f32Max:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            let y = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.c)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(Numeric.maximum(x, y), to: UInt32.self))
        case .f32Ceil:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x.rounded(.up), to: UInt32.self))
        case .f32Floor:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x.rounded(.down), to: UInt32.self))
        case .f32Trunc:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x.rounded(.towardZero), to: UInt32.self))
        case .f32Nearest:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x.rounded(.toNearestOrEven), to: UInt32.self))
        case .f32Sqrt:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(bitCast(x.squareRoot(), to: UInt32.self))
        case .f64Eq:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x == y) ? 1 : 0
        case .f64Ne:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x != y) ? 1 : 0
        case .f64Lt:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x < y) ? 1 : 0
        case .f64Gt:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x > y) ? 1 : 0
        case .f64Le:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x <= y) ? 1 : 0
        case .f64Ge:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = (x >= y) ? 1 : 0
        case .f64Add:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(x + y, to: UInt64.self)
        case .f64Sub:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(x - y, to: UInt64.self)
        case .f64Mul:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(x * y, to: UInt64.self)
        case .f64Div:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(x / y, to: UInt64.self)
        case .f64Min:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(Numeric.minimum(x, y), to: UInt64.self)
        case .f64Max:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            let y = bitCast(fp[Int(i.c)], to: Double.self)
            fp[Int(i.a)] = bitCast(Numeric.maximum(x, y), to: UInt64.self)
        case .f64Ceil:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = bitCast(x.rounded(.up), to: UInt64.self)
        case .f64Floor:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = bitCast(x.rounded(.down), to: UInt64.self)
        case .f64Trunc:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = bitCast(x.rounded(.towardZero), to: UInt64.self)
        case .f64Nearest:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = bitCast(x.rounded(.toNearestOrEven), to: UInt64.self)
        case .f64Sqrt:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = bitCast(x.squareRoot(), to: UInt64.self)
        case .f32Abs:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(x & 0x7FFF_FFFF)
        case .f32Neg:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(x ^ 0x8000_0000)
        case .f32Copysign:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64((x & 0x7FFF_FFFF) | (y & 0x8000_0000))
        case .f64Abs:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = x & 0x7FFF_FFFF_FFFF_FFFF
        case .f64Neg:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = x ^ 0x8000_0000_0000_0000
        case .f64Copysign:
            let x = fp[Int(i.b)]
            let y = fp[Int(i.c)]
            fp[Int(i.a)] = (x & 0x7FFF_FFFF_FFFF_FFFF) | (y & 0x8000_0000_0000_0000)
        case .i32Clz:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(UInt32(x.leadingZeroBitCount))
        case .i32Ctz:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(UInt32(x.trailingZeroBitCount))
        case .i32Popcnt:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(UInt32(x.nonzeroBitCount))
        case .i64Clz:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(x.leadingZeroBitCount)
        case .i64Ctz:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(x.trailingZeroBitCount)
        case .i64Popcnt:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(x.nonzeroBitCount)
        case .i32WrapI64:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(UInt32(truncatingIfNeeded: x))
        case .i64ExtendI32S:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(bitPattern: Int64(Int32(bitPattern: x)))
        case .i64ExtendI32U:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(x)
        case .i32TruncF32S:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            do { fp[Int(i.a)] = UInt64(try Numeric.truncS32(Double(x))) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32TruncSatF32S:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(Numeric.satS32(Double(x)))
        case .i32TruncF32U:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            do { fp[Int(i.a)] = UInt64(try Numeric.truncU32(Double(x))) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32TruncSatF32U:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = UInt64(Numeric.satU32(Double(x)))
        case .i64TruncF32S:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            do { fp[Int(i.a)] = try Numeric.truncS64(Double(x)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64TruncSatF32S:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = Numeric.satS64(Double(x))
        case .i64TruncF32U:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            do { fp[Int(i.a)] = try Numeric.truncU64(Double(x)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64TruncSatF32U:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = Numeric.satU64(Double(x))
        case .i32TruncF64S:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            do { fp[Int(i.a)] = UInt64(try Numeric.truncS32(Double(x))) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32TruncSatF64S:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = UInt64(Numeric.satS32(Double(x)))
        case .i32TruncF64U:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            do { fp[Int(i.a)] = UInt64(try Numeric.truncU32(Double(x))) } catch { throw trap(error, function, depth, baseDepth) }
        case .i32TruncSatF64U:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = UInt64(Numeric.satU32(Double(x)))
        case .i64TruncF64S:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            do { fp[Int(i.a)] = try Numeric.truncS64(Double(x)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64TruncSatF64S:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = Numeric.satS64(Double(x))
        case .i64TruncF64U:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            do { fp[Int(i.a)] = try Numeric.truncU64(Double(x)) } catch { throw trap(error, function, depth, baseDepth) }
        case .i64TruncSatF64U:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = Numeric.satU64(Double(x))
        case .f32ConvertI32S:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(bitCast(Float(Int32(bitPattern: x)), to: UInt32.self))
        case .f32ConvertI32U:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(bitCast(Float(x), to: UInt32.self))
        case .f32ConvertI64S:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(bitCast(Float(Int64(bitPattern: x)), to: UInt32.self))
        case .f32ConvertI64U:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(bitCast(Float(x), to: UInt32.self))
        case .f64ConvertI32S:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = bitCast(Double(Int32(bitPattern: x)), to: UInt64.self)
        case .f64ConvertI32U:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = bitCast(Double(x), to: UInt64.self)
        case .f64ConvertI64S:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = bitCast(Double(Int64(bitPattern: x)), to: UInt64.self)
        case .f64ConvertI64U:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = bitCast(Double(x), to: UInt64.self)
        case .f32DemoteF64:
            let x = bitCast(fp[Int(i.b)], to: Double.self)
            fp[Int(i.a)] = UInt64(bitCast(Float(x), to: UInt32.self))
        case .f64PromoteF32:
            let x = bitCast(UInt32(truncatingIfNeeded: fp[Int(i.b)]), to: Float.self)
            fp[Int(i.a)] = bitCast(Double(x), to: UInt64.self)
        case .i32ReinterpretF32:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(x)
        case .f32ReinterpretI32:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(x)
        case .i64ReinterpretF64:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = x
        case .f64ReinterpretI64:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = x
        case .i32Extend8S:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: x))))
        case .i32Extend16S:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b)])
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: x))))
        case .i64Extend8S:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(bitPattern: Int64(Int8(truncatingIfNeeded: x)))
        case .i64Extend16S:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(bitPattern: Int64(Int16(truncatingIfNeeded: x)))
        case .i64Extend32S:
            let x = fp[Int(i.b)]
            fp[Int(i.a)] = UInt64(bitPattern: Int64(Int32(truncatingIfNeeded: x)))
        case .i32Load:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt32.self)
            fp[Int(i.a)] = UInt64(v)
        case .i64Load:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt64.self)
            fp[Int(i.a)] = v
        case .f32Load:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt32.self)
            fp[Int(i.a)] = UInt64(v)
        case .f64Load:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt64.self)
            fp[Int(i.a)] = v
        case .i32Load8S:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: Int8.self)
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
        case .i32Load8U:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt8.self)
            fp[Int(i.a)] = UInt64(v)
        case .i32Load16S:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: Int16.self)
            fp[Int(i.a)] = UInt64(UInt32(bitPattern: Int32(v)))
        case .i32Load16U:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt16.self)
            fp[Int(i.a)] = UInt64(v)
        case .i64Load8S:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: Int8.self)
            fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
        case .i64Load8U:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt8.self)
            fp[Int(i.a)] = UInt64(v)
        case .i64Load16S:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: Int16.self)
            fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
        case .i64Load16U:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt16.self)
            fp[Int(i.a)] = UInt64(v)
        case .i64Load32S:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: Int32.self)
            fp[Int(i.a)] = UInt64(bitPattern: Int64(v))
        case .i64Load32U:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let v = (memoryBase + Int(address)).loadUnaligned(as: UInt32.self)
            fp[Int(i.a)] = UInt64(v)
        case .i32Store:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(i.b)]), as: UInt32.self)
        case .i64Store:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt64(truncatingIfNeeded: fp[Int(i.b)]), as: UInt64.self)
        case .f32Store:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(i.b)]), as: UInt32.self)
        case .f64Store:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt64(truncatingIfNeeded: fp[Int(i.b)]), as: UInt64.self)
        case .i32Store8:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(i.b)]), as: UInt8.self)
        case .i32Store16:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(i.b)]), as: UInt16.self)
        case .i64Store8:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 1 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt8(truncatingIfNeeded: fp[Int(i.b)]), as: UInt8.self)
        case .i64Store16:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 2 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt16(truncatingIfNeeded: fp[Int(i.b)]), as: UInt16.self)
        case .i64Store32:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.a)])) &+ UInt64(i.c)
            guard address &+ 4 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            (memoryBase + Int(address)).storeBytes(of: UInt32(truncatingIfNeeded: fp[Int(i.b)]), as: UInt32.self)
        case .f64SumLoadAdd:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(m + x, to: UInt64.self)
        case .f64AddSumLoad:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(x + m, to: UInt64.self)
        case .f64SumLoadSub:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(m - x, to: UInt64.self)
        case .f64SubSumLoad:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(x - m, to: UInt64.self)
        case .f64SumLoadMul:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(m * x, to: UInt64.self)
        case .f64MulSumLoad:
            let address = UInt64(UInt32(truncatingIfNeeded: fp[Int(i.b >> 16)]) &+ i.c)
            guard address &+ 8 <= memorySize else { throw trap(.memoryOutOfBounds, function, depth, baseDepth) }
            let m = bitCast((memoryBase + Int(address)).loadUnaligned(as: UInt64.self), to: Double.self)
            let x = bitCast(fp[Int(i.b & 0xFFFF)], to: Double.self)
            fp[Int(i.a)] = bitCast(x * m, to: UInt64.self)
        case .i32ShrUImmAndImm:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b & 0xFFFF)])
            fp[Int(i.a)] = UInt64((x &>> (i.b >> 16)) & i.c)
        case .i32AddAdd:
            let (x, y) = i.fusedI32Pair(fp)
            fp[Int(i.a)] = UInt64((x &+ y) &+ UInt32(truncatingIfNeeded: fp[Int(i.c)]))
        case .i32MulAdd:
            let (x, y) = i.fusedI32Pair(fp)
            fp[Int(i.a)] = UInt64((x &* y) &+ UInt32(truncatingIfNeeded: fp[Int(i.c)]))
        case .i32XorAdd:
            let (x, y) = i.fusedI32Pair(fp)
            fp[Int(i.a)] = UInt64((x ^ y) &+ UInt32(truncatingIfNeeded: fp[Int(i.c)]))
        case .i32RotlXor:
            let (x, k) = i.fusedI32Pair(fp)
            fp[Int(i.a)] = UInt64(Numeric.rotl32(x, k) ^ UInt32(truncatingIfNeeded: fp[Int(i.c)]))
        case .i32ShlImmAdd:
            let x = UInt32(truncatingIfNeeded: fp[Int(i.b & 0xFFFF)])
            let y = UInt32(truncatingIfNeeded: fp[Int(i.c)])
            fp[Int(i.a)] = UInt64((x &<< (i.b >> 16)) &+ y)
        case .i32AddBrIfNe:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(truncatingIfNeeded: fp[Int(i.a >> 16)])
            fp[counter] = UInt64(x)
            if _fastPath(x != UInt32(truncatingIfNeeded: fp[Int(i.b)])) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddBrIfLtU:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(truncatingIfNeeded: fp[Int(i.a >> 16)])
            fp[counter] = UInt64(x)
            if _fastPath(x < UInt32(truncatingIfNeeded: fp[Int(i.b)])) { pc += Int(Int32(bitPattern: i.c)) }
        case .i32AddBrIfLeU:
            let counter = Int(i.a & 0xFFFF)
            let x = UInt32(truncatingIfNeeded: fp[counter]) &+ UInt32(truncatingIfNeeded: fp[Int(i.a >> 16)])
            fp[counter] = UInt64(x)
            if _fastPath(x <= UInt32(truncatingIfNeeded: fp[Int(i.b)])) { pc += Int(Int32(bitPattern: i.c)) }
            }
        }
    }

    /// Builds a trap with the wasm backtrace; off the hot path.
    @inline(never)
    func trap(
        _ reason: TrapReason, _ function: UnsafeMutablePointer<FunctionEntry>, _ depth: Int, _ baseDepth: Int
    ) -> Trap {
        Trap(reason, backtrace: backtrace(function, depth, baseDepth))
    }

    @inline(never)
    func withBacktrace(
        _ trap: Trap, _ function: UnsafeMutablePointer<FunctionEntry>, _ depth: Int, _ baseDepth: Int
    ) -> Trap {
        var trap = trap
        trap.backtrace += backtrace(function, depth, baseDepth)
        return trap
    }

    private func backtrace(_ function: UnsafeMutablePointer<FunctionEntry>, _ depth: Int, _ baseDepth: Int) -> [String] {
        var names = [name(of: function)]
        var level = depth - 1
        // Deep recursions would make huge traces; the innermost frames are the useful ones.
        while level >= baseDepth, names.count < 64 {
            names.append(name(of: frames[level].function))
            level -= 1
        }
        return names
    }

    private func name(of entry: UnsafeMutablePointer<FunctionEntry>) -> String {
        guard let instance = entry.pointee.instance else { return "host function" }
        return instance.functionName(instance.module.importedFunctionTypes.count + entry.pointee.definedIndex)
    }
}

/// The instruction being executed, read where a handler uses an operand rather than all at once
/// before the dispatch: copying the whole `Inst` made every dispatch load and widen all three
/// operands, most of them for handlers that never read them.
struct InstructionOperands {
    let address: UnsafeMutablePointer<Inst>

    @inline(__always) init(_ address: UnsafeMutablePointer<Inst>) { self.address = address }

    @inline(__always) var op: Op { address.pointee.op }
    @inline(__always) var a: UInt32 { address.pointee.a }
    @inline(__always) var b: UInt32 { address.pointee.b }
    @inline(__always) var c: UInt32 { address.pointee.c }

    /// A fused operation's operands: the first operation's two slots packed in `b` (low and high
    /// 16 bits), the other operand's slot in `c`.
    @inline(__always)
    func fusedF64Operands(_ fp: UnsafeMutablePointer<UInt64>) -> (Double, Double, Double) {
        (bitCast(fp[Int(b & 0xFFFF)], to: Double.self), bitCast(fp[Int(b >> 16)], to: Double.self),
         bitCast(fp[Int(c)], to: Double.self))
    }

    /// The same for i32, without the third operand: read where it is used, it keeps the handlers'
    /// instruction order (reading it first cost a register move).
    @inline(__always)
    func fusedI32Pair(_ fp: UnsafeMutablePointer<UInt64>) -> (UInt32, UInt32) {
        (UInt32(truncatingIfNeeded: fp[Int(b & 0xFFFF)]), UInt32(truncatingIfNeeded: fp[Int(b >> 16)]))
    }
}
