#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

let usage = """
    usage: vudo <command> [arguments]

    A module FILE is a binary .wasm or, named .wat, a module in the text format.

    commands:
      run FILE [--invoke NAME] [ARGS...]   run the module's _start (or NAME); a WASI command takes
                                           --dir HOST[::GUEST], --dir-ro, --env K=V, -- ARGS
      invoke FILE FUNC [ARGS...]           call an export; arguments are parsed by its signature
                                           (a v128 by lanes: i32x4:1,2,3,4, f32x4:..., or 0x + 32 digits)
        run and invoke take limits: --fuel N, --timeout SECONDS, --max-memory PAGES, --max-call-depth N,
          --max-heap MIB
      validate FILE                        decode and validate a module
      inspect FILE                         sections, types, imports, exports, memories, custom sections
      disasm FILE [--func N] [--internal]  function bodies in text form (or as internal code)
      opcodes [--markdown]                 print the opcode reference
      spectest [PATH|NAME...]              run WebAssembly spec test scripts (.wast, or wast2json output);
                                           a NAME such as core-2.0 is a folder of the suite found at
                                           $VUDO_SPEC_TESTSUITE, else ../shared/wasm-testsuite (from
                                           the current directory)
      codegen FILE|FILE.dol [--name TYPE] [-o OUT]   Swift interface / gene types
      wat2wasm FILE.wat [-o OUT] [--debug-names]   text format to binary (several FILEs: each
                                           X.wat to X.wasm); --debug-names adds a name section
      help [COMMAND]                       this text, or one command's usage (also COMMAND --help)
      --version                            the version of vudo
    """

func usageError(_ message: String? = nil) -> Never {
    if let message { printError("vudo: \(message)") }
    printError(usage)
    exit(2)
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard let command = arguments.first else { usageError() }
arguments.removeFirst()

// `vudo COMMAND --help` asks for help, whatever else follows.
if let first = arguments.first, first == "--help" || first == "-h", CommandHelp.print(command) { exit(0) }

let profiledRows = InstructionProfiling.startIfAsked()
let status: Int32
switch command {
case "validate": status = ValidateCommand.run(arguments)
case "inspect": status = InspectCommand.run(arguments)
case "disasm": status = DisassembleCommand.run(arguments)
case "opcodes": status = OpcodesCommand.run(arguments)
case "invoke": status = InvokeCommand.run(arguments)
case "run": status = RunCommand.run(arguments)
case "spectest": status = SpecTestCommand.run(arguments)
case "codegen": status = CodegenCommand.run(arguments)
case "wat2wasm": status = Wat2WasmCommand.run(arguments)
case "-h", "--help", "help":
    if let topic = arguments.first {
        guard CommandHelp.print(topic) else { usageError("no help for '\(topic)': not a command") }
    } else {
        print(usage)
    }
    status = 0
case "--version", "version":
    print("vudo \(vudoVersion)")
    status = 0
default: usageError("unknown command '\(command)'")
}
if let profiledRows { InstructionProfiling.report(top: profiledRows) }
exit(status)
