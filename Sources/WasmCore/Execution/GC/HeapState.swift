#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What allocation reads and writes on every object, behind a stable pointer so that the
/// interpreter's allocation path pays neither reference counting nor exclusivity checks (see
/// `GCHeap`, which owns it).
struct HeapState {
    /// Bytes of the objects not yet reclaimed, overheads included.
    var liveBytes = 0
    /// Allocations proceed without collecting while `liveBytes` stays at or below this.
    var trigger: Int
    let limit: Int
    /// Every object's address (unsorted between collections), with room for more.
    var objects: UnsafeMutablePointer<UInt>?
    var objectCount = 0
    var objectCapacity = 0
    /// Each canonical type's shape, by id; an entry of `bytes == 0` is not computed yet.
    var shapes: UnsafeMutablePointer<ObjectShape>?
    var shapeCount = 0

    init(limit: Int, trigger: Int) {
        self.limit = limit
        self.trigger = min(limit, trigger)
    }
}

/// A struct or array type as allocation and tracing need it, in a few words.
struct ObjectShape {
    /// A struct's whole size, or an array's header; 0 for a shape not computed yet.
    var bytes = 0
    /// An array's element width in bytes; 0 for a struct.
    var elementBytes = 0
    /// Whether an array's elements are traced.
    var tracesElements = false
    /// A struct's traced fields, as a bit per word after the header; `tracesByLayout` when a field
    /// lies beyond 64 words (the layout lists them then).
    var tracedWords: UInt64 = 0
    var tracesByLayout = false
    /// The same for fields and elements that hold an `exnref`.
    var exceptionWords: UInt64 = 0
    var elementsAreExceptions = false

    var isArray: Bool { elementBytes != 0 }

    init() {}

    init(_ layout: ObjectLayout) {
        bytes = layout.structBytes
        if layout.kind == .array {
            elementBytes = layout.elementKind.bytes
            tracesElements = layout.tracesElements
            elementsAreExceptions = layout.elementsAreExceptions
        }
        for offset in layout.tracedOffsets {
            let word = (offset - ObjectLayout.headerBytes) / 8
            if word < 64 { tracedWords |= 1 << UInt64(word) } else { tracesByLayout = true }
        }
        for offset in layout.exceptionOffsets {
            let word = (offset - ObjectLayout.headerBytes) / 8
            if word < 64 { exceptionWords |= 1 << UInt64(word) } else { tracesByLayout = true }
        }
    }

    /// Bytes of an object of this shape with `length` elements (arrays), or nil when that does not
    /// fit in an `Int`.
    @inline(__always)
    func size(length: UInt64) -> Int? {
        guard isArray else { return bytes }
        let (elements, overflow) = Int(truncatingIfNeeded: length).multipliedReportingOverflow(by: elementBytes)
        guard length <= UInt64(Int.max), !overflow, elements <= Int.max - bytes else { return nil }
        return bytes + elements
    }
}

extension UnsafeMutablePointer where Pointee == HeapState {
    /// The shape of type `typeID` if it was computed.
    @inline(__always)
    func knownShape(_ typeID: Int) -> ObjectShape? {
        guard typeID < pointee.shapeCount, let shapes = pointee.shapes, shapes[typeID].bytes != 0 else { return nil }
        return shapes[typeID]
    }

    /// A zeroed object of `bytes` with its header, when one fits below the collection trigger and
    /// the object list has room; nil sends the caller to the slow path (`GCHeap.allocate`).
    @inline(__always)
    func allocateQuickly(bytes: Int, typeID: Int, length: UInt64) -> UnsafeMutableRawPointer? {
        let cost = bytes &+ GCHeap.overhead
        guard bytes <= pointee.limit, pointee.liveBytes &+ cost <= pointee.trigger,
            pointee.objectCount < pointee.objectCapacity,
            let objects = pointee.objects, let memory = calloc(1, bytes)
        else { return nil }
        memory.storeBytes(of: UInt64(UInt32(truncatingIfNeeded: typeID)), as: UInt64.self)
        memory.storeBytes(of: length, toByteOffset: 8, as: UInt64.self)
        objects[pointee.objectCount] = UInt(bitPattern: memory)
        pointee.objectCount &+= 1
        pointee.liveBytes &+= cost
        return memory
    }
}
