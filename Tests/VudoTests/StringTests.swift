import Testing
import Vudo

@Suite struct StringTests {
    @Test(arguments: ["", "hello", "Grüße, 世界 🌍", String(repeating: "x", count: 70_000)])
    func lengthPrefixedStringsRoundTrip(_ text: String) async throws {
        let math = try await Fixtures.load("math.wasm")
        try await math.withMemory { (memory) throws(MemoryError) in
            let pointer = try memory.encodeString(text)
            #expect(pointer % 4 == 0)
            #expect(try memory.load(UInt32.self, at: pointer) == UInt32(text.utf8.count))
            #expect(try memory.readBytes(at: pointer + 4, count: text.utf8.count) == Array(text.utf8))
            #expect(try memory.decodeString(at: pointer) == text)
        }
    }

    @Test func multiByteCharactersCountInBytes() async throws {
        let math = try await Fixtures.load("math.wasm")
        let pointer = try await math.memory.encodeString("é🌍")
        #expect(try await math.memory.load(UInt32.self, at: pointer) == 6)
    }

    @Test func pointerZeroIsTheEmptyString() async throws {
        let math = try await Fixtures.load("math.wasm")
        #expect(try await math.memory.decodeString(at: 0) == "")
    }

    @Test func invalidUTF8IsATypedError() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        try await memory.writeBytes([2, 0, 0, 0, 0xC3, 0x28], at: 256)
        await #expect(throws: MemoryError.invalidUTF8(address: 260)) { _ = try await memory.decodeString(at: 256) }
        await #expect(throws: MemoryError.invalidUTF8(address: 260)) {
            _ = try await memory.readRawString(at: 260, length: 2)
        }
    }

    @Test func aLengthRunningPastTheEndIsOutOfBounds() async throws {
        let math = try await Fixtures.load("math.wasm")
        let memory = math.memory
        try await memory.store(UInt32(100), at: 65532)
        await #expect(throws: MemoryError.outOfBounds(address: 65536, count: 100, memorySize: 65536)) {
            _ = try await memory.decodeString(at: 65532)
        }
    }

    @Test func rawStringsAreUnprefixed() async throws {
        let math = try await Fixtures.load("math.wasm")
        let (pointer, length) = try await math.memory.writeRawString("héllo")
        #expect(length == 6)
        #expect(try await math.memory.readBytes(at: pointer, count: 6) == Array("héllo".utf8))
        #expect(try await math.memory.readRawString(at: pointer, length: length) == "héllo")
        let empty = try await math.memory.writeRawString("")
        #expect(empty.length == 0)
        #expect(try await math.memory.readRawString(at: empty.pointer, length: 0) == "")
    }
}

@Suite struct LoggerSpiritTests {
    @Test func vudoPrintReachesTheOutputSink() async throws {
        let output = LineRecorder()
        let logger = try await Fixtures.load("logger.wasm", options: SpiritOptions(output: output.sink))
        try await logger.call("hello")
        let (pointer, length) = try await logger.memory.writeRawString("from the host ✓")
        try await logger.call("log", pointer, length)
        #expect(output.lines == ["Hello from a Spirit!", "from the host ✓"])
    }

    @Test func aBadPointerFromTheGuestEndsTheCallAndTheSpiritStaysUsable() async throws {
        let output = LineRecorder()
        let logger = try await Fixtures.load("logger.wasm", options: SpiritOptions(output: output.sink))
        await #expect {
            try await logger.call("log", UInt32(65530), UInt32(100))
        } throws: { error in
            guard case SpiritError.hostFunction(let function, let module, let name, let cause) = error else {
                return false
            }
            return function == "log" && module == "env" && name == "vudo_print" && cause is MemoryError
        }
        try await logger.call("hello")
        #expect(output.lines == ["Hello from a Spirit!"])
    }
}
