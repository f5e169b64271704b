// The store's side of garbage collection: its heap, the roots a collection starts from,
// allocation with its limit, reference tests, and what a host reads of an object.

/// What a store's heap holds, for embedders that watch memory.
public struct HeapStatistics: Sendable, Hashable {
    /// Bytes of the objects not yet reclaimed (reachable or not), with a per-object overhead.
    public var bytes: Int
    public var objects: Int
    /// Collections so far.
    public var collections: Int
    /// Caught exceptions the store keeps (an `exnref` may still reach them).
    public var exceptions: Int
}

extension Store {
    public var heapStatistics: HeapStatistics {
        HeapStatistics(
            bytes: heap.liveBytes, objects: heap.objectCount, collections: heap.collections,
            exceptions: exceptions.count - freeExceptions.count)
    }

    /// A new object of type `typeID` (an array of `length` elements), zeroed. When a collection is
    /// due or the object would pass the limit, collects first if `frameEnd` says where the running
    /// frame ends; without it (constant expressions during instantiation, whose intermediate
    /// values no root reaches) it never collects.
    func allocateObject(
        typeID: Int, length: UInt64 = 0, frameEnd: UnsafeMutablePointer<UInt64>?
    ) throws(TrapReason) -> UnsafeMutableRawPointer {
        guard let shape = heap.shape(of: typeID) else {
            throw .internalError("type \(typeID) is neither a struct nor an array")
        }
        guard let bytes = shape.size(length: length), bytes <= heap.state.pointee.limit - GCHeap.overhead else {
            throw .heapLimitExceeded
        }
        if let object = heap.state.allocateQuickly(bytes: bytes, typeID: typeID, length: length) { return object }
        if let frameEnd, heap.isCollectionDue(adding: bytes) || !heap.fits(bytes) {
            collectGarbage(frameEnd: frameEnd)
        }
        guard heap.fits(bytes), let object = heap.allocate(bytes: bytes, typeID: typeID, length: length) else {
            throw .heapLimitExceeded
        }
        return object
    }

    /// Reclaims every object no root reaches. Calls a guest is running or has suspended keep
    /// theirs.
    public func collectGarbage() { collectGarbage(frameEnd: execution.top) }

    /// Collects, with the value stack in use up to `frameEnd` (the end of the running frame) or the
    /// frames of suspended calls, whichever lies higher.
    func collectGarbage(frameEnd: UnsafeMutablePointer<UInt64>) {
        let stack = execution.valueStack
        var end = max(frameEnd, execution.top)
        for state in [execution.suspendedCall?.state, execution.hostStop?.state, execution.fuelStop] {
            guard let state else { continue }
            end = max(end, state.fp + state.function.pointee.frameSize)
        }
        end = min(end, execution.valueStackEnd)
        let exceptionMarks = heap.collect(
            exceptions: exceptions.map { $0 != nil }, payload: { exceptions[$0]?.payload ?? [] }
        ) { marker in
            marker.markIfReferences(UnsafeBufferPointer(start: stack, count: end - stack))
            for global in globals {
                switch hierarchy(global.type.valueType) {
                case .objects: marker.mark(global.cell.pointee)
                case .exceptions: marker.markException(global.cell.pointee)
                case .neither: break
                }
            }
            for table in tables {
                switch hierarchy(.ref(table.type.elementType)) {
                case .objects: for index in 0..<table.count { marker.mark(table[index]) }
                case .exceptions: for index in 0..<table.count { marker.markException(table[index]) }
                case .neither: break
                }
            }
            for instance in instances {
                for segment in instance.elementSegments {
                    for bits in segment { marker.markIfReference(bits) }
                }
            }
            // Exceptions the host was given an exnref to, and those no exnref was made of (in
            // flight: thrown and not yet caught), are roots; the rest live while referenced.
            for (index, exception) in exceptions.enumerated() {
                guard let exception, exception.isHostHeld || !exception.isReferenced else { continue }
                marker.markException(UInt64(index) + 1)
            }
        }
        for (index, exception) in exceptions.enumerated() where exception != nil && !exceptionMarks[index] {
            exceptions[index] = nil
            freeExceptions.append(index)
        }
    }

    static let minimumExceptionTrigger = 1024

    /// Collects before a new exception when the ones kept by `exnref`s have piled up (twice as
    /// many as the last collection left, at least `minimumExceptionTrigger`), so that a program
    /// that keeps caught exceptions only for a while, and allocates no objects, does not grow.
    func collectIfExceptionsPileUp(frameEnd: UnsafeMutablePointer<UInt64>) {
        let stress = configuration.collectsOnEveryAllocationForTesting
        guard stress || exceptions.count - freeExceptions.count >= exceptionCollectionTrigger else { return }
        collectGarbage(frameEnd: frameEnd)
        exceptionCollectionTrigger = max(Self.minimumExceptionTrigger, 2 * (exceptions.count - freeExceptions.count))
    }

    private enum Hierarchy { case objects, exceptions, neither }

