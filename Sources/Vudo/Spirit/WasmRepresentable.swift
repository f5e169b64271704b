/// A Swift type that crosses the WebAssembly boundary as one value: `Int32`, `UInt32` (i32),
/// `Int64`, `UInt64` (i64), `Float` (f32), `Double` (f64), `Bool` (i32, non-zero is true) and
/// `V128` (v128: build one from any lane shape, `V128(SIMD4<Float>(...))`, and read it back the
/// same way, `.f32x4`).

import WasmCore

public protocol WasmRepresentable: Sendable {
    static var wasmType: ValueType { get }
    var wasmValue: Value { get }
    /// nil when the value is not of ``wasmType``.
    init?(wasmValue: Value)
}

extension Int32: WasmRepresentable {
    public static var wasmType: ValueType { .i32 }
    public var wasmValue: Value { .i32(UInt32(bitPattern: self)) }
    public init?(wasmValue: Value) { guard case .i32(let v) = wasmValue else { return nil }; self.init(bitPattern: v) }
}

extension UInt32: WasmRepresentable {
    public static var wasmType: ValueType { .i32 }
    public var wasmValue: Value { .i32(self) }
    public init?(wasmValue: Value) { guard case .i32(let v) = wasmValue else { return nil }; self = v }
}

extension Int64: WasmRepresentable {
    public static var wasmType: ValueType { .i64 }
    public var wasmValue: Value { .i64(UInt64(bitPattern: self)) }
    public init?(wasmValue: Value) { guard case .i64(let v) = wasmValue else { return nil }; self.init(bitPattern: v) }
}

extension UInt64: WasmRepresentable {
    public static var wasmType: ValueType { .i64 }
    public var wasmValue: Value { .i64(self) }
    public init?(wasmValue: Value) { guard case .i64(let v) = wasmValue else { return nil }; self = v }
}

extension Float: WasmRepresentable {
    public static var wasmType: ValueType { .f32 }
    public var wasmValue: Value { .f32(bitPattern) }
    public init?(wasmValue: Value) { guard case .f32(let v) = wasmValue else { return nil }; self.init(bitPattern: v) }
}

extension Double: WasmRepresentable {
    public static var wasmType: ValueType { .f64 }
    public var wasmValue: Value { .f64(bitPattern) }
    public init?(wasmValue: Value) { guard case .f64(let v) = wasmValue else { return nil }; self.init(bitPattern: v) }
}

extension Bool: WasmRepresentable {
    public static var wasmType: ValueType { .i32 }
    public var wasmValue: Value { .i32(self ? 1 : 0) }
    public init?(wasmValue: Value) { guard case .i32(let v) = wasmValue else { return nil }; self = v != 0 }
}

extension V128: WasmRepresentable {
    public static var wasmType: ValueType { .v128 }
    public var wasmValue: Value { .v128(self) }
    public init?(wasmValue: Value) { guard case .v128(let v) = wasmValue else { return nil }; self = v }
}
