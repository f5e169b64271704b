/// What a WASI program is given: its arguments, environment, the directories it may reach, its
/// standard streams, and where time and randomness come from.
///
/// Nothing of the host is granted by default: no environment variables, no directories. The
/// standard streams are the process's own unless replaced.
///
/// ```swift
/// var configuration = WASIConfiguration(arguments: ["hello.wasm"])
/// configuration.preopens = [WASIPreopen(hostPath: "/tmp/data", guestPath: "/data", readOnly: true)]
/// let wasi = try WASI(configuration)
/// ```

import Vudo
import WasmCore

public struct WASIConfiguration: Sendable {
    /// `argv`, the program name first.
    public var arguments: [String]
    /// The environment variables the program sees (`environ_get`), listed in key order.
    public var environment: [String: String]
    /// Host directories the program may use, each under a guest path; they become descriptors 3, 4, ...
    public var preopens: [WASIPreopen]
    public var stdin: WASIInput
    public var stdout: WASIOutput
    public var stderr: WASIOutput
    /// Answers `clock_time_get` and `clock_res_get`, and does the sleeping of `poll_oneoff`.
    public var clock: WASIClock
    /// Fills `random_get` buffers.
    public var random: WASIRandom

    public init(
        arguments: [String] = [], environment: [String: String] = [:], preopens: [WASIPreopen] = [],
        stdin: WASIInput = .standardInput, stdout: WASIOutput = .standardOutput,
        stderr: WASIOutput = .standardError, clock: WASIClock = .system, random: WASIRandom = .system
    ) {
        self.arguments = arguments
        self.environment = environment
        self.preopens = preopens
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        self.clock = clock
        self.random = random
    }
}

/// A host directory granted to the program: everything under it, and nothing outside.
public struct WASIPreopen: Sendable, Hashable {
    /// The directory on the host.
    public var hostPath: String
    /// The name the program sees (`fd_prestat_dir_name`), e.g. `/data` or `.`.
    public var guestPath: String
    /// When set, the program may read but never create, change, rename or remove anything under it.
    public var readOnly: Bool

    public init(hostPath: String, guestPath: String? = nil, readOnly: Bool = false) {
        self.hostPath = hostPath
        self.guestPath = guestPath ?? hostPath
        self.readOnly = readOnly
    }
}
