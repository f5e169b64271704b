extension Store {
    /// Bulk memory and table instructions: rare enough in hot loops to live outside the main switch.
    /// Returns how many operand words followed the instruction, for the caller to skip.
    ///
    /// It reads the instruction itself, out of line: had the loop passed in the opcode it had
    /// already loaded, that value would have to survive every dispatch (a spill per instruction).
    @inline(never)
    func executeBulk(
        at address: UnsafePointer<Inst>, fp: UnsafeMutablePointer<UInt64>, instance: Instance
    ) throws(TrapReason) -> Int {
        @inline(__always) func u32(_ slot: UInt32) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: fp[Int(slot)])) }
        let i = address.pointee
        // The operand word after the instruction, for the operations that have one.
        var data: Inst { address[1] }
        switch i.op {
        case .memoryFill:
            let destination = u32(i.a), count = u32(i.c)
            let state = instance.memoryState.pointee
            guard destination + count <= state.byteCount else { throw .memoryOutOfBounds }
            (state.base + Int(destination)).initializeMemory(
                as: UInt8.self, repeating: UInt8(truncatingIfNeeded: fp[Int(i.b)]), count: Int(count))
        case .memoryCopy:
            let destination = u32(i.a), source = u32(i.b), count = u32(i.c)
            let state = instance.memoryState.pointee
            guard destination + count <= state.byteCount, source + count <= state.byteCount else {
                throw .memoryOutOfBounds
            }
            // memmove semantics: the ranges may overlap.
            (state.base + Int(destination)).copyMemory(from: state.base + Int(source), byteCount: Int(count))
        case .memoryInit:
            let segment = Int(data.a)
            let destination = u32(i.a), source = u32(i.b), count = u32(i.c)
            let bytes = instance.dataSegments[segment]
            let state = instance.memoryState.pointee
            guard source + count <= UInt64(bytes.count), destination + count <= state.byteCount else {
                throw .memoryOutOfBounds
            }
            if count > 0 {
                bytes.withUnsafeBytes { raw in
                    (state.base + Int(destination)).copyMemory(from: raw.baseAddress! + Int(source), byteCount: Int(count))
                }
            }
        case .dataDrop:
            instance.dataSegments[Int(i.a)] = []
        case .tableGet:
            let table = instance.tables[Int(i.c)]
            let index = u32(i.b)
            guard index < UInt64(table.count) else { throw .tableOutOfBounds }
            fp[Int(i.a)] = table[Int(index)]
        case .tableSet:
            let table = instance.tables[Int(i.a)]
            let index = u32(i.b)
            guard index < UInt64(table.count) else { throw .tableOutOfBounds }
            table[Int(index)] = fp[Int(i.c)]
        case .tableSize:
            fp[Int(i.a)] = UInt64(instance.tables[Int(i.b)].count)
        case .tableGrow:
            let table = instance.tables[Int(data.a)]
            let old = table.grow(by: u32(i.c), value: fp[Int(i.b)])
            fp[Int(i.a)] = old ?? UInt64(UInt32.max)
        case .tableFill:
            let table = instance.tables[Int(data.a)]
            let start = u32(i.a), count = u32(i.c)
            guard start + count <= UInt64(table.count) else { throw .tableOutOfBounds }
            let value = fp[Int(i.b)]
            for k in Int(start)..<Int(start + count) { table[k] = value }
        case .tableCopy:
            let destinationTable = instance.tables[Int(data.a)]
            let sourceTable = instance.tables[Int(data.b)]
            let destination = u32(i.a), source = u32(i.b), count = u32(i.c)
            guard destination + count <= UInt64(destinationTable.count),
                  source + count <= UInt64(sourceTable.count)
            else { throw .tableOutOfBounds }
            let items = (Int(source)..<Int(source + count)).map { sourceTable[$0] }
            destinationTable.replace(at: Int(destination), with: items)
        case .tableInit:
            let segment = instance.elementSegments[Int(data.a)]
            let table = instance.tables[Int(data.b)]
            let destination = u32(i.a), source = u32(i.b), count = u32(i.c)
            guard source + count <= UInt64(segment.count), destination + count <= UInt64(table.count) else {
                throw .tableOutOfBounds
            }
            table.replace(at: Int(destination), with: segment[Int(source)..<Int(source + count)])
        case .elemDrop:
            instance.elementSegments[Int(i.a)] = []
        default:
            throw .internalError("bulk operation \(i.op) dispatched to executeBulk")
        }
        switch i.op {
        case .memoryInit, .tableGrow, .tableFill, .tableCopy, .tableInit: return 1
        default: return 0
        }
    }
}
