/// Where `vudo_random` and `vudo_random_bytes` draw from: the system's generator, or a seeded one
/// for reproducible runs.
///
/// A source is a recipe: every Spirit loaded with it gets its own generator, so a seeded Spirit
/// draws the same sequence however many others run beside it.
public struct RandomSource: Sendable {
    private let makeGenerator: @Sendable () -> any RandomNumberGenerator

    public init(_ makeGenerator: @escaping @Sendable () -> any RandomNumberGenerator) {
        self.makeGenerator = makeGenerator
    }

    /// The operating system's cryptographically secure generator.
    public static let system = RandomSource { SystemRandomNumberGenerator() }

    /// A deterministic generator (SplitMix64) started from `seed`.
    public static func seeded(_ seed: UInt64) -> RandomSource { RandomSource { SplitMix64(seed: seed) } }

    func generator() -> SpiritRandomGenerator { SpiritRandomGenerator(makeGenerator()) }
}

/// One Spirit's random number generator, as its host functions draw from it.
public final class SpiritRandomGenerator: RandomNumberGenerator {
    private var base: any RandomNumberGenerator

    init(_ base: any RandomNumberGenerator) { self.base = base }

    public func next() -> UInt64 { base.next() }

    /// A double in [0, 1) from the top 53 bits of one draw, so a seed gives the same numbers on
    /// every platform and Swift version.
    public func nextUnitDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// `count` random bytes, eight per draw, little-endian.
    public func bytes(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count)
        while bytes.count < count {
            var word = next()
            for _ in 0..<min(8, count - bytes.count) {
                bytes.append(UInt8(truncatingIfNeeded: word))
                word >>= 8
            }
        }
        return bytes
    }
}

/// Steele, Lea and Flood's SplitMix64: small, fast, and fully determined by its seed.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
