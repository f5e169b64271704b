import Synchronization

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

    let limit: Int
    private let registry: TypeRegistry
    /// Addresses of every object not yet reclaimed; sorted by each collection, then appended to.
    private var objects: [UInt] = []
    /// Bytes of those objects, overheads included.
    private(set) var liveBytes = 0
    private var liveBytesAfterCollection = 0
    private(set) var collections = 0
    private var layouts: [ObjectLayout?] = []
    let pins = ObjectPins()

    init(registry: TypeRegistry, limit: Int) {
        self.registry = registry
        self.limit = limit
    }

    deinit {
        for address in objects { UnsafeMutableRawPointer(bitPattern: address)?.deallocate() }
    }

    var objectCount: Int { objects.count }

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

    /// Whether enough was allocated since the last collection that another one is due.
    var isCollectionDue: Bool {
        liveBytes - liveBytesAfterCollection >= max(Self.minimumTrigger, liveBytesAfterCollection)
    }

    /// Whether an object of `bytes` fits under the limit now.
    func fits(_ bytes: Int) -> Bool { bytes <= limit - Self.overhead && liveBytes <= limit - Self.overhead - bytes }

    /// A zeroed object of `bytes` with its header written; the caller has checked `fits`.
    func allocate(bytes: Int, typeID: Int, length: UInt64) -> UInt64 {
        let memory = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 16)
        memory.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
        memory.storeBytes(of: UInt64(UInt32(truncatingIfNeeded: typeID)), as: UInt64.self)
        memory.storeBytes(of: length, toByteOffset: 8, as: UInt64.self)
        objects.append(UInt(bitPattern: memory))
        liveBytes += bytes + Self.overhead
        return ReferenceBits.make(object: memory)
    }

    /// Marks everything reachable from what `roots` marks and frees the rest.
    func collect(roots: (inout Marker) -> Void) {
        objects.sort()
        var marker = Marker(objects: objects)
        for bits in pins.pinned() { marker.mark(bits) }
        roots(&marker)
        while let object = marker.worklist.popLast() { trace(object, &marker) }
        sweep()
        collections += 1
        liveBytesAfterCollection = liveBytes
    }

    private func trace(_ object: UnsafeMutableRawPointer, _ marker: inout Marker) {
        let typeID = Int(object.load(as: UInt64.self) & 0xFFFF_FFFF)
        guard let layout = layout(of: typeID) else { return }
        for offset in layout.tracedOffsets { marker.mark(object.load(fromByteOffset: offset, as: UInt64.self)) }
        guard layout.tracesElements else { return }
        let length = Int(object.load(fromByteOffset: 8, as: UInt64.self))
        let elements = (object + ObjectLayout.headerBytes).assumingMemoryBound(to: UInt64.self)
        for index in 0..<length { marker.mark(elements[index]) }
    }

    private func sweep() {
        var kept = 0
        for address in objects {
            guard let object = UnsafeMutableRawPointer(bitPattern: address) else { continue }
            let header = object.load(as: UInt64.self)
            if header & ObjectLayout.markBit != 0 {
                object.storeBytes(of: header & ~ObjectLayout.markBit, as: UInt64.self)
                objects[kept] = address
                kept += 1
            } else {
                let bytes = size(of: object)
                liveBytes -= bytes + Self.overhead
                // Debug builds (the tests) overwrite what they free, so that a reference the
                // collector failed to see reads garbage instead of the old values.
                if _isDebugAssertConfiguration() {
                    object.initializeMemory(as: UInt8.self, repeating: 0xDE, count: bytes)
                }
                object.deallocate()
            }
        }
        objects.removeSubrange(kept...)
    }

    /// An object's bytes, from its header.
    func size(of object: UnsafeMutableRawPointer) -> Int {
        let typeID = Int(object.load(as: UInt64.self) & 0xFFFF_FFFF)
        guard let layout = layout(of: typeID) else { return ObjectLayout.headerBytes }
        if layout.kind == .structure { return layout.structBytes }
        return layout.arrayBytes(length: object.load(fromByteOffset: 8, as: UInt64.self)) ?? ObjectLayout.headerBytes
    }

    /// Whether `bits` is the reference of an object of this heap (not yet reclaimed).
    func contains(_ bits: UInt64) -> Bool {
        guard ReferenceBits.isObject(bits) else { return false }
        let address = UInt(truncatingIfNeeded: bits & ~0b111)
        return objects.contains(address)
    }
}

/// The collector's mark phase: marks objects and keeps those whose fields are still to trace.
struct Marker {
    /// Every object's address, sorted, to tell a conservatively read word from a reference.
    private let objects: [UInt]
    fileprivate(set) var worklist: [UnsafeMutableRawPointer] = []

    fileprivate init(objects: [UInt]) { self.objects = objects }

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
        for bits in slots { markIfReference(bits) }
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
