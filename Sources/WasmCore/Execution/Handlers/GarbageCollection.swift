// Structs, arrays, `i31` and reference casts. Field and element accesses are loads at the
// object's address (a reference's bits less its tag, see ReferenceBits.swift); allocations and
// the bulk array operations go through `performGCOperation`, where the store may collect.

/// The object a reference's bits name; nil for null.
@inline(__always)
private func objectAddress(_ bits: UInt64) -> UnsafeMutableRawPointer? {
    UnsafeMutableRawPointer(bitPattern: UInt(truncatingIfNeeded: bits & ~0b111))
}

/// `gc.allocate` and `gc.update`: see `performGCOperation`.
@_cdecl("vudo_execute_gcOperation") @inline(__always)
func executeGcOperation(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    do {
        try performGCOperation(pc, fp, context)
    } catch {
        return raise(error, at: pc, context, fp)
    }
    next(pc.data(2), fp, md, ms, context)
}

/// `struct.get result, reference, offset`
@_cdecl("vudo_execute_structGet") @inline(__always)
func executeStructGet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.b]) else { return raise(.nullStructureReference, at: pc, context, fp) }
    fp[pc.a] = object.load(fromByteOffset: Int(pc.c32), as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `struct.get_packed result, reference, field`: the field's `Packing` in c32's top two bits.
@_cdecl("vudo_execute_structGetPacked") @inline(__always)
func executeStructGetPacked(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.b]) else { return raise(.nullStructureReference, at: pc, context, fp) }
    let word = object.load(fromByteOffset: Int(pc.c32 & Packing.offsetMask), as: UInt64.self)
    fp.setI32(pc.a, Packing(rawValue: pc.c32 >> 30).unsafelyUnwrapped.widen(word))
    next(pc.next, fp, md, ms, context)
}

/// `struct.get128 result, reference, offset`: a v128 field.
@_cdecl("vudo_execute_structGet128") @inline(__always)
func executeStructGet128(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.b]) else { return raise(.nullStructureReference, at: pc, context, fp) }
    let offset = Int(pc.c32)
    fp[pc.a] = object.load(fromByteOffset: offset, as: UInt64.self)
    fp[pc.a + 1] = object.load(fromByteOffset: offset + 8, as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `struct.set reference, value, offset`
@_cdecl("vudo_execute_structSet") @inline(__always)
func executeStructSet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.a]) else { return raise(.nullStructureReference, at: pc, context, fp) }
    object.storeBytes(of: fp[pc.b], toByteOffset: Int(pc.c32), as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `struct.set128 reference, value, offset`: a v128 field.
@_cdecl("vudo_execute_structSet128") @inline(__always)
func executeStructSet128(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.a]) else { return raise(.nullStructureReference, at: pc, context, fp) }
    let offset = Int(pc.c32)
    object.storeBytes(of: fp[pc.b], toByteOffset: offset, as: UInt64.self)
    object.storeBytes(of: fp[pc.b + 1], toByteOffset: offset + 8, as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `array.get result, reference, index, element`
@_cdecl("vudo_execute_arrayGet") @inline(__always)
func executeArrayGet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let index = fp.i32(pc.c)
    guard let elements = checkedElements(fp[pc.b], index, at: pc, context, fp) else { return }
    ElementAccess(rawValue: UInt16(pc.d)).unsafelyUnwrapped.load(from: elements, index: Int(index), to: fp + pc.a)
    next(pc.next, fp, md, ms, context)
}

/// `array.set reference, index, value, element`
@_cdecl("vudo_execute_arraySet") @inline(__always)
func executeArraySet(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    let index = fp.i32(pc.b)
    guard let elements = checkedElements(fp[pc.a], index, at: pc, context, fp) else { return }
    ElementAccess(rawValue: UInt16(pc.d)).unsafelyUnwrapped.kind.store(
        from: fp + pc.c, to: elements, index: Int(index))
    next(pc.next, fp, md, ms, context)
}

