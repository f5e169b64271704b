import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The `struct` and `array` objects of a store, and their collector.
///
/// Objects never move: a reference is the object's address with the tag `0b100` in its low bits
/// (see ReferenceBits.swift), so a field access is one load. Collection is mark and sweep, from
/// roots the store enumerates (`Store.collectGarbage`): the value stack of every running and
/// suspended call, read conservatively (a slot is untyped, so any word that is the reference of a
/// live object keeps it), and, precisely, globals, tables, element segments, caught exceptions'
/// values and the references a host holds (``ObjectReference``, pinned while it lives). Cycles
/// are reclaimed like everything else unreachable.
///
/// A collection runs when the bytes allocated since the last one reach the live bytes it left
/// (at least `minimumTrigger`), so the heap stays within about twice what is live; and before an
/// allocation would pass `limit`, which traps when collecting does not make room.
final class GCHeap {
    static let minimumTrigger = 4 << 20
    /// What one object costs beyond its own bytes: the allocator's header and the heap's record
    /// of it. Counted against the limit, so that the limit bounds the process's growth.
    static let overhead = 16

    /// The allocation state, which the interpreter reaches without going through this object.
    let state: UnsafeMutablePointer<HeapState>
    private let registry: TypeRegistry
    private var layouts: [ObjectLayout?] = []
    private(set) var collections = 0
    let pins = ObjectPins()

    /// Collections run before every guest allocation (see
    /// `EngineConfiguration.collectsOnEveryAllocationForTesting`).
    private let collectsAlways: Bool

    init(registry: TypeRegistry, limit: Int, collectsAlways: Bool = false) {
        self.registry = registry
        self.collectsAlways = collectsAlways
        state = .allocate(capacity: 1)
        state.initialize(to: HeapState(limit: max(limit, 0), trigger: collectsAlways ? 0 : Self.minimumTrigger))
    }

    deinit {
        if let objects = state.pointee.objects {
            for index in 0..<state.pointee.objectCount { free(UnsafeMutableRawPointer(bitPattern: objects[index])) }
            objects.deallocate()
        }
        state.pointee.shapes?.deallocate()
        state.deallocate()
    }

    var liveBytes: Int { state.pointee.liveBytes }
    var objectCount: Int { state.pointee.objectCount }

    /// The layout of the struct or array type with canonical id `typeID`.
    func layout(of typeID: Int) -> ObjectLayout? {
        if typeID < layouts.count, let layout = layouts[typeID] { return layout }
        guard typeID >= 0, typeID < registry.entries.count,
            let layout = ObjectLayout(registry[typeID].composite, registry: registry)
        else { return nil }
        if layouts.count <= typeID { layouts += Array(repeating: nil, count: typeID + 1 - layouts.count) }
        layouts[typeID] = layout
        return layout
    }

    /// The shape of the struct or array type `typeID`, computed once.
    func shape(of typeID: Int) -> ObjectShape? {
        if let shape = state.knownShape(typeID) { return shape }
        guard let layout = layout(of: typeID) else { return nil }
        if typeID >= state.pointee.shapeCount {
            let count = max(typeID + 1, state.pointee.shapeCount * 2, 64)
            let shapes = UnsafeMutablePointer<ObjectShape>.allocate(capacity: count)
            shapes.initialize(repeating: ObjectShape(), count: count)
            if let old = state.pointee.shapes {
                shapes.update(from: old, count: state.pointee.shapeCount)
                old.deallocate()
            }
            state.pointee.shapes = shapes
            state.pointee.shapeCount = count
        }
        let shape = ObjectShape(layout)
        state.pointee.shapes?[typeID] = shape
        return shape
    }

    /// Whether an object of `bytes` fits under the limit now.
    func fits(_ bytes: Int) -> Bool {
        let limit = state.pointee.limit
        return bytes <= limit - Self.overhead && state.pointee.liveBytes <= limit - Self.overhead - bytes
    }

    /// Whether the allocations since the last collection call for another.
    func isCollectionDue(adding bytes: Int) -> Bool {
        state.pointee.liveBytes + bytes + Self.overhead > state.pointee.trigger
    }

