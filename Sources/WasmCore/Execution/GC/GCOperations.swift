// The slow path of the garbage-collection instructions: allocation (where the store may
// collect) and the bulk array operations, for `gc.allocate` and `gc.update`.

/// Runs the `gc.allocate` or `gc.update` at `pc`. Operands lie from its base slot on, by slot
/// width, in the wasm instruction's order; the data word holds the type's canonical id (c32) and
/// a segment index or element count (the 32 bits at `a`).
@inline(never)
func performGCOperation(_ pc: CodePointer, _ fp: FramePointer, _ context: ContextPointer) throws(TrapReason) {
    guard let operation = GCOperation(rawValue: UInt16(pc.d)) else {
        throw .internalError("a garbage-collection instruction without its operation")
    }
    let typeID = Int(pc.data().c32)
    // The common allocations first, without touching the store object: a struct's fields lie in
    // its operand slots exactly as in the object (a word each, two for a v128).
    switch operation {
    case .structNew:
        let (object, shape) = try allocate(typeID, length: 0, fp, context)
        (object + ObjectLayout.headerBytes).copyMemory(
            from: fp + pc.b, byteCount: shape.bytes - ObjectLayout.headerBytes)
        fp[pc.a] = ReferenceBits.make(object: object)
        return
    case .structNewDefault:
        fp[pc.a] = ReferenceBits.make(object: try allocate(typeID, length: 0, fp, context).0)
        return
    case .arrayNewDefault:
        let length = UInt64(fp.i32(pc.b))
        fp[pc.a] = ReferenceBits.make(object: try allocate(typeID, length: length, fp, context).0)
        return
    default:
        break
    }
    let state = context.state
    let store = state.pointee.store.takeUnretainedValue()
    var run = GCOperationRun(
        store: store, instance: state.pointee.instance.pointee.owner.takeUnretainedValue(),
        frameEnd: fp + state.pointee.function.pointee.frameSize, typeID: typeID,
        second: Int(pc.data().load(fromByteOffset: 8, as: UInt32.self)))
    if operation.rawValue < GCOperation.arrayFill.rawValue {
        fp[pc.a] = try run.allocate(operation, operands: fp + pc.b)
    } else {
        try run.update(operation, operands: fp + pc.a)
    }
}

/// A new object of type `typeID`: below the collection trigger straight from the heap's state,
/// otherwise through the store, which may collect (the running frame ends at its frame size).
@inline(__always)
private func allocate(
    _ typeID: Int, length: UInt64, _ fp: FramePointer, _ context: ContextPointer
) throws(TrapReason) -> (UnsafeMutableRawPointer, ObjectShape) {
    let state = context.state.pointee.store._withUnsafeGuaranteedRef { $0.heap.state }
    if let shape = state.knownShape(typeID), let bytes = shape.size(length: length),
        let object = state.allocateQuickly(bytes: bytes, typeID: typeID, length: length)
    {
        return (object, shape)
    }
    return try allocateSlowly(typeID, length: length, fp, context)
}

@inline(never)
private func allocateSlowly(
    _ typeID: Int, length: UInt64, _ fp: FramePointer, _ context: ContextPointer
) throws(TrapReason) -> (UnsafeMutableRawPointer, ObjectShape) {
    let store = context.state.pointee.store.takeUnretainedValue()
    let frameEnd = fp + context.state.pointee.function.pointee.frameSize
    let object = try store.allocateObject(typeID: typeID, length: length, frameEnd: frameEnd)
    guard let shape = store.heap.shape(of: typeID) else { throw .internalError("no shape for type \(typeID)") }
    return (object, shape)
}

private struct GCOperationRun {
    let store: Store
    let instance: Instance
    let frameEnd: FramePointer
    let typeID: Int
    let second: Int

    func layout() throws(TrapReason) -> ObjectLayout {
        guard let layout = store.heap.layout(of: typeID) else {
            throw .internalError("type \(typeID) is neither a struct nor an array")
        }
        return layout
    }

    func new(length: UInt64 = 0) throws(TrapReason) -> UnsafeMutableRawPointer {
        try store.allocateObject(typeID: typeID, length: length, frameEnd: frameEnd)
    }

