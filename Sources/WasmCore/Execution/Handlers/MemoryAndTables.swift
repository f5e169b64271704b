// Memory size and growth, bulk memory, tables. The bulk and table operations are rare in hot
// loops; what needs the instance object runs out of line.

/// `memory.size result`
@_cdecl("vudo_execute_memorySize") @inline(__always)
func executeMemorySize(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[pc.a] = ms / UInt64(MemoryInstance.pageSize)
    next(pc.next, fp, md, ms, context)
}

/// `memory.grow result, delta`: the old size in pages, or -1.
@_cdecl("vudo_execute_memoryGrow") @inline(__always)
func executeMemoryGrow(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let instance = context.state.pointee.instance
    fp[pc.a] = growMemory(instance, by: UInt64(fp.i32(pc.b)))
    next(pc.next, fp, instance.memoryBase, instance.memorySize, context)
}

@inline(never)
private func growMemory(_ instance: UnsafeMutablePointer<InstanceRuntime>, by delta: UInt64) -> UInt64 {
    let memory = instance.pointee.owner.takeUnretainedValue().memories.first
    return memory?.grow(by: delta).map { UInt64($0) } ?? UInt64(UInt32.max)
}

/// `memory.fill destination, value, count`
@_cdecl("vudo_execute_memoryFill") @inline(__always)
func executeMemoryFill(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let destination = UInt64(fp.i32(pc.a))
    let count = UInt64(fp.i32(pc.c))
    guard destination + count <= ms else { return raise(.memoryOutOfBounds, at: pc, context, fp) }
    (md + Int(destination)).initializeMemory(
        as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[pc.b]), count: Int(count))
    next(pc.next, fp, md, ms, context)
}

/// `memory.copy destination, source, count`: memmove, the ranges may overlap.
@_cdecl("vudo_execute_memoryCopy") @inline(__always)
func executeMemoryCopy(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let destination = UInt64(fp.i32(pc.a))
    let source = UInt64(fp.i32(pc.b))
    let count = UInt64(fp.i32(pc.c))
    guard destination + count <= ms, source + count <= ms else { return raise(.memoryOutOfBounds, at: pc, context, fp) }
    (md + Int(destination)).copyMemory(from: md + Int(source), byteCount: Int(count))
    next(pc.next, fp, md, ms, context)
}

/// `memory.window address, memory, is64`; data word: the offset. Checks that `address + offset`
/// lies within the memory and continues with the registers narrowed to the bytes from there on:
/// the next instruction, a load or store at address 0, checks its own width against what is left.
@_cdecl("vudo_execute_memoryWindow") @inline(__always)
func executeMemoryWindow(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let memory = context.state.pointee.instance.pointee.memories[pc.b].pointee
    let address = pc.c != 0 ? fp[pc.a] : UInt64(fp.i32(pc.a))
    let (start, overflow) = address.addingReportingOverflow(pc.data().load(fromByteOffset: 8, as: UInt64.self))
    guard _fastPath(!overflow && start <= memory.byteCount) else {
        return raise(.memoryOutOfBounds, at: pc, context, fp)
    }
    next(pc.data(2), fp, memory.base + Int(start), memory.byteCount - start, context)
}

/// `memory.window_end`: memory 0's registers again.
@_cdecl("vudo_execute_memoryWindowEnd") @inline(__always)
func executeMemoryWindowEnd(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let instance = context.state.pointee.instance
    next(pc.next, fp, instance.memoryBase, instance.memorySize, context)
}

/// `table.index_from_i64 result, index`
@_cdecl("vudo_execute_tableIndexFromI64") @inline(__always)
func executeTableIndexFromI64(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[pc.a] = min(fp[pc.b], UInt64(UInt32.max))
    next(pc.next, fp, md, ms, context)
}

/// `f64.add_to_memory address, x, offset`: `m += x` for the f64 at the address, one bounds check.
@_cdecl("vudo_execute_f64AddToMemory") @inline(__always)
func executeF64AddToMemory(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    addToMemory(fp.f64(pc.b), at: UInt64(fp.i32(pc.a)) &+ UInt64(pc.c32), pc, fp, md, ms, context)
}

/// `f64.add_to_memory_at_sum address, base, addend, x`: `address <- base + addend` (16 bits,
/// sign-extended, wrapping like `i32.add`), then `m += x` for the f64 at that address.
@_cdecl("vudo_execute_f64AddToMemoryAtSum") @inline(__always)
func executeF64AddToMemoryAtSum(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let sum = fp.i32(pc.b) &+ pc.signed(pc.c)
    fp.setI32(pc.a, sum)
    addToMemory(fp.f64(pc.d), at: UInt64(sum), pc, fp, md, ms, context)
}

