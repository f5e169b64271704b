extension Loa {
    /// The core Loa's name.
    public static let coreName = "core"

    /// Module names that reach the core Loa's `vudo_*` functions by field name, for Spirits built
    /// by the DOL toolchain and the reference runtime: `(import "env" "vudo_print" ...)`.
    public static let coreCompatibilityModules: Set<String> = ["env", "vudo", "loa"]

    /// The core Loa, `core` 1.0.0: the host ABI every Spirit may use, each function under the
    /// capability in brackets (all granted by default, see ``LoaGrant/core``).
    ///
    /// - output [print]: `vudo_print(ptr i32, len i32)`, `vudo_println(ptr, len)`,
    ///   `vudo_log(level i32, ptr, len)`, `vudo_error(ptr, len)`
    /// - memory [alloc]: `vudo_alloc(size i32) -> i32`, `vudo_free(ptr i32, size i32)`,
    ///   `vudo_realloc(ptr, old, new) -> i32`
    /// - time [time]: `vudo_now() -> i64` (ms since the epoch), `vudo_monotonic_now() -> i64` (ns)
    /// - randomness [random]: `vudo_random() -> f64` in [0, 1), `vudo_random_bytes(ptr, len)`
    /// - debugging [debug]: `vudo_debug(ptr, len)`, `vudo_assert(cond i32, ptr, len)`,
    ///   `vudo_panic(ptr, len)`, `vudo_abort(msg i32, msg_len i32, file i32, file_len i32, line i32)`
    /// - effects [effects]: `vudo_emit_effect(id i32, payload i32) -> i32`
    ///
    /// Strings are raw UTF-8 `(ptr, len)`. Output, time, randomness and effects go where the
    /// Spirit's ``SpiritOptions`` send them.
    public static let core = Loa(coreName, version: "1.0.0") { loa in
        CoreFunctions.addOutput(to: &loa)
        CoreFunctions.addMemory(to: &loa)
        CoreFunctions.addTimeAndRandomness(to: &loa)
        CoreFunctions.addDebugging(to: &loa)
        CoreFunctions.addEffects(to: &loa)
    }
}

/// The core Loa's functions, one group per file.
enum CoreFunctions {}