    /// A zeroed object of `bytes` with its header written, past the collection trigger if need be;
    /// the caller has checked `fits`. Nil when the system has no memory for it.
    func allocate(bytes: Int, typeID: Int, length: UInt64) -> UnsafeMutableRawPointer? {
        if state.pointee.objectCount == state.pointee.objectCapacity {
            let capacity = max(state.pointee.objectCapacity * 2, 1024)
            let objects = UnsafeMutablePointer<UInt>.allocate(capacity: capacity)
            if let old = state.pointee.objects {
                objects.update(from: old, count: state.pointee.objectCount)
                old.deallocate()
            }
            state.pointee.objects = objects
            state.pointee.objectCapacity = capacity
        }
        let trigger = state.pointee.trigger
        state.pointee.trigger = Int.max
        defer { state.pointee.trigger = trigger }
        return state.allocateQuickly(bytes: bytes, typeID: typeID, length: length)
    }

    /// Marks everything reachable from what `roots` marks and frees the rest; returns which of the
    /// store's exceptions are reachable. `exceptions` says which exception indices exist, and
    /// `payload` gives a reachable exception's values, which are traced in turn (conservatively:
    /// they are untyped words here).
    func collect(
        exceptions: [Bool], payload: (Int) -> [UInt64], roots: (inout Marker) -> Void
    ) -> [Bool] {
        var objects = UnsafeMutableBufferPointer(start: state.pointee.objects, count: state.pointee.objectCount)
        objects.sort()
        var marker = Marker(objects: UnsafeBufferPointer(objects), exceptions: exceptions)
        for bits in pins.pinned() { marker.mark(bits) }
        roots(&marker)
        while true {
            if let object = marker.worklist.popLast() {
                trace(object, &marker)
            } else if let exception = marker.exceptionWorklist.popLast() {
                for bits in payload(exception) {
                    marker.markIfReference(bits)
                    marker.markException(bits)
                }
            } else {
                break
            }
        }
        sweep()
        collections += 1
        let live = state.pointee.liveBytes
        state.pointee.trigger = collectsAlways ? 0 : min(state.pointee.limit, live + max(Self.minimumTrigger, live))
        return marker.exceptionMarks
    }

    private func trace(_ object: UnsafeMutableRawPointer, _ marker: inout Marker) {
        let typeID = Int(object.load(as: UInt64.self) & 0xFFFF_FFFF)
        guard let shape = shape(of: typeID) else { return }
        if shape.isArray {
            guard shape.tracesElements || shape.elementsAreExceptions else { return }
            let length = Int(object.load(fromByteOffset: 8, as: UInt64.self))
            let elements = (object + ObjectLayout.headerBytes).assumingMemoryBound(to: UInt64.self)
            if shape.tracesElements {
                for index in 0..<length { marker.mark(elements[index]) }
            } else {
                for index in 0..<length { marker.markException(elements[index]) }
            }
        } else if shape.tracesByLayout, let layout = layout(of: typeID) {
            for offset in layout.tracedOffsets { marker.mark(object.load(fromByteOffset: offset, as: UInt64.self)) }
            for offset in layout.exceptionOffsets {
                marker.markException(object.load(fromByteOffset: offset, as: UInt64.self))
            }
        } else {
            let fields = (object + ObjectLayout.headerBytes).assumingMemoryBound(to: UInt64.self)
            var words = shape.tracedWords
            while words != 0 {
                marker.mark(fields[words.trailingZeroBitCount])
                words &= words - 1
            }
            words = shape.exceptionWords
            while words != 0 {
                marker.markException(fields[words.trailingZeroBitCount])
                words &= words - 1
            }
        }
    }

    private func sweep() {
        guard let objects = state.pointee.objects else { return }
        var kept = 0
        for index in 0..<state.pointee.objectCount {
            guard let object = UnsafeMutableRawPointer(bitPattern: objects[index]) else { continue }
            let header = object.load(as: UInt64.self)
            if header & ObjectLayout.markBit != 0 {
                object.storeBytes(of: header & ~ObjectLayout.markBit, as: UInt64.self)
                objects[kept] = objects[index]
                kept += 1
            } else {
                let bytes = size(of: object)
                state.pointee.liveBytes -= bytes + Self.overhead
                if poisonsFreedObjects() {
                    object.initializeMemory(as: UInt8.self, repeating: 0xDE, count: bytes)
                }
                free(object)
            }
        }
        state.pointee.objectCount = kept
    }

