/// A WebAssembly value as the embedder sees it. Floats are kept as raw IEEE bits so that NaN
/// payloads pass through unchanged.
public enum Value: Sendable, Hashable, CustomStringConvertible {
    case i32(UInt32)
    case i64(UInt64)
    case f32(UInt32)
    case f64(UInt64)
    case v128(V128)
    /// A function reference (nil is `ref.null func`).
    case funcref(FunctionAddress?)
    /// An opaque host reference (nil is `ref.null extern`).
    case externref(ExternAddress?)
    /// A reference of the `any` hierarchy (nil is `ref.null any`).
    case anyref(AnyReference?)
    /// A reference of the `any` hierarchy made an `externref` by `extern.convert_any`.
    case externalized(AnyReference)
    /// A caught exception (nil is `ref.null exn`).
    case exnref(ExceptionAddress?)

    /// The value's type: for references, the most general type of its hierarchy (a function
    /// reference is a `funcref` whatever its signature).
    public var type: ValueType {
        switch self {
        case .i32: .i32
        case .i64: .i64
        case .f32: .f32
        case .f64: .f64
        case .v128: .v128
        case .funcref: .funcref
        case .externref: .externref
        case .anyref: .anyref
        case .externalized: .externref
        case .exnref: .exnref
        }
    }

    /// Whether the value is a null reference.
    public var isNull: Bool {
        switch self {
        case .funcref(nil), .externref(nil), .anyref(nil), .exnref(nil): true
        default: false
        }
    }

    public static func float(_ value: Float) -> Value { .f32(value.bitPattern) }
    public static func double(_ value: Double) -> Value { .f64(value.bitPattern) }

    /// The default value of a type: zero, or null of the reference's hierarchy. (A concrete heap
    /// type, which only a store can resolve, is taken to be a function type.)
    public static func zero(_ type: ValueType) -> Value {
        switch type {
        case .i32: .i32(0)
        case .i64: .i64(0)
        case .f32: .f32(0)
        case .f64: .f64(0)
        case .v128: .v128(V128(low: 0, high: 0))
        case .ref(let reference):
            switch reference.heapType {
            case .extern, .noextern: .externref(nil)
            case .any, .eq, .i31, .struct, .array, .none: .anyref(nil)
            case .exn, .noexn: .exnref(nil)
            case .func, .nofunc, .concrete: .funcref(nil)
            }
        }
    }

    public var description: String {
        switch self {
        case .i32(let v): "i32:\(Int32(bitPattern: v))"
        case .i64(let v): "i64:\(Int64(bitPattern: v))"
        case .f32(let v): "f32:\(Float(bitPattern: v))"
        case .f64(let v): "f64:\(Double(bitPattern: v))"
        case .v128(let v): "v128:\(v.low),\(v.high)"
        case .funcref(let f): f.map { "funcref:\($0.index)" } ?? "funcref:null"
        case .externref(let e): e.map { "externref:\($0.value)" } ?? "externref:null"
        case .anyref(let r): r.map { "anyref:\($0)" } ?? "anyref:null"
        case .externalized(let r): "externref:\(r)"
        case .exnref(let e): e.map { "exnref:\($0.index)" } ?? "exnref:null"
        }
    }
}

/// A function in a ``Store``.
public struct FunctionAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

/// A host value passed to WebAssembly as an `externref`.
public struct ExternAddress: Sendable, Hashable {
    public let value: UInt32
    public init(_ value: UInt32) { self.value = value }
}

/// A non-null reference of the `any` hierarchy as the host sees it.
public enum AnyReference: Sendable, Hashable, CustomStringConvertible {
    /// An unboxed 31-bit integer (`ref.i31`), kept sign-extended.
    case i31(Int32)
    /// A `struct` or `array` object, kept alive while the host holds it.
    case object(ObjectReference)
    /// A host value made an `anyref` by `any.convert_extern`.
    case host(ExternAddress)

    public var description: String {
        switch self {
        case .i31(let value): "i31:\(value)"
        case .object(let object): object.description
        case .host(let address): "host:\(address.value)"
        }
    }
}

/// An exception caught as an `exnref`.
public struct ExceptionAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

public struct TableAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

public struct MemoryAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

public struct GlobalAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

/// Something an instance exports or an import is satisfied with.
public enum ExternalValue: Sendable, Hashable {
    case function(FunctionAddress)
    case table(TableAddress)
    case memory(MemoryAddress)
    case global(GlobalAddress)
    case tag(TagAddress)

    public var kind: ExternalKind {
        switch self {
        case .function: .function
        case .table: .table
        case .memory: .memory
        case .global: .global
        case .tag: .tag
        }
    }
}