/// `m += x` for the f64 at `address`, then the next instruction.
@inline(__always)
private func addToMemory(
    _ x: Double, at address: UInt64, _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize,
    _ context: ContextPointer
) {
    guard _fastPath(address &+ 8 <= ms) else { return raise(.memoryOutOfBounds, at: pc, context, fp) }
    let m = bitCast(md.loadUnaligned(fromByteOffset: Int(address), as: UInt64.self), to: Double.self)
    md.storeBytes(of: bitCast(x + m, to: UInt64.self), toByteOffset: Int(address), as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `i32.load_then_add_imm result, address, offset, addend`: the i32 at `address + offset`, plus
/// `addend` (16 bits, sign-extended).
@_cdecl("vudo_execute_i32LoadThenAddImm") @inline(__always)
func executeI32LoadThenAddImm(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let address = UInt64(fp.i32(pc.b)) &+ UInt64(pc.c)
    guard _fastPath(address &+ 4 <= ms) else { return raise(.memoryOutOfBounds, at: pc, context, fp) }
    let value = md.loadUnaligned(fromByteOffset: Int(address), as: UInt32.self)
    fp.setI32(pc.a, value &+ pc.signed(pc.d))
    next(pc.next, fp, md, ms, context)
}

/// `table.get result, index, table`
@_cdecl("vudo_execute_tableGet") @inline(__always)
func executeTableGet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let table = context.state.pointee.instance.pointee.tables[Int(pc.c32)]
    let index = fp.i32(pc.b)
    guard Int(index) < table.pointee.count else { return raise(.tableOutOfBounds, at: pc, context, fp) }
    fp[pc.a] = table.pointee.elements[Int(index)]
    next(pc.next, fp, md, ms, context)
}

/// `table.set index, value, table`
@_cdecl("vudo_execute_tableSet") @inline(__always)
func executeTableSet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let table = context.state.pointee.instance.pointee.tables[Int(pc.c32)]
    let index = fp.i32(pc.a)
    guard Int(index) < table.pointee.count else { return raise(.tableOutOfBounds, at: pc, context, fp) }
    table.pointee.elements[Int(index)] = fp[pc.b]
    next(pc.next, fp, md, ms, context)
}

/// `table.size result, table`
@_cdecl("vudo_execute_tableSize") @inline(__always)
func executeTableSize(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp[pc.a] = UInt64(context.state.pointee.instance.pointee.tables[Int(pc.c32)].pointee.count)
    next(pc.next, fp, md, ms, context)
}

/// `memory.init`, `data.drop`, `table.grow`, `table.fill`, `table.copy`, `table.init`,
/// `elem.drop`: the operations on segments and tables' contents, through the instance object. One
/// handler reads which from operand `d`; each has a data word.
@_cdecl("vudo_execute_bulk") @inline(__always)
func executeBulk(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer) {
    let instance = context.state.pointee.instance
    do {
        try performBulk(pc, fp, instance.pointee.owner.takeUnretainedValue())
    } catch {
        return raise(error, at: pc, context, fp)
    }
    // memory.grow_at may have moved memory 0 (one that could not reserve its maximum).
    next(pc.data(2), fp, instance.memoryBase, instance.memorySize, context)
}