    /// An object's bytes, from its header.
    func size(of object: UnsafeMutableRawPointer) -> Int {
        let typeID = Int(object.load(as: UInt64.self) & 0xFFFF_FFFF)
        guard let shape = shape(of: typeID) else { return ObjectLayout.headerBytes }
        return shape.size(length: object.load(fromByteOffset: 8, as: UInt64.self)) ?? ObjectLayout.headerBytes
    }
}

/// Whether freed objects are overwritten first: in debug builds (the tests), so that a reference
/// the collector failed to see reads garbage instead of the old values. A function rather than the
/// test itself: the constant would make the compiler warn that the other branch never runs.
@inline(__always)
private func poisonsFreedObjects() -> Bool { _isDebugAssertConfiguration() }

/// The collector's mark phase: marks objects and keeps those whose fields are still to trace.
struct Marker {
    /// Every object's address, sorted, to tell a conservatively read word from a reference.
    private let objects: UnsafeBufferPointer<UInt>
    fileprivate(set) var worklist: [UnsafeMutableRawPointer] = []
    /// Which of the store's exception indices exist, and which are marked: an `exnref` is an
    /// index plus one.
    private let exceptions: [Bool]
    fileprivate(set) var exceptionMarks: [Bool]
    fileprivate(set) var exceptionWorklist: [Int] = []

    fileprivate init(objects: UnsafeBufferPointer<UInt>, exceptions: [Bool]) {
        self.objects = objects
        self.exceptions = exceptions
        exceptionMarks = Array(repeating: false, count: exceptions.count)
    }

    /// Marks the exception an `exnref`'s bits name, if it exists. Also for words of unknown type:
    /// any small number in range keeps the exception it would name.
    mutating func markException(_ bits: UInt64) {
        guard bits != 0, bits <= UInt64(exceptions.count) else { return }
        let index = Int(bits - 1)
        guard exceptions[index], !exceptionMarks[index] else { return }
        exceptionMarks[index] = true
        exceptionWorklist.append(index)
    }

    /// Marks the object `bits` refers to, when it is a reference of a live object (a word from a
    /// typed place: a field, a global, a table of `any` or `extern` references).
    mutating func mark(_ bits: UInt64) {
        guard ReferenceBits.isObject(bits), let object = ReferenceBits.object(bits) else { return }
        let header = object.load(as: UInt64.self)
        guard header & ObjectLayout.markBit == 0 else { return }
        object.storeBytes(of: header | ObjectLayout.markBit, as: UInt64.self)
        worklist.append(object)
    }

    /// Marks the object `bits` refers to if it is the address of one: for words of unknown type
    /// (value-stack slots), which may be anything.
    mutating func markIfReference(_ bits: UInt64) {
        guard ReferenceBits.isObject(bits) else { return }
        let address = UInt(truncatingIfNeeded: bits & ~0b111)
        var low = 0
        var high = objects.count
        while low < high {
            let middle = (low + high) / 2
            if objects[middle] < address { low = middle + 1 } else { high = middle }
        }
        guard low < objects.count, objects[low] == address else { return }
        mark(bits)
    }

    mutating func markIfReferences(_ slots: UnsafeBufferPointer<UInt64>) {
        for bits in slots {
            markIfReference(bits)
            markException(bits)
        }
    }
}

/// The objects hosts hold through ``ObjectReference``s, which every collection keeps. Shared
/// with the references themselves, which may be released on any thread.
final class ObjectPins: Sendable {
    private let counts = Mutex<[UInt64: Int]>([:])

    func pin(_ bits: UInt64) { counts.withLock { $0[bits, default: 0] += 1 } }

    func unpin(_ bits: UInt64) {
        counts.withLock { counts in
            guard let count = counts[bits] else { return }
            counts[bits] = count > 1 ? count - 1 : nil
        }
    }

    func pinned() -> [UInt64] { counts.withLock { Array($0.keys) } }
}
