import Vudo
import WasmCore

/// Thrown by `proc_exit`: the program asked to end with this exit code.
///
/// It stops the guest like a trap; the embedder finds it as the `Trap.underlyingError` of the
/// trap, or in a Spirit's `SpiritError.hostFunction(function:module:name:error:)`;
/// ``unwrap(_:)`` looks in all of these. The host process goes on.
public struct WASIExit: Error, Sendable, Hashable, CustomStringConvertible {
    public var code: UInt32

    public init(code: UInt32) { self.code = code }

    public var description: String { "exit with code \(code)" }

    /// The exit request inside a trap or a Spirit error, if that is what stopped the program.
    public static func unwrap(_ error: any Error) -> WASIExit? {
        switch error {
        case let exit as WASIExit: return exit
        case let trap as Trap: return trap.underlyingError.flatMap(unwrap)
        case let failure as HostFunctionFailure: return unwrap(failure.error)
        case let spiritError as SpiritError:
            switch spiritError {
            case .trap(_, let trap): return unwrap(trap)
            case .hostFunction(_, _, _, let error): return unwrap(error)
            default: return nil
            }
        default: return nil
        }
    }
}

/// Why a ``WASI`` could not be set up or a command could not be run.
public enum WASIError: Error, Sendable, CustomStringConvertible {
    /// A pre-opened directory could not be opened on the host.
    case preopen(hostPath: String, reason: String)
    /// The module could not be read, decoded, validated or instantiated.
    case module(String)
    /// The module has no `_start` function of type `() -> ()`.
    case notACommand(String)
    /// The program trapped (anything but `proc_exit`).
    case trap(Trap)

    public var description: String {
        switch self {
        case .preopen(let path, let reason): "cannot pre-open \(path): \(reason)"
        case .module(let message): message
        case .notACommand(let message): message
        case .trap(let trap): "trap: \(trap)"
        }
    }
}
