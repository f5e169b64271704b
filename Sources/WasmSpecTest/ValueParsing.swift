import WasmCore

/// The two NaN classes a script may expect instead of exact bits.
public enum NaNPattern: String, Sendable, Equatable {
    case canonical = "nan:canonical"
    case arithmetic = "nan:arithmetic"
}

/// The shape of a v128 constant in a script.
public enum LaneType: String, Sendable, Equatable {
    case i8, i16, i32, i64, f32, f64

    public var bitWidth: Int {
        switch self {
        case .i8: 8
        case .i16: 16
        case .i32, .f32: 32
        case .i64, .f64: 64
        }
    }

    public var laneCount: Int { 128 / bitWidth }
    public var isFloat: Bool { self == .f32 || self == .f64 }
}

/// One lane of an expected v128: exact bits, or a NaN class for float lanes.
public enum ExpectedLane: Sendable, Equatable {
    case bits(UInt64)
    case nan(NaNPattern)
}

/// One expected result of an `assert_return`.
public enum ExpectedValue: Sendable, Equatable, CustomStringConvertible {
    /// Integers, floats and references, compared exactly (floats by bits).
    case exact(Value)
    case f32NaN(NaNPattern)
    case f64NaN(NaNPattern)
    case v128(LaneType, [ExpectedLane])
    /// `(ref.null)`: a null reference of any type.
    case anyNull
    /// `(ref.func)`, `(ref.extern)`: a non-null reference of that type; `(ref)` (nil): any.
    case nonNull(ValueType?)
    /// `(ref.any)`, `(ref.eq)`, `(ref.i31)`, `(ref.struct)`, `(ref.array)`: a non-null reference
    /// of that part of the `any` hierarchy.
    case nonNullAny(AnyReferenceKind)

    public var description: String {
        switch self {
        case .exact(let value): describe(value)
        case .f32NaN(let pattern): "f32:\(pattern.rawValue)"
        case .f64NaN(let pattern): "f64:\(pattern.rawValue)"
        case .v128(let laneType, let lanes):
            "v128:\(laneType.rawValue)x\(laneType.laneCount)["
                + lanes.map { lane in
                    switch lane {
                    case .bits(let bits): String(bits)
                    case .nan(let pattern): pattern.rawValue
                    }
                }.joined(separator: " ") + "]"
        case .anyNull: "null reference"
        case .nonNull(let type): "non-null \(type.map(\.description) ?? "reference")"
        case .nonNullAny(let kind): "non-null \(kind.rawValue)ref"
        }
    }
}

/// The parts of the `any` hierarchy a result pattern can name.
public enum AnyReferenceKind: String, Sendable {
    case any, eq, i31, `struct`, array

    func matches(_ reference: AnyReference) -> Bool {
        switch (self, reference) {
        case (.any, _): true
        case (.eq, .i31), (.eq, .object), (.i31, .i31): true
        case (.struct, .object(let object)): object.kind == .structure
        case (.array, .object(let object)): object.kind == .array
        default: false
        }
    }
}

/// What a command's `expected` (or `either`) asks of the results.
enum ExpectedResults: Sendable {
    case values([ExpectedValue])
    /// A single result equal to any one of the alternatives (relaxed SIMD).
    case either([ExpectedValue])
}

struct ValueParseError: Error, Sendable {
    var message: String
}

/// Reads wast2json values: numbers are decimal strings of the unsigned bit pattern.
enum ValueParser {
    static func argument(_ json: JSONValue) throws(ValueParseError) -> Value {
        switch try expected(json) {
        case .exact(let value): return value
        case .v128(let laneType, let lanes):
            var bits: [UInt64] = []
            for lane in lanes {
                guard case .bits(let value) = lane else { throw ValueParseError(message: "NaN pattern in an argument") }
                bits.append(value)
            }
            return .v128(try packLanes(bits, laneType))
        case .f32NaN, .f64NaN, .anyNull, .nonNull, .nonNullAny:
            throw ValueParseError(message: "pattern in an argument")
        }
    }

