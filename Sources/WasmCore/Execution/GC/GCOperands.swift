// How the translator encodes the operands of the garbage-collection instructions, and how their
// handlers read them back.

/// What `gc.allocate` and `gc.update` do (their `d` operand).
enum GCOperation: UInt16 {
    case structNew, structNewDefault, arrayNew, arrayNewDefault, arrayNewFixed, arrayNewData, arrayNewElem
    case arrayFill, arrayCopy, arrayInitData, arrayInitElem
}

/// How `struct.get_packed` widens an i8 or i16 field, in the top two bits of its operand.
enum Packing: UInt32 {
    case unsigned8, signed8, unsigned16, signed16

    static let offsetMask: UInt32 = (1 << 30) - 1

    init(_ storage: StorageType, signed: Bool) {
        switch (storage, signed) {
        case (.i8, false): self = .unsigned8
        case (.i8, true): self = .signed8
        case (_, false): self = .unsigned16
        case (_, true): self = .signed16
        }
    }

    @inline(__always)
    func widen(_ word: UInt64) -> UInt32 {
        switch self {
        case .unsigned8: UInt32(UInt8(truncatingIfNeeded: word))
        case .signed8: UInt32(bitPattern: Int32(Int8(truncatingIfNeeded: word)))
        case .unsigned16: UInt32(UInt16(truncatingIfNeeded: word))
        case .signed16: UInt32(bitPattern: Int32(Int16(truncatingIfNeeded: word)))
        }
    }
}

/// An array element's width and, for packed reads, whether to sign-extend (`array.get`'s `d`).
struct ElementAccess: RawRepresentable {
    let kind: ElementKind
    let isSigned: Bool

    init(_ kind: ElementKind, signed: Bool) {
        self.kind = kind
        isSigned = signed
    }

    init?(rawValue: UInt16) {
        guard let kind = ElementKind(rawValue: rawValue & 0xFF) else { return nil }
        self.init(kind, signed: rawValue & 0x100 != 0)
    }

    var rawValue: UInt16 { kind.rawValue | (isSigned ? 0x100 : 0) }

    /// Reads element `index` of the elements at `elements` into `slot` (and the next for a v128).
    @inline(__always)
    func load(from elements: UnsafeMutableRawPointer, index: Int, to slot: UnsafeMutablePointer<UInt64>) {
        switch kind {
        case .i8:
            let byte = elements.load(fromByteOffset: index, as: UInt8.self)
            slot.pointee = UInt64(isSigned ? UInt32(bitPattern: Int32(Int8(bitPattern: byte))) : UInt32(byte))
        case .i16:
            let half = elements.load(fromByteOffset: index &* 2, as: UInt16.self)
            slot.pointee = UInt64(isSigned ? UInt32(bitPattern: Int32(Int16(bitPattern: half))) : UInt32(half))
        case .i32:
            slot.pointee = UInt64(elements.load(fromByteOffset: index &* 4, as: UInt32.self))
        case .i64:
            slot.pointee = elements.load(fromByteOffset: index &* 8, as: UInt64.self)
        case .v128:
            slot[0] = elements.load(fromByteOffset: index &* 16, as: UInt64.self)
            slot[1] = elements.load(fromByteOffset: index &* 16 &+ 8, as: UInt64.self)
        }
    }
}

extension ElementKind {
    /// Writes the value in `slot` (and the next for a v128) as element `index`, narrowed to the
    /// element's width.
    @inline(__always)
    func store(from slot: UnsafeMutablePointer<UInt64>, to elements: UnsafeMutableRawPointer, index: Int) {
        switch self {
        case .i8: elements.storeBytes(of: UInt8(truncatingIfNeeded: slot.pointee), toByteOffset: index, as: UInt8.self)
        case .i16:
            elements.storeBytes(of: UInt16(truncatingIfNeeded: slot.pointee), toByteOffset: index &* 2, as: UInt16.self)
        case .i32:
            elements.storeBytes(of: UInt32(truncatingIfNeeded: slot.pointee), toByteOffset: index &* 4, as: UInt32.self)
        case .i64: elements.storeBytes(of: slot.pointee, toByteOffset: index &* 8, as: UInt64.self)
        case .v128:
            elements.storeBytes(of: slot[0], toByteOffset: index &* 16, as: UInt64.self)
            elements.storeBytes(of: slot[1], toByteOffset: index &* 16 &+ 8, as: UInt64.self)
        }
    }

    /// Slots an element's value takes.
    var slotWidth: Int { self == .v128 ? 2 : 1 }
}

/// The target of `ref.test`, `ref.cast` and the cast branches in 32 bits: whether null passes
/// (bit 31), whether the type is abstract (bit 30), and the abstract type's code or the concrete
/// type's canonical id below.
struct CastTarget {
    let bits: UInt32

    init(bits: UInt32) { self.bits = bits }

    init(_ heapType: HeapType, nullable: Bool) {
        let flag: UInt32 = nullable ? 1 << 31 : 0
        if case .concrete(let id) = heapType {
            bits = flag | (id & Self.idMask)
        } else {
            bits = flag | 1 << 30 | UInt32(Self.abstractTypes.firstIndex(of: heapType) ?? 0)
        }
    }

    private static let abstractTypes: [HeapType] = [
        .any, .eq, .i31, .struct, .array, .none, .func, .nofunc, .extern, .noextern, .exn, .noexn,
    ]

    private static let idMask: UInt32 = (1 << 30) - 1

    var isNullable: Bool { bits & 1 << 31 != 0 }

    /// The canonical id of a concrete target.
    @inline(__always) var concreteID: UInt32? { bits & 1 << 30 == 0 ? bits & Self.idMask : nil }

    var heapType: HeapType {
        if let id = concreteID { return .concrete(id) }
        let index = Int(bits & 0xFF)
        return index < Self.abstractTypes.count ? Self.abstractTypes[index] : .none
    }
}
