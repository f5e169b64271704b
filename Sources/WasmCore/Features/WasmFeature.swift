/// A part of WebAssembly beyond the 2.0 baseline (MVP, sign extension, non-trapping conversions,
/// multi-value, bulk memory, reference types), which a module may use and an engine may enable.
///
/// Two questions are kept apart. *Enabled* is a choice of the embedder (``WasmFeatures``): with a
/// feature disabled, a module using it is rejected the way WebAssembly 2.0 rejects it ("illegal
/// opcode", "multiple memories", ...). *Supported* is what this engine can do with it today
/// (``support``): a module using an enabled feature beyond that is refused with an error naming the
/// feature, before any of its code runs.
public enum WasmFeature: String, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    case simd = "SIMD"
    case relaxedSIMD = "relaxed SIMD"
    case tailCall = "tail calls"
    case extendedConst = "extended constant expressions"
    case multiMemory = "multiple memories"
    case memory64 = "64-bit memories and tables"
    case exceptionHandling = "exception handling"
    /// `try`/`catch`/`delegate`/`rethrow`: not in WebAssembly 3.0, still emitted by toolchains.
    case legacyExceptions = "legacy exception handling"
    case functionReferences = "typed function references"
    case gc = "garbage collection"
    // Proposals beyond 3.0 whose test scripts the suite carries.
    case threads = "threads"
    case customPageSizes = "custom page sizes"
    case wideArithmetic = "wide arithmetic"
    case customDescriptors = "custom descriptors"

    public var description: String { rawValue }

    /// How far this engine implements a feature.
    public enum Support: Int, Sendable, Comparable {
        /// Modules using it cannot be decoded.
        case none
        /// Modules using it decode and validate, but cannot be instantiated.
        case validation
        /// Modules using it run.
        case execution

        public static func < (lhs: Support, rhs: Support) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// What this engine does with the feature today.
    public var support: Support {
        switch self {
        case .simd, .relaxedSIMD, .tailCall, .extendedConst, .multiMemory, .memory64, .exceptionHandling,
            .legacyExceptions, .functionReferences, .gc:
            .execution
        case .threads, .customPageSizes, .wideArithmetic, .customDescriptors:
            .none
        }
    }

    var bit: UInt32 { UInt32(1) << UInt32(Self.allCases.firstIndex(of: self) ?? 0) }
}

/// A set of ``WasmFeature``s: the ones a configuration enables, or the ones a module uses.
public struct WasmFeatures: OptionSet, Sendable, Hashable, CustomStringConvertible {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(_ feature: WasmFeature) { rawValue = feature.bit }

    public init(_ features: [WasmFeature]) {
        rawValue = features.reduce(0) { $0 | $1.bit }
    }

    public func contains(_ feature: WasmFeature) -> Bool { rawValue & feature.bit != 0 }

    public mutating func insert(_ feature: WasmFeature) { self.formUnion(WasmFeatures(feature)) }

    /// The members, in declaration order.
    public var members: [WasmFeature] { WasmFeature.allCases.filter(contains) }

    /// WebAssembly 2.0: the baseline plus fixed-width SIMD.
    public static let webAssembly2 = WasmFeatures([.simd])

    /// WebAssembly 3.0 as standardized.
    public static let webAssembly3 = WasmFeatures([
        .simd, .relaxedSIMD, .tailCall, .extendedConst, .multiMemory, .memory64, .exceptionHandling,
        .functionReferences, .gc,
    ])

    /// What an engine enables unless told otherwise: WebAssembly 3.0 and the legacy exception
    /// instructions that toolchains still emit.
    public static let `default` = webAssembly3.union(WasmFeatures(.legacyExceptions))

    /// The members whose support in this engine is below `level`, in declaration order.
    public func members(supportedBelow level: WasmFeature.Support) -> [WasmFeature] {
        members.filter { $0.support < level }
    }

    public var description: String { "[" + members.map(\.rawValue).joined(separator: ", ") + "]" }
}
