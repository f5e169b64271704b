/// Why execution trapped. The descriptions are the spec test suite's expected texts.
public enum TrapReason: Error, Sendable, Hashable, CustomStringConvertible {
    case unreachable
    case memoryOutOfBounds
    case tableOutOfBounds
    case integerDivideByZero
    case integerOverflow
    case invalidConversionToInteger
    case indirectCallTypeMismatch
    case undefinedElement
    /// `call_indirect` met a null entry; the table index it looked up.
    case uninitializedElement(UInt32)
    case callStackExhausted
    /// `call_ref` (or `return_call_ref`) met a null reference.
    case nullFunctionReference
    /// `ref.as_non_null` met a null reference.
    case nullReference
    /// `throw_ref` met a null exception reference.
    case nullExceptionReference
    /// A `struct`, `array` or `i31` instruction met a null reference.
    case nullStructureReference
    case nullArrayReference
    case nullI31Reference
    /// An array access or bulk operation went past the array's length.
    case arrayOutOfBounds
    /// `ref.cast` met a reference not of the target type.
    case castFailure
    /// A WebAssembly exception left the guest uncaught: its tag and values. Not a trap in the
    /// spec's sense (a caller of the guest may handle it), but what a call from the host ends
    /// with; a host function that throws it (or a ``WasmException``) throws it on into the guest.
    case exception(WasmException)
    case outOfFuel
    /// Allocating a struct or array would pass ``EngineConfiguration/maxHeapBytes``, even after
    /// collecting garbage.
    case heapLimitExceeded
    case deadlineExceeded
    case cancelled
    /// A host function failed; its message.
    case host(String)
    /// The engine failed: a translator or interpreter defect, never the guest's doing. (Features
    /// the engine cannot run are refused at instantiation, before any code runs.)
    case internalError(String)

    public var description: String {
        switch self {
        case .unreachable: "unreachable"
        case .memoryOutOfBounds: "out of bounds memory access"
        case .tableOutOfBounds: "out of bounds table access"
        case .integerDivideByZero: "integer divide by zero"
        case .integerOverflow: "integer overflow"
        case .invalidConversionToInteger: "invalid conversion to integer"
        case .indirectCallTypeMismatch: "indirect call type mismatch"
        case .undefinedElement: "undefined element"
        case .uninitializedElement(let index): "uninitialized element \(index)"
        case .callStackExhausted: "call stack exhausted"
        case .nullFunctionReference: "null function reference"
        case .nullReference: "null reference"
        case .nullExceptionReference: "null exception reference"
        case .nullStructureReference: "null structure reference"
        case .nullArrayReference: "null array reference"
        case .nullI31Reference: "null i31 reference"
        case .arrayOutOfBounds: "out of bounds array access"
        case .castFailure: "cast failure"
        case .exception(let exception): "uncaught exception: \(exception)"
        case .outOfFuel: "out of fuel"
        case .heapLimitExceeded: "heap limit exceeded"
        case .deadlineExceeded: "deadline exceeded"
        case .cancelled: "cancelled"
        case .host(let message): message
        case .internalError(let what): "internal error: \(what)"
        }
    }
}

/// A trap: execution stopped. The instance stays usable for later calls.
public struct Trap: Error, Sendable, CustomStringConvertible {
    public var reason: TrapReason
    /// The error a host function threw, when that is what stopped execution.
    public var underlyingError: (any Error)?
    /// The wasm call stack at the trap, innermost first, as function names (from the `name`
    /// section when present, else `func[N]`); at most ``maxBacktraceLength`` of them.
    public var backtrace: [String]
    /// How many outer frames the backtrace leaves out.
    public var omittedFrames = 0
    /// The innermost frames a backtrace names.
    public static let maxBacktraceLength = 64

    public init(_ reason: TrapReason, backtrace: [String] = [], underlyingError: (any Error)? = nil) {
        self.reason = reason
        self.underlyingError = underlyingError
        self.backtrace = backtrace
    }

    public var description: String {
        guard !backtrace.isEmpty else { return reason.description }
        let frames = backtrace.enumerated().map { "  \($0.offset): \($0.element)" }
        let omitted = omittedFrames == 0 ? [] : ["  ... \(omittedFrames) more frame\(omittedFrames == 1 ? "" : "s")"]
        return ([reason.description] + frames + omitted).joined(separator: "\n")
    }
}
