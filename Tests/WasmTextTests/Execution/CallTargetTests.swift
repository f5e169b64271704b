import Testing
@_spi(Tools) import WasmCore
import WasmText

/// A call names its callee's entry directly, and a call to a function of the module's own skips
/// the checks an import needs (a host function, another instance's memory): both kinds of callee,
/// side by side, must still see their own instance.
@Suite struct CallTargetTests {
    /// Reads its own memory: byte 0 is 7 here and 0 in the caller's memory.
    static let library = """
        (module
          (memory 1)
          (data (i32.const 0) "\\07")
          (func (export "first_byte") (result i32) (i32.load8_u (i32.const 0))))
        """

    static let caller = """
        (module
          (import "library" "first_byte" (func $imported (result i32)))
          (import "host" "double" (func $double (param i32) (result i32)))
          (memory 1)
          (data (i32.const 0) "\\00")
          (func $own (result i32) (i32.add (i32.load8_u (i32.const 0)) (i32.const 100)))
          (func (export "both") (result i32)
            ;; 7 from the library's memory, 100 from this one's, doubled by the host: 214.
            (call $double (i32.add (call $imported) (call $own))))
          (func (export "own_after_import") (result i32)
            (drop (call $imported))
            (call $own)))
        """

    private func linked() throws -> Running {
        let store = Store()
        let library = try Running(Self.library, in: store, imports: Imports())
        var imports = Imports()
        guard let firstByte = library.instance.exportedFunction("first_byte") else {
            throw MissingExport(name: "first_byte")
        }
        imports.define(module: "library", name: "first_byte", .function(firstByte))
        let double = store.addHostFunction(
            HostFunction(type: FunctionType(parameters: [.i32], results: [.i32])) { _, arguments in
                guard case .i32(let x) = arguments.first else { return [] }
                return [.i32(x &* 2)]
            })
        imports.define(module: "host", name: "double", .function(double))
        return try Running(Self.caller, in: store, imports: imports)
    }

    @Test func eachCalleeRunsInItsOwnInstance() throws {
        let module = try linked()
        #expect(try module.call("both") == [.i32(214)])
        // Back from the library, the module's own function reads the caller's memory again.
        #expect(try module.call("own_after_import") == [.i32(100)])
    }

    @Test func onlyTheModulesOwnFunctionsAreCalledWithoutChecks() throws {
        let module = try linked()
        guard let both = module.instance.exportedFunction("both") else { throw MissingExport(name: "both") }
        let code = try module.store.internalCode(of: both)
        var calls: [String] = []
        for line in code.split(separator: "\n") {
            let fields = line.split(separator: " ")
            guard fields.count > 2, fields[1] == "call" || fields[1] == "callDefined" else { continue }
            calls.append("\(fields[1]) \(fields[fields.count - 1])")
        }
        #expect(calls == ["call function[0]", "callDefined function[2]", "call function[1]"], "\(code)")
    }
}