@inline(never)
private func performBulk(_ pc: CodePointer, _ fp: FramePointer, _ instance: Instance) throws(TrapReason) {
    func u32(_ slot: Int) -> UInt64 { UInt64(fp.i32(slot)) }
    /// An address or size in `memory`'s address type.
    func address(_ slot: Int, _ memory: MemoryInstance) -> UInt64 { memory.type.is64 ? fp[slot] : u32(slot) }
    /// Whether `count` bytes from `start` lie within `size`, without overflowing.
    func fits(_ start: UInt64, _ count: UInt64, _ size: UInt64) -> Bool { start <= size && count <= size - start }
    let data = pc.data()
    guard let op = InternalOp(rawValue: UInt16(pc.d)) else {
        throw .internalError("a bulk operation without its operation")
    }
    switch op {
    case .memoryInit:
        let bytes = instance.dataSegments[Int(data.c32)]
        let memory = instance.memories[Int(data.load(fromByteOffset: 8, as: UInt32.self))]
        let destination = address(pc.a, memory), source = u32(pc.b), count = u32(pc.c)
        let state = memory.state.pointee
        guard source + count <= UInt64(bytes.count), fits(destination, count, state.byteCount) else {
            throw .memoryOutOfBounds
        }
        if count > 0 {
            bytes.withUnsafeBytes { raw in
                guard let segment = raw.baseAddress else { return }
                (state.base + Int(destination)).copyMemory(from: segment + Int(source), byteCount: Int(count))
            }
        }
    case .memorySizeAt:
        fp[pc.a] = instance.memories[Int(data.c32)].pageCount
    case .memoryGrowAt:
        let memory = instance.memories[Int(data.c32)]
        let failed = memory.type.is64 ? UInt64.max : UInt64(UInt32.max)
        fp[pc.a] = memory.grow(by: address(pc.b, memory)) ?? failed
    case .memoryFillAt:
        let memory = instance.memories[Int(data.c32)]
        let destination = address(pc.a, memory), count = address(pc.c, memory)
        let state = memory.state.pointee
        guard fits(destination, count, state.byteCount) else { throw .memoryOutOfBounds }
        (state.base + Int(destination)).initializeMemory(
            as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[pc.b]), count: Int(count))
    case .memoryCopyAt:
        let target = instance.memories[Int(data.c32)]
        let origin = instance.memories[Int(data.load(fromByteOffset: 8, as: UInt32.self))]
        let destination = address(pc.a, target), source = address(pc.b, origin)
        // The count is 64-bit only when both memories are.
        let count = target.type.is64 && origin.type.is64 ? fp[pc.c] : u32(pc.c)
        let to = target.state.pointee, from = origin.state.pointee
        guard fits(destination, count, to.byteCount), fits(source, count, from.byteCount) else {
            throw .memoryOutOfBounds
        }
        (to.base + Int(destination)).copyMemory(from: from.base + Int(source), byteCount: Int(count))
    case .dataDrop:
        instance.dataSegments[Int(data.c32)] = []
    case .tableGrow:
        let old = instance.tables[Int(data.c32)].grow(by: u32(pc.c), value: fp[pc.b])
        fp[pc.a] = old ?? UInt64(UInt32.max)
    case .tableFill:
        let table = instance.tables[Int(data.c32)]
        let start = u32(pc.a), count = u32(pc.c)
        guard start + count <= UInt64(table.count) else { throw .tableOutOfBounds }
        let value = fp[pc.b]
        for k in Int(start)..<Int(start + count) { table[k] = value }
    case .tableCopy:
        let destinationTable = instance.tables[Int(data.load(fromByteOffset: 8, as: UInt32.self))]
        let sourceTable = instance.tables[Int(data.c32)]
        let destination = u32(pc.a), source = u32(pc.b), count = u32(pc.c)
        guard destination + count <= UInt64(destinationTable.count), source + count <= UInt64(sourceTable.count) else {
            throw .tableOutOfBounds
        }
        let items = (Int(source)..<Int(source + count)).map { sourceTable[$0] }
        destinationTable.replace(at: Int(destination), with: items)
    case .tableInit:
        let segment = instance.elementSegments[Int(data.load(fromByteOffset: 8, as: UInt32.self))]
        let table = instance.tables[Int(data.c32)]
        let destination = u32(pc.a), source = u32(pc.b), count = u32(pc.c)
        guard source + count <= UInt64(segment.count), destination + count <= UInt64(table.count) else {
            throw .tableOutOfBounds
        }
        table.replace(at: Int(destination), with: segment[Int(source)..<Int(source + count)])
    case .elemDrop:
        instance.elementSegments[Int(data.c32)] = []
    default:
        throw .internalError("\(op) reached the bulk operations")
    }
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let memoryAndTableHandlers: [(InternalOp, Handler)] = [
        (.memorySize, executeMemorySize),
        (.memoryGrow, executeMemoryGrow),
        (.memoryFill, executeMemoryFill),
        (.memoryCopy, executeMemoryCopy),
        (.f64AddToMemory, executeF64AddToMemory),
        (.f64AddToMemoryAtSum, executeF64AddToMemoryAtSum),
        (.i32LoadThenAddImm, executeI32LoadThenAddImm),
        (.memoryInit, executeBulk),
        (.dataDrop, executeBulk),
        (.tableGet, executeTableGet),
        (.tableSet, executeTableSet),
        (.tableSize, executeTableSize),
        (.tableGrow, executeBulk),
        (.tableFill, executeBulk),
        (.tableCopy, executeBulk),
        (.tableInit, executeBulk),
        (.elemDrop, executeBulk),
        (.memoryWindow, executeMemoryWindow),
        (.memoryWindowEnd, executeMemoryWindowEnd),
        (.memorySizeAt, executeBulk),
        (.memoryGrowAt, executeBulk),
        (.memoryFillAt, executeBulk),
        (.memoryCopyAt, executeBulk),
        (.tableIndexFromI64, executeTableIndexFromI64),
    ]
}
