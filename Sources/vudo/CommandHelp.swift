import Vudo
import VudoWASI
import WasmSpecTest

/// What `vudo help COMMAND` and `vudo COMMAND --help` print: one command's usage, with its
/// options, rather than the overview every command shares.
enum CommandHelp {
    static let limits = "limits: " + LimitOptions.usage

    static let texts: [String: String] = [
        "run": """
        usage: vudo run FILE [--invoke NAME] [LIMITS] [ARGS...]
          Runs _start (or NAME) of FILE as a Spirit linked against the core and messaging Loas;
          ARGS are parsed by the function's signature. A WASI command (one that imports
          wasi_snapshot_preview1) runs with its own options and exits with its own status:
            vudo \(WASICommandLine.usage)
          \(limits)
        """,
        "invoke": """
        usage: vudo invoke FILE FUNC [LIMITS] [ARGS...]
          Calls the export FUNC and prints its results. ARGS are parsed by its signature: decimal,
          floats (nan, inf too), 0x bit patterns; a v128 by lanes (i32x4:1,2,3,4, f32x4:...,
          i8x16:...) or 0x and 32 hex digits.
          \(limits)
        """,
        "validate":
            "usage: vudo validate FILE\n  Decodes and validates FILE; exits 1 with the typed error when it is invalid.",
        "inspect": """
        usage: vudo inspect FILE
          Sections, types, imports, exports, memories and custom sections, and the Loas and
          capabilities the imports need.
        """,
        "disasm": """
        usage: vudo disasm FILE [--func N] [--internal]
          Function bodies in text form (only function N with --func), or the interpreter's
          internal code with --internal.
        """,
        "opcodes": "usage: vudo opcodes [--markdown]\n  The opcode reference (as Markdown: docs/opcodes.md).",
        "codegen": CodegenCommand.usage + """

              A .wasm or .wat FILE: a typed Swift interface for its exports (TYPE names it).
              A .dol FILE: Swift Gene types, with their layouts, for its genes.
            """,
        "wat2wasm": Wat2WasmCommand.usage + """

              The text format to a binary module (several FILEs: each X.wat to X.wasm);
              --debug-names adds a name section.
            """,
    ]

    /// Prints the usage of `command`; false when there is no such command.
    static func print(_ command: String) -> Bool {
        if command == "spectest" {
            _ = spectestMain(arguments: ["--help"])
            return true
        }
        guard let text = texts[command] else { return false }
        Swift.print(text)
        return true
    }
}
