import WasmCore
import WasmText

/// `.wast` values and result patterns as the engine's values and the runner's expectations.
///
enum WastValueConversion {
    enum Refusal: Error {
        case unsupported(WasmFeature)
        case malformed(String)
    }

    static func argument(_ value: WastValue) throws(Refusal) -> Value {
        switch value {
        case .i32(let bits): return .i32(bits)
        case .i64(let bits): return .i64(bits)
        case .f32(let bits): return .f32(bits)
        case .f64(let bits): return .f64(bits)
        case .v128(let bytes):
            guard bytes.count == 16 else { throw .malformed("v128 with \(bytes.count) bytes") }
            var low: UInt64 = 0
            var high: UInt64 = 0
            for index in 0..<8 {
                low |= UInt64(bytes[index]) << UInt64(8 * index)
                high |= UInt64(bytes[index + 8]) << UInt64(8 * index)
            }
            return .v128(V128(low: low, high: high))
        case .refNull(let heap):
            switch heap {
            case .abstract("func"), .abstract("nofunc"): return .funcref(nil)
            case .abstract("extern"), .abstract("noextern"): return .externref(nil)
            case .abstract("exn"), .abstract("noexn"): return .exnref(nil)
            case .abstract("any"), .abstract("eq"), .abstract("i31"), .abstract("struct"), .abstract("array"),
                .abstract("none"):
                return .anyref(nil)
            case .abstract(let name): throw .malformed("null of unknown type \(name)")
            // A null of a defined type: the runner gives it the parameter's hierarchy
            // (`ScriptRun.adapt`).
            case .index: return .funcref(nil)
            }
        case .refExtern(let number):
            // Reference N stands for host reference N; the same N must give the same reference.
            return .externref(ExternAddress(number))
        case .refHost(let number):
            // A host value of the `any` hierarchy: what `any.convert_extern` makes of reference N.
            return .anyref(.host(ExternAddress(number)))
        }
    }

    static func expected(_ result: WastResult) throws(Refusal) -> ExpectedValue {
        switch result {
        case .value(let value): return .exact(try argument(value))
        case .f32NaN(let nan): return .f32NaN(pattern(nan))
        case .f64NaN(let nan): return .f64NaN(pattern(nan))
        case .v128(let shape, let lanes):
            let laneType: LaneType
            switch shape {
            case .i8x16: laneType = .i8
            case .i16x8: laneType = .i16
            case .i32x4: laneType = .i32
            case .i64x2: laneType = .i64
            case .f32x4: laneType = .f32
            case .f64x2: laneType = .f64
            }
            return .v128(
                laneType,
                lanes.map { lane in
                    switch lane {
                    case .bits(let bits): .bits(bits)
                    case .nan(let nan): .nan(pattern(nan))
                    }
                })
        case .anyNull: return .anyNull
        case .anyReference: return .nonNull(nil)
        case .referenceOfKind("func"): return .nonNull(.funcref)
        case .referenceOfKind("extern"): return .nonNull(.externref)
        case .referenceOfKind("exn"): return .nonNull(.exnref)
        case .referenceOfKind(let kind):
            guard let kind = AnyReferenceKind(rawValue: kind) else { throw .malformed("reference kind \(kind)") }
            return .nonNullAny(kind)
        case .either: throw .malformed("`either` inside a list of results")
        }
    }

    private static func pattern(_ nan: WastNaN) -> NaNPattern {
        switch nan {
        case .canonical: .canonical
        case .arithmetic: .arithmetic
        }
    }
}
