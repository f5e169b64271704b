extension TrapReason {
    /// Who stopped a run. An embedder handles each differently: a guest trap is the module's own
    /// fault (report it, perhaps reload the module), a limit is the embedder's policy at work
    /// (retry with more fuel or time, or give up), a host failure is a bug or an outage on the
    /// host side, and an engine failure is a defect of this runtime worth reporting.
    public enum Origin: Sendable, Hashable, CustomStringConvertible {
        /// The guest broke a rule of WebAssembly (out-of-bounds access, `unreachable`, division by
        /// zero, exhausted call stack, ...) or let an exception escape.
        case guest
        /// One of the embedder's limits stopped the run: fuel, a deadline, cancellation, or the heap's
        /// size.
        case limit
        /// A host function threw.
        case host
        /// The engine itself failed.
        case engine

        public var description: String {
            switch self {
            case .guest: "guest trap"
            case .limit: "stopped by a limit"
            case .host: "host failure"
            case .engine: "engine failure"
            }
        }
    }

    public var origin: Origin {
        switch self {
        case .outOfFuel, .deadlineExceeded, .cancelled, .heapLimitExceeded: .limit
        case .host: .host
        case .internalError: .engine
        case .unreachable, .memoryOutOfBounds, .tableOutOfBounds, .integerDivideByZero, .integerOverflow,
            .invalidConversionToInteger, .indirectCallTypeMismatch, .undefinedElement, .uninitializedElement,
            .callStackExhausted, .nullFunctionReference, .nullReference, .nullExceptionReference, .exception,
            .nullStructureReference, .nullArrayReference, .nullI31Reference, .arrayOutOfBounds, .castFailure:
            .guest
        }
    }
}