    /// What a place of this type may hold that a collection cares about: objects (a reference of
    /// the `any` hierarchy, or of `extern`, which converted `any` references join), exceptions,
    /// or neither.
    private func hierarchy(_ type: ValueType) -> Hierarchy {
        guard case .ref(let reference) = type else { return .neither }
        switch types.top(of: reference.heapType) {
        case .any, .extern: return .objects
        case .exn: return .exceptions
        default: return .neither
        }
    }

    // MARK: Reference tests

    /// Whether the reference `bits` is of the (canonical) heap type `target`, null counting when
    /// `nullable`: `ref.test`, `ref.cast`, `br_on_cast`.
    func reference(_ bits: UInt64, matches target: HeapType, nullable: Bool) -> Bool {
        if bits == 0 { return nullable }
        switch target {
        case .any, .extern, .func, .exn: return true
        case .none, .noextern, .nofunc, .noexn: return false
        case .i31: return bits & 1 == 1
        case .eq: return bits & 1 == 1 || ReferenceBits.isObject(bits)
        case .struct, .array: return ReferenceBits.isObject(bits) && objectMatches(bits, target)
        case .concrete(let id):
            guard Int(id) < types.entries.count else { return false }
            if case .function = types[Int(id)].composite {
                guard let entry = UnsafeMutablePointer<FunctionEntry>(bitPattern: UInt(truncatingIfNeeded: bits)) else {
                    return false
                }
                return types.isSubtype(entry.pointee.typeID, of: Int(id))
            }
            return ReferenceBits.isObject(bits) && objectMatches(bits, target)
        }
    }

    /// Whether the object `bits` (non-null, of this store) is of the heap type `target`.
    func objectMatches(_ bits: UInt64, _ target: HeapType) -> Bool {
        guard let object = ReferenceBits.object(bits) else { return false }
        let typeID = Int(object.load(as: UInt64.self) & 0xFFFF_FFFF)
        switch target {
        case .any, .eq: return true
        case .struct, .array:
            guard typeID < types.entries.count else { return false }
            return types.isSubtype(types[typeID].composite.abstractHeapType, of: target)
        case .concrete(let id): return types.isSubtype(typeID, of: Int(id))
        default: return false
        }
    }

    // MARK: What a host reads

    /// The field values of a struct object, or nil when the reference is not a struct of this
    /// store. Packed fields read as their unsigned value.
    public func fields(of object: ObjectReference) -> [Value]? {
        guard let (memory, layout) = resolve(object), layout.kind == .structure else { return nil }
        return zip(layout.fields, layout.fieldOffsets).map { field, offset in
            read(field.storage, at: memory + offset)
        }
    }

    /// The elements of an array object, or nil when the reference is not an array of this store.
    public func elements(of object: ObjectReference) -> [Value]? {
        guard let (memory, layout) = resolve(object), layout.kind == .array, let element = layout.element else {
            return nil
        }
        let length = Int(memory.load(fromByteOffset: 8, as: UInt64.self))
        let size = layout.elementKind.bytes
        return (0..<length).map { index in
            var slots: (UInt64, UInt64) = (0, 0)
            withUnsafeMutableBytes(of: &slots) { raw in
                raw.baseAddress?.copyMemory(
                    from: memory + ObjectLayout.headerBytes + index * size, byteCount: size)
            }
            return withUnsafeMutablePointer(to: &slots) { pair in
                pair.withMemoryRebound(to: UInt64.self, capacity: 2) { value(of: element.storage.unpacked, at: $0) }
            }
        }
    }

    /// The type of an object's struct or array, with canonical type ids for its references.
    public func compositeType(of object: ObjectReference) -> CompositeType? {
        guard let (memory, _) = resolve(object) else { return nil }
        return types[Int(memory.load(as: UInt64.self) & 0xFFFF_FFFF)].composite
    }

    private func resolve(_ object: ObjectReference) -> (UnsafeMutableRawPointer, ObjectLayout)? {
        guard object.pins === heap.pins, let memory = ReferenceBits.object(object.bits) else {
            return nil
        }
        guard let layout = heap.layout(of: Int(memory.load(as: UInt64.self) & 0xFFFF_FFFF)) else { return nil }
        return (memory, layout)
    }

    private func read(_ storage: StorageType, at field: UnsafeMutableRawPointer) -> Value {
        let slot = field.assumingMemoryBound(to: UInt64.self)
        switch storage {
        case .i8: return .i32(UInt32(slot.pointee & 0xFF))
        case .i16: return .i32(UInt32(slot.pointee & 0xFFFF))
        case .value(let type): return value(of: type, at: slot)
        }
    }

    /// The host's view of an `any` reference's bits (nil for null); an object is pinned while
    /// the returned reference lives.
    func anyReference(_ bits: UInt64) -> AnyReference? {
        if bits == 0 { return nil }
        if let reference = ReferenceBits.anyReference(bits) { return reference }
        if let address = ReferenceBits.externAddress(bits) { return .host(address) }
        guard ReferenceBits.isObject(bits), let object = ReferenceBits.object(bits) else { return nil }
        let layout = heap.layout(of: Int(object.load(as: UInt64.self) & 0xFFFF_FFFF))
        let kind: ObjectReference.Kind = layout?.kind == .array ? .array : .structure
        return .object(ObjectReference(bits: bits, kind: kind, pins: heap.pins))
    }
}
