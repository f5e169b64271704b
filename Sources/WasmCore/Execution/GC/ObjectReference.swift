/// A host's hold on a `struct` or `array` object of a ``Store``: while it exists, collections keep
/// the object and everything it reaches. Read the object with ``Store/fields(of:)``,
/// ``Store/elements(of:)`` and ``Store/compositeType(of:)``; pass it back to the guest as
/// `.anyref(.object(reference))`.
///
/// References are equal when they name the same object (`ref.eq`).
public final class ObjectReference: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case structure, array
    }

    /// Whether the object is a struct or an array.
    public let kind: Kind
    let bits: UInt64
    let pins: ObjectPins

    init(bits: UInt64, kind: Kind, pins: ObjectPins) {
        self.bits = bits
        self.kind = kind
        self.pins = pins
        pins.pin(bits)
    }

    deinit { pins.unpin(bits) }

    public static func == (lhs: ObjectReference, rhs: ObjectReference) -> Bool {
        lhs.bits == rhs.bits && lhs.pins === rhs.pins
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(bits) }

    public var description: String { "object@0x" + String(bits & ~0b111, radix: 16) }
}