    static func expected(_ json: JSONValue) throws(ValueParseError) -> ExpectedValue {
        guard let type = json["type"]?.stringValue else { throw ValueParseError(message: "value without a type") }
        let text = json["value"]?.stringValue
        switch type {
        case "i32": return .exact(.i32(try integer(text, UInt32.self)))
        case "i64": return .exact(.i64(try integer(text, UInt64.self)))
        case "f32":
            if let pattern = text.flatMap(NaNPattern.init(rawValue:)) { return .f32NaN(pattern) }
            return .exact(.f32(try integer(text, UInt32.self)))
        case "f64":
            if let pattern = text.flatMap(NaNPattern.init(rawValue:)) { return .f64NaN(pattern) }
            return .exact(.f64(try integer(text, UInt64.self)))
        case "funcref":
            guard text == "null" else {
                throw ValueParseError(message: "non-null funcref constant \(text ?? "(none)")")
            }
            return .exact(.funcref(nil))
        case "externref":
            if text == "null" { return .exact(.externref(nil)) }
            // Reference N stands for host reference N; the same N must give the same reference.
            return .exact(.externref(ExternAddress(try integer(text, UInt32.self))))
        case "v128":
            let laneType = try laneTypeFrom(json)
            guard let elements = json["value"]?.arrayValue else { throw ValueParseError(message: "v128 without lanes") }
            guard elements.count == laneType.laneCount else {
                throw ValueParseError(message: "v128 with \(elements.count) \(laneType.rawValue) lanes")
            }
            var lanes: [ExpectedLane] = []
            lanes.reserveCapacity(elements.count)
            for element in elements {
                let laneText = element.stringValue
                if laneType.isFloat, let pattern = laneText.flatMap(NaNPattern.init(rawValue:)) {
                    lanes.append(.nan(pattern))
                    continue
                }
                let bits = try integer(laneText, UInt64.self)
                guard laneType.bitWidth == 64 || bits >> UInt64(laneType.bitWidth) == 0 else {
                    throw ValueParseError(message: "lane value \(bits) too wide for \(laneType.rawValue)")
                }
                lanes.append(.bits(bits))
            }
            return .v128(laneType, lanes)
        default:
            throw ValueParseError(message: "unsupported value type \(type)")
        }
    }

    private static func laneTypeFrom(_ json: JSONValue) throws(ValueParseError) -> LaneType {
        guard let name = json["lane_type"]?.stringValue, let laneType = LaneType(rawValue: name) else {
            throw ValueParseError(message: "v128 without a valid lane_type")
        }
        return laneType
    }

    private static func integer<T: FixedWidthInteger & UnsignedInteger>(
        _ text: String?, _: T.Type
    ) throws(ValueParseError) -> T {
        guard let text else { throw ValueParseError(message: "value missing") }
        guard let value = T(text) else { throw ValueParseError(message: "bad \(T.bitWidth)-bit value \"\(text)\"") }
        return value
    }

    /// Lane 0 is the least significant (little-endian lane order).
    static func packLanes(_ lanes: [UInt64], _ laneType: LaneType) throws(ValueParseError) -> V128 {
        guard lanes.count == laneType.laneCount else { throw ValueParseError(message: "wrong lane count") }
        let width = laneType.bitWidth
        let perWord = 64 / width
        let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        var low: UInt64 = 0
        var high: UInt64 = 0
        for (index, lane) in lanes.enumerated() {
            let shifted = (lane & mask) << UInt64((index % perWord) * width)
            if index < perWord { low |= shifted } else { high |= shifted }
        }
        return V128(low: low, high: high)
    }

    static func unpackLanes(_ vector: V128, _ laneType: LaneType) -> [UInt64] {
        let width = laneType.bitWidth
        let perWord = 64 / width
        let mask: UInt64 = width == 64 ? ~0 : (1 << UInt64(width)) - 1
        return (0..<laneType.laneCount).map { index in
            let word = index < perWord ? vector.low : vector.high
            return (word >> UInt64((index % perWord) * width)) & mask
        }
    }
}

/// Value descriptions for failure messages: bits in hex where exactness matters.
func describe(_ value: Value) -> String {
    switch value {
    case .i32(let v): "i32:\(v)"
    case .i64(let v): "i64:\(v)"
    case .f32(let v): "f32:\(Float(bitPattern: v)) (0x\(String(v, radix: 16)))"
    case .f64(let v): "f64:\(Double(bitPattern: v)) (0x\(String(v, radix: 16)))"
    case .v128(let v): "v128:0x\(hex64(v.high))\(hex64(v.low))"
    case .funcref(let f): f.map { "funcref:\($0.index)" } ?? "funcref:null"
    case .externref(let e): e.map { "externref:\($0.value)" } ?? "externref:null"
    case .anyref, .externalized, .exnref: value.description
    }
}

private func hex64(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}

extension ExpectedValue {
    /// Reads an expected value in wast2json's format.
    public init(parsing json: JSONValue) throws {
        self = try ValueParser.expected(json)
    }
}

extension Value {
    /// Reads an argument value in wast2json's format.
    public init(parsing json: JSONValue) throws {
        self = try ValueParser.argument(json)
    }
}
