import WasmCore

/// The spec's rules for comparing a result with an expected value.
public enum ValueMatching {
    /// Canonical NaN: quiet bit set, rest of the payload zero, either sign.
    /// Arithmetic NaN: any NaN with the quiet bit set.
    public static func f32(bits: UInt32, matches pattern: NaNPattern) -> Bool {
        switch pattern {
        case .canonical: bits & 0x7FFF_FFFF == 0x7FC0_0000
        case .arithmetic: bits & 0x7FC0_0000 == 0x7FC0_0000
        }
    }

    public static func f64(bits: UInt64, matches pattern: NaNPattern) -> Bool {
        switch pattern {
        case .canonical: bits & 0x7FFF_FFFF_FFFF_FFFF == 0x7FF8_0000_0000_0000
        case .arithmetic: bits & 0x7FF8_0000_0000_0000 == 0x7FF8_0000_0000_0000
        }
    }

    public static func matches(_ actual: Value, _ expected: ExpectedValue) -> Bool {
        switch (expected, actual) {
        // A null of a defined type (`ref.null $t`) is read as a funcref's; a null of the result's
        // own hierarchy matches it.
        case (.exact(let value), _): return value == actual || (value == .funcref(nil) && actual.isNull)
        case (.f32NaN(let pattern), .f32(let bits)): return f32(bits: bits, matches: pattern)
        case (.f64NaN(let pattern), .f64(let bits)): return f64(bits: bits, matches: pattern)
        case (.v128(let laneType, let lanes), .v128(let vector)):
            let actualLanes = ValueParser.unpackLanes(vector, laneType)
            guard actualLanes.count == lanes.count else { return false }
            for (bits, lane) in zip(actualLanes, lanes) {
                switch lane {
                case .bits(let expectedBits):
                    if bits != expectedBits { return false }
                case .nan(let pattern):
                    let ok =
                        laneType == .f32
                        ? f32(bits: UInt32(truncatingIfNeeded: bits), matches: pattern)
                        : laneType == .f64 ? f64(bits: bits, matches: pattern) : false
                    if !ok { return false }
                }
            }
            return true
        case (.anyNull, .funcref(nil)), (.anyNull, .externref(nil)), (.anyNull, .exnref(nil)), (.anyNull, .anyref(nil)):
            return true
        case (.nonNull(let type), .funcref(.some)), (.nonNull(let type), .externref(.some)),
            (.nonNull(let type), .exnref(.some)), (.nonNull(let type), .externalized),
            (.nonNull(let type), .anyref(.some)):
            return type == nil || type == actual.type
        case (.nonNullAny(let kind), .anyref(let reference?)):
            return kind.matches(reference)
        default:
            return false
        }
    }

    static func matches(_ actual: [Value], _ expected: ExpectedResults) -> Bool {
        switch expected {
        case .values(let values):
            guard actual.count == values.count else { return false }
            return zip(actual, values).allSatisfy { matches($0, $1) }
        case .either(let alternatives):
            guard actual.count == 1, let value = actual.first else { return false }
            return alternatives.contains { matches(value, $0) }
        }
    }
}
