extension Loa {
    /// The core Loa's name.
    public static let coreName = "core"

    /// Import modules that are not Loa names but ABIs over the granted Loas, for Spirits of the
    /// DOL toolchain and of `@vudo/runtime`:
    ///
    /// - `vudo`: the DOL compiler's host ABI, 22 functions, each covered by the core or the
    ///   messaging Loa's grant.
    /// - `env`: what `@vudo/runtime`'s loader links: any granted Loa's function by name (a later
    ///   grant wins, as a later Loa does there), so the core Loa's and the messaging Loa's shapes.
    /// - `loa`: what the DOL compiler emits for a body-less `sex fun`: the `vudo` function of
    ///   that name when its signature fits, else what `env` would link.
    public static let abiModules: Set<String> = ["env", "vudo", "loa"]

    /// The ABI modules' former name.
    @available(*, deprecated, renamed: "abiModules")
    public static var coreCompatibilityModules: Set<String> { abiModules }

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
    /// These are the shapes of `@vudo/runtime`; Spirits reach them as `core` or `env`. The DOL
    /// compiler's ABI (module `vudo`) offers the same services in its own shapes under the same
    /// capabilities. Strings are raw UTF-8 `(ptr, len)`. Output, time, randomness and effects go where the
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
