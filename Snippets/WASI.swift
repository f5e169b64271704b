import Foundation
import Vudo
import VudoWASI
import WasmCore

// The program may see only what is granted: here, a fresh directory, read-only, as /data.
let box = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-box-\(getpid())")
try FileManager.default.createDirectory(at: box, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(at: box) }

let module = try Module(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: "Fixtures/wasi/hello.wasm"))))
let output = WASIBuffer()
var configuration = WASIConfiguration(arguments: ["hello"], stdout: output.output)
configuration.preopens = [WASIPreopen(hostPath: box.path, guestPath: "/data", readOnly: true)]
configuration.environment = ["LANG": "C"]
let exitCode = try WASI(configuration).run(module)  // proc_exit(n) gives n; the host goes on
print("exit code:", exitCode)
print(output.text, terminator: "")
