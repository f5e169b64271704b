/// A WebAssembly value type: a number, a vector, or a reference.
///
/// The 2.0 names stay available as shorthands (`.funcref` is `(ref null func)`), so code written
/// for WebAssembly 2.0 reads as before; `switch` over references matches `.ref(let type)`.
public enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case i32
    case i64
    case f32
    case f64
    case v128
    case ref(ReferenceType)

    public static let funcref = ValueType.ref(.funcref)
    public static let externref = ValueType.ref(.externref)
    public static let anyref = ValueType.ref(.anyref)
    public static let eqref = ValueType.ref(.eqref)
    public static let i31ref = ValueType.ref(.i31ref)
    public static let structref = ValueType.ref(.structref)
    public static let arrayref = ValueType.ref(.arrayref)
    public static let exnref = ValueType.ref(.exnref)
    public static let nullref = ValueType.ref(.nullref)
    public static let nullfuncref = ValueType.ref(.nullfuncref)
    public static let nullexternref = ValueType.ref(.nullexternref)
    public static let nullexnref = ValueType.ref(.nullexnref)

    public var isReference: Bool { referenceType != nil }
    public var isNumeric: Bool {
        switch self {
        case .i32, .i64, .f32, .f64: true
        case .v128, .ref: false
        }
    }

    public var referenceType: ReferenceType? {
        if case .ref(let type) = self { return type }
        return nil
    }

    /// Whether the type has a default value (zero or null): locals of other types must be set
    /// before they are read, and tables of them need an initializer.
    public var isDefaultable: Bool { referenceType?.isNullable ?? true }

    public var description: String {
        switch self {
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .ref(let type): type.description
        }
    }
}

/// A reference type: a heap type, and whether null is among its values.
public struct ReferenceType: Sendable, Hashable, CustomStringConvertible {
    public var isNullable: Bool
    public var heapType: HeapType

    public init(_ heapType: HeapType, nullable: Bool = true) {
        self.heapType = heapType
        self.isNullable = nullable
    }

    public static let funcref = ReferenceType(.func)
    public static let externref = ReferenceType(.extern)
    public static let anyref = ReferenceType(.any)
    public static let eqref = ReferenceType(.eq)
    public static let i31ref = ReferenceType(.i31)
    public static let structref = ReferenceType(.struct)
    public static let arrayref = ReferenceType(.array)
    public static let exnref = ReferenceType(.exn)
    public static let nullref = ReferenceType(.none)
    public static let nullfuncref = ReferenceType(.nofunc)
    public static let nullexternref = ReferenceType(.noextern)
    public static let nullexnref = ReferenceType(.noexn)

    /// The text format's spelling, with the 2.0 and GC shorthands where one exists.
    public var description: String {
        guard isNullable else { return "(ref \(heapType))" }
        switch heapType {
        case .concrete: return "(ref null \(heapType))"
        case .none: return "nullref"
        case .nofunc: return "nullfuncref"
        case .noextern: return "nullexternref"
        case .noexn: return "nullexnref"
        default: return "\(heapType)ref"
        }
    }
}

/// What a reference points to: one of the abstract heap types, or a type the module defines.
public enum HeapType: Sendable, Hashable, CustomStringConvertible {
    case `func`
    case nofunc
    case extern
    case noextern
    case any
    case eq
    case i31
    case `struct`
    case array
    case none
    case exn
    case noexn
    /// A type of the module's type section, by index.
    case concrete(UInt32)

    public var isConcrete: Bool {
        if case .concrete = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .func: "func"
        case .nofunc: "nofunc"
        case .extern: "extern"
        case .noextern: "noextern"
        case .any: "any"
        case .eq: "eq"
        case .i31: "i31"
        case .struct: "struct"
        case .array: "array"
        case .none: "none"
        case .exn: "exn"
        case .noexn: "noexn"
        case .concrete(let index): String(index)
        }
    }

    /// The abstract heap types by their binary code (a negative signed LEB128 value; the
    /// shorthand reference types use the same byte, `0x70` is `funcref`).
    init?(abstractCode code: Int64) {
        switch code {
        case -0x10: self = .func
        case -0x11: self = .extern
        case -0x12: self = .any
        case -0x13: self = .eq
        case -0x14: self = .i31
        case -0x15: self = .struct
        case -0x16: self = .array
        case -0x17: self = .exn
        case -0x0C: self = .noexn
        case -0x0D: self = .nofunc
        case -0x0E: self = .noextern
        case -0x0F: self = .none
        default: return nil
        }
    }

    /// The feature a module needs to name this heap type (nil for 2.0's `func` and `extern`).
    var feature: WasmFeature? {
        switch self {
        case .func, .extern: nil
        case .exn, .noexn: .exceptionHandling
        case .concrete: .functionReferences
        case .nofunc, .noextern, .any, .eq, .i31, .struct, .array, .none: .gc
        }
    }
}