/// The elements of the array `bits` when `index` is one of them; otherwise the trap (a null
/// array, or an index past its length) is raised and the handler returns.
@inline(__always)
private func checkedElements(
    _ bits: UInt64, _ index: UInt32, at pc: CodePointer, _ context: ContextPointer, _ fp: FramePointer
) -> UnsafeMutableRawPointer? {
    guard let array = objectAddress(bits) else {
        raise(.nullArrayReference, at: pc, context, fp)
        return nil
    }
    guard UInt64(index) < array.load(fromByteOffset: 8, as: UInt64.self) else {
        raise(.arrayOutOfBounds, at: pc, context, fp)
        return nil
    }
    return array + ObjectLayout.headerBytes
}

/// `array.len result, reference`
@_cdecl("vudo_execute_arrayLen") @inline(__always)
func executeArrayLen(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard let object = objectAddress(fp[pc.b]) else { return raise(.nullArrayReference, at: pc, context, fp) }
    fp[pc.a] = object.load(fromByteOffset: 8, as: UInt64.self)
    next(pc.next, fp, md, ms, context)
}

/// `ref.i31 result, value`
@_cdecl("vudo_execute_refI31") @inline(__always)
func executeRefI31(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer)
{
    fp[pc.a] = ReferenceBits.make(any: .i31(Int32(bitPattern: fp.i32(pc.b))))
    next(pc.next, fp, md, ms, context)
}

/// `i31.get result, reference, signed`
@_cdecl("vudo_execute_i31Get") @inline(__always)
func executeI31Get(_ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer)
{
    let bits = fp.i32(pc.b)
    guard bits != 0 else { return raise(.nullI31Reference, at: pc, context, fp) }
    fp.setI32(pc.a, pc.d != 0 ? UInt32(bitPattern: Int32(bitPattern: bits) >> 1) : bits >> 1)
    next(pc.next, fp, md, ms, context)
}

/// `ref.test result, reference, target`
@_cdecl("vudo_execute_refTest") @inline(__always)
func executeRefTest(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    fp.setI32(pc.a, passes(fp[pc.b], CastTarget(bits: pc.c32), context) ? 1 : 0)
    next(pc.next, fp, md, ms, context)
}

/// `ref.cast reference, target`
@_cdecl("vudo_execute_refCast") @inline(__always)
func executeRefCast(
    _ pc: CodePointer, _ fp: FramePointer, _ md: MemoryBase, _ ms: MemorySize, _ context: ContextPointer
) {
    guard passes(fp[pc.a], CastTarget(bits: pc.c32), context) else { return raise(.castFailure, at: pc, context, fp) }
    next(pc.next, fp, md, ms, context)
}

/// Whether a reference passes a cast: null, and an object of exactly the target type, decided
/// here; the rest (subtypes, abstract types, functions) by the store.
@inline(__always)
private func passes(_ bits: UInt64, _ target: CastTarget, _ context: ContextPointer) -> Bool {
    if bits == 0 { return target.isNullable }
    if let id = target.concreteID, ReferenceBits.isObject(bits), let object = objectAddress(bits),
        object.load(as: UInt32.self) == id
    {
        return true
    }
    return passesSlowly(bits, target, context)
}

@inline(never)
private func passesSlowly(_ bits: UInt64, _ target: CastTarget, _ context: ContextPointer) -> Bool {
    context.state.pointee.store.takeUnretainedValue().reference(bits, matches: target.heapType, nullable: false)
}

extension InternalOp {
    /// This file's handlers (see `InternalOp.handlers`).
    static let garbageCollectionHandlers: [(InternalOp, Handler)] = [
        (.gcAllocate, executeGcOperation),
        (.gcUpdate, executeGcOperation),
        (.structGet, executeStructGet),
        (.structGetPacked, executeStructGetPacked),
        (.structGet128, executeStructGet128),
        (.structSet, executeStructSet),
        (.structSet128, executeStructSet128),
        (.arrayGet, executeArrayGet),
        (.arraySet, executeArraySet),
        (.arrayLen, executeArrayLen),
        (.refI31, executeRefI31),
        (.i31Get, executeI31Get),
        (.refTest, executeRefTest),
        (.refCast, executeRefCast),
    ]
}