    mutating func allocate(_ operation: GCOperation, operands: FramePointer) throws(TrapReason) -> UInt64 {
        let layout = try layout()
        let kind = layout.elementKind
        let object: UnsafeMutableRawPointer
        switch operation {
        case .arrayNew:
            let length = UInt64(UInt32(truncatingIfNeeded: operands[kind.slotWidth]))
            object = try new(length: length)
            let elements = object + ObjectLayout.headerBytes
            for index in 0..<Int(length) { kind.store(from: operands, to: elements, index: index) }
        case .arrayNewFixed:
            object = try new(length: UInt64(second))
            let elements = object + ObjectLayout.headerBytes
            for index in 0..<second { kind.store(from: operands + index * kind.slotWidth, to: elements, index: index) }
        case .arrayNewData:
            let (offset, length) = (u32(operands[0]), u32(operands[1]))
            let bytes = instance.dataSegments[second]
            let size = length * UInt64(kind.bytes)
            guard offset <= UInt64(bytes.count), size <= UInt64(bytes.count) - offset else { throw .memoryOutOfBounds }
            object = try new(length: length)
            copy(bytes, from: Int(offset), count: Int(size), to: object + ObjectLayout.headerBytes)
        case .arrayNewElem:
            let (offset, length) = (u32(operands[0]), u32(operands[1]))
            let segment = instance.elementSegments[second]
            guard offset <= UInt64(segment.count), length <= UInt64(segment.count) - offset else {
                throw .tableOutOfBounds
            }
            object = try new(length: length)
            let elements = (object + ObjectLayout.headerBytes).assumingMemoryBound(to: UInt64.self)
            for index in 0..<Int(length) { elements[index] = segment[Int(offset) + index] }
        case .structNew, .structNewDefault, .arrayNewDefault:
            throw .internalError("\(operation) is allocated by performGCOperation")
        case .arrayFill, .arrayCopy, .arrayInitData, .arrayInitElem:
            throw .internalError("\(operation) does not allocate")
        }
        return ReferenceBits.make(object: object)
    }

    mutating func update(_ operation: GCOperation, operands: FramePointer) throws(TrapReason) {
        let array = try Self.array(operands[0])
        let start = u32(operands[1])
        let length = array.load(fromByteOffset: 8, as: UInt64.self)
        let elements = array + ObjectLayout.headerBytes
        switch operation {
        case .arrayFill:
            let kind = try layout().elementKind
            let count = u32(operands[2 + kind.slotWidth])
            guard start <= length, count <= length - start else { throw .arrayOutOfBounds }
            for index in Int(start)..<Int(start + count) { kind.store(from: operands + 2, to: elements, index: index) }
        case .arrayCopy:
            let source = try Self.array(operands[2])
            let (sourceStart, count) = (u32(operands[3]), u32(operands[4]))
            let sourceLength = source.load(fromByteOffset: 8, as: UInt64.self)
            guard start <= length, count <= length - start, sourceStart <= sourceLength,
                count <= sourceLength - sourceStart
            else { throw .arrayOutOfBounds }
            let size = try layout().elementKind.bytes
            // Overlapping ranges of one array copy as if through a temporary (memmove).
            (elements + Int(start) * size).copyMemory(
                from: source + ObjectLayout.headerBytes + Int(sourceStart) * size, byteCount: Int(count) * size)
        case .arrayInitData:
            let (offset, count) = (u32(operands[2]), u32(operands[3]))
            guard start <= length, count <= length - start else { throw .arrayOutOfBounds }
            let size = UInt64(try layout().elementKind.bytes)
            let bytes = instance.dataSegments[second]
            guard offset <= UInt64(bytes.count), count * size <= UInt64(bytes.count) - offset else {
                throw .memoryOutOfBounds
            }
            copy(bytes, from: Int(offset), count: Int(count * size), to: elements + Int(start * size))
        case .arrayInitElem:
            let (offset, count) = (u32(operands[2]), u32(operands[3]))
            guard start <= length, count <= length - start else { throw .arrayOutOfBounds }
            let segment = instance.elementSegments[second]
            guard offset <= UInt64(segment.count), count <= UInt64(segment.count) - offset else {
                throw .tableOutOfBounds
            }
            let words = elements.assumingMemoryBound(to: UInt64.self)
            for k in 0..<Int(count) { words[Int(start) + k] = segment[Int(offset) + k] }
        default:
            throw .internalError("\(operation) allocates")
        }
    }

    private static func array(_ bits: UInt64) throws(TrapReason) -> UnsafeMutableRawPointer {
        guard bits != 0, let array = ReferenceBits.object(bits) else { throw .nullArrayReference }
        return array
    }

    private func u32(_ bits: UInt64) -> UInt64 { UInt64(UInt32(truncatingIfNeeded: bits)) }

    private func copy(_ bytes: [UInt8], from offset: Int, count: Int, to destination: UnsafeMutableRawPointer) {
        guard count > 0 else { return }
        bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress else { return }
            destination.copyMemory(from: base + offset, byteCount: count)
        }
    }
}
