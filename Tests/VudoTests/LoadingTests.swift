import Foundation
import Testing
import Vudo
import WasmCore
import WasmText

@Suite struct LoadingTests {
    @Test func loadsFromPathAndFromBytes() async throws {
        let fromPath = try await Fixtures.load("calculator.wasm")
        #expect(fromPath.hasFunction("add"))
        let bytes = try [UInt8](Data(contentsOf: Fixtures.directory.appendingPathComponent("calculator.wasm")))
        let fromBytes = try await loadSpirit(bytes)
        #expect(fromBytes.listFunctions() == fromPath.listFunctions())
    }

    @Test func spiritsOfOneDecodedModuleAreIndependent() async throws {
        let module = try Module(
            bytes: WAT.encode(
                """
                (module
                  (memory (export "memory") 1)
                  (func (export "bump") (result i32)
                    (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 1)))
                    (i32.load (i32.const 8))))
                """))
        let first = try await loadSpirit(module: module)
        let second = try await loadSpirit(module: module)
        #expect(try await first.call("bump", []) == [.i32(1)])
        #expect(try await first.call("bump", []) == [.i32(2)])
        #expect(try await second.call("bump", []) == [.i32(1)])
    }

    @Test func aMissingFileIsATypedError() async {
        await #expect {
            _ = try await loadSpirit(path: "/nonexistent/spirit.wasm")
        } throws: { error in
            guard case SpiritError.unreadableFile(let path, let reason) = error else { return false }
            return path == "/nonexistent/spirit.wasm" && reason.contains("No such file or directory")
        }
    }

    @Test func malformedBytesAreADecodingError() async {
        await #expect {
            _ = try await loadSpirit([0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00])
        } throws: { error in
            if case SpiritError.decoding = error { return true }
            return false
        }
    }

    @Test func anInvalidModuleIsAValidationError() async {
        // (module (func (result i32))): the body leaves nothing on the stack.
        let bytes: [UInt8] = [
            0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7F,
            0x03, 0x02, 0x01, 0x00, 0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,
        ]
        await #expect {
            _ = try await loadSpirit(bytes)
        } throws: { error in
            if case SpiritError.validation = error { return true }
            return false
        }
    }

    @Test func anUnknownImportNamesTheImport() async {
        await #expect {
            _ = try await Fixtures.load("unknown_import.wasm")
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, let name, let reason) = error else { return false }
            return module == "http" && name == "fetch" && reason == .unknownLoa("http")
        }
    }

    @Test func anEmbedderHostFunctionSatisfiesAnImport() async throws {
        let fetch = HostFunctionDefinition(
            module: "http", name: "fetch", type: FunctionType(parameters: [.i32, .i32], results: [.i32])
        ) { _, _ in [.i32(200)] }
        let spirit = try await Fixtures.load("unknown_import.wasm", options: SpiritOptions(hostFunctions: [fetch]))
        let status: Int32 = try await spirit.call("run")
        #expect(status == 200)
    }

    @Test func aHostFunctionOfTheWrongSignatureIsRefused() async {
        let wrong = HostFunctionDefinition(
            module: "env", name: "vudo_print", type: FunctionType(parameters: [.i32], results: [])
        ) { _, _ in [] }
        await #expect {
            _ = try await Fixtures.load("logger.wasm", options: SpiritOptions(hostFunctions: [wrong]))
        } throws: { error in
            guard case SpiritError.unresolvedImport(let module, let name, let reason) = error else { return false }
            return module == "env" && name == "vudo_print"
                && reason
                    == .signatureMismatch(
                        expected: FunctionType(parameters: [.i32, .i32], results: []), provided: wrong.type)
        }
    }

    @Test func anImportedMemoryTakesTheOptionsLimits() async throws {
        let spirit = try await Fixtures.load(
            "imported_memory.wasm", options: SpiritOptions(memory: MemoryLimits(initial: 3, maximum: 5)))
        let size: Int32 = try await spirit.call("size")
        #expect(size == 3)
        #expect(await spirit.memory.maximumPages == 5)
    }

    @Test func anImportedMemoryDefaultsToTheImportsLimits() async throws {
        let spirit = try await Fixtures.load("imported_memory.wasm")
        let size: Int32 = try await spirit.call("size")
        #expect(size == 1)
    }

    @Test func limitsBelowTheImportsMinimumAreRefused() async {
        await #expect(throws: SpiritError.self) {
            _ = try await Fixtures.load(
                "imported_memory.wasm", options: SpiritOptions(memory: MemoryLimits(initial: 0)))
        }
        await #expect(throws: SpiritError.self) {
            _ = try await Fixtures.load(
                "imported_memory.wasm", options: SpiritOptions(memory: MemoryLimits(initial: 4, maximum: 2)))
        }
    }

    @Test func anOwnMemoryKeepsItsSizeAndTheOptionCapsItsMaximum() async throws {
        // math.wasm declares (memory 1 4).
        let uncapped = try await Fixtures.load("math.wasm")
        #expect(await uncapped.memory.pageCount == 1)
        #expect(await uncapped.memory.maximumPages == 4)
        let capped = try await Fixtures.load(
            "math.wasm", options: SpiritOptions(memory: MemoryLimits(initial: 3, maximum: 2)))
        #expect(await capped.memory.pageCount == 1)
        #expect(await capped.memory.maximumPages == 2)
        let grown: Int32 = try await capped.call("grow", Int32(2))
        #expect(grown == -1)
    }

    @Test func debugLogsCallsAndResultsThroughTheLogger() async throws {
        let log = LineRecorder()
        let spirit = try await Fixtures.load("calculator.wasm", options: SpiritOptions(debug: true, logger: log.logger))
        let _: Int64 = try await spirit.call("add", Int64(2), Int64(3))
        _ = try? await spirit.call("divide", [.i64(1), .i64(0)])
        #expect(
            log.lines == [
                "[calculator] call add(i64:2, i64:3)",
                "[calculator] add -> [i64:5]",
                "[calculator] call divide(i64:1, i64:0)",
                "[calculator] divide trapped: integer divide by zero",
            ])
    }

    @Test func withoutDebugNothingIsLogged() async throws {
        let log = LineRecorder()
        let spirit = try await Fixtures.load("calculator.wasm", options: SpiritOptions(logger: log.logger))
        let _: Int64 = try await spirit.call("add", Int64(2), Int64(3))
        #expect(log.lines.isEmpty)
    }
}
