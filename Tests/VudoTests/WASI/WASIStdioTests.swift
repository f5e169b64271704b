import Foundation
import Testing
import Vudo
import VudoWASI
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the standard streams are to the guest: the host descriptor's real type, a terminal only
/// when isatty(3) says so, and a pipe for Swift streams. wasi-libc's isatty answers yes for a
/// `character_device` (2) without the seek and tell rights; `fd_filestat_get` must agree.
@Suite struct WASIStdioTests {
    static let characterDevice: UInt8 = 2
    static let regularFile: UInt8 = 4
    static let seekAndTell: UInt64 = 1 << 2 | 1 << 5

    /// `fd_fdstat_get` and `fd_filestat_get` of `fd`: its type, rights, and the type and size
    /// `fd_filestat_get` reports.
    struct Status {
        var fdstatType: UInt8
        var rights: UInt64
        var filestatType: UInt8
        var size: UInt64
        /// wasi-libc's isatty, as its source (libc-bottom-half/sources/isatty.c) decides.
        var guestIsATerminal: Bool {
            fdstatType == WASIStdioTests.characterDevice && rights & WASIStdioTests.seekAndTell == 0
        }
    }

    static func status(of fd: UInt32, _ configuration: WASIConfiguration) throws -> Status {
        let calls = try WASICalls(configuration)
        #expect(try calls.call("fdstat", [.i32(fd), .i32(64)]) == 0)
        #expect(try calls.call("filestat", [.i32(fd), .i32(128)]) == 0)
        return Status(
            fdstatType: calls.bytes(at: 64, count: 1)[0], rights: calls.u64(at: 64 + 8),
            filestatType: calls.bytes(at: 128 + 16, count: 1)[0], size: calls.u64(at: 128 + 32))
    }

    @Test func pipesAreNotTerminals() throws {
        let input = try HostPipe()
        let output = try HostPipe()
        let configuration = WASIConfiguration(
            stdin: .descriptor(input.readEnd), stdout: .descriptor(output.writeEnd), stderr: .discard)
        for fd: UInt32 in [0, 1] {
            let status = try Self.status(of: fd, configuration)
            #expect(isatty(fd == 0 ? input.readEnd : output.writeEnd) == 0)
            #expect(!status.guestIsATerminal, "fd \(fd)")
            #expect(status.fdstatType == status.filestatType)
            #expect(status.rights & Self.seekAndTell == 0, "a pipe cannot seek (lseek fails with ESPIPE)")
        }
        #expect(lseek(input.readEnd, 0, SEEK_CUR) == -1 && errno == ESPIPE)
    }

    @Test func aTerminalIsACharacterDevice() throws {
        let terminal = try HostTerminal()
        #expect(isatty(terminal.follower) == 1)
        let status = try Self.status(of: 1, WASIConfiguration(stdin: .empty, stdout: .descriptor(terminal.follower)))
        #expect(status.guestIsATerminal)
        #expect(status.fdstatType == Self.characterDevice && status.filestatType == Self.characterDevice)
    }

    @Test func aCharacterDeviceThatIsNotATerminalIsNotOne() throws {
        let null = open("/dev/null", O_WRONLY)
        defer { close(null) }
        #expect(isatty(null) == 0)
        let status = try Self.status(of: 1, WASIConfiguration(stdin: .empty, stdout: .descriptor(null)))
        #expect(!status.guestIsATerminal)
        #expect(status.fdstatType == status.filestatType)
    }

    @Test func aRegularFileIsARegularFileThatSeeks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try directory.write("twelve bytes", to: "input.txt")
        let file = open(directory.file("input.txt").path, O_RDONLY)
        defer { close(file) }
        var host = stat()
        #expect(fstat(file, &host) == 0)
        let status = try Self.status(of: 0, WASIConfiguration(stdin: .descriptor(file), stdout: .discard))
        #expect(status.fdstatType == Self.regularFile && status.filestatType == Self.regularFile)
        #expect(status.rights & Self.seekAndTell == Self.seekAndTell)
        #expect(status.size == UInt64(host.st_size))
        #expect(!status.guestIsATerminal)
    }

    @Test func swiftStreamsAreNotTerminals() throws {
        let buffer = WASIBuffer()
        let configuration = WASIConfiguration(stdin: .bytes([1, 2, 3]), stdout: buffer.output, stderr: .discard)
        for fd: UInt32 in [0, 1, 2] {
            let status = try Self.status(of: fd, configuration)
            #expect(!status.guestIsATerminal, "fd \(fd)")
            #expect(status.fdstatType == status.filestatType)
            #expect(status.rights & Self.seekAndTell == 0)
        }
    }

    @Test func theStandardStreamsWrapDescriptorsZeroToTwo() {
        #expect(WASIInput.standardInput.hostDescriptor == 0)
        #expect(WASIOutput.standardOutput.hostDescriptor == 1)
        #expect(WASIOutput.standardError.hostDescriptor == 2)
        #expect(WASIOutput.discard.hostDescriptor == nil)
    }
}

/// stdio_copy.c (Fixtures/wasi): checks isatty on stdin and stdout, reports it on stderr, and
/// copies stdin to stdout unless stdout is a terminal. The expected files are its native build's
/// behaviour, recorded by build.sh.
@Suite struct StdioCopyProgramTests {
    static func expected(_ name: String) throws -> String {
        try String(contentsOf: WASIFixtures.directory.appendingPathComponent(name), encoding: .utf8)
    }

    /// 300 KiB of every byte value: more than a pipe holds, so the copy must stream.
    static let input: [UInt8] = (0..<(300 * 1024)).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 9) }

    @Test(.timeLimit(.minutes(1))) func inAPipeItCopiesAsItsNativeBuildDoes() throws {
        let stdin = try HostPipe()
        let stdout = try HostPipe()
        let stderr = WASIBuffer()
        let input = Self.input
        let writer = onThread {
            stdin.write(input); stdin.closeWrite(); return true
        }
        let reader = onThread { stdout.readAll() }
        let code = try WASI(
            WASIConfiguration(
                arguments: ["stdio_copy"], stdin: .descriptor(stdin.readEnd), stdout: .descriptor(stdout.writeEnd),
                stderr: stderr.output)
        ).run(try WASIFixtures.module("stdio_copy.wasm"))
        stdout.closeWrite()
        // Whatever the program left unread (nothing, when it copies), so that the writer ends.
        let unread = stdin.readAll()
        #expect(writer())
        #expect(unread.count == 0, "the program left \(unread.count) bytes unread")
        let copied = reader()
        #expect(stderr.text + "exit status: \(code)\n" == (try Self.expected("stdio_copy.expected")))
        #expect(Bytes(copied) == Bytes(input), "\(Bytes.firstDifference(Bytes(copied), Bytes(input)))")
    }

    @Test func withSwiftStreamsItBehavesAsInAPipe() throws {
        let stdout = WASIBuffer()
        let stderr = WASIBuffer()
        let code = try WASI(
            WASIConfiguration(
                arguments: ["stdio_copy"], stdin: .bytes(Self.input), stdout: stdout.output, stderr: stderr.output)
        )
        .run(try WASIFixtures.module("stdio_copy.wasm"))
        #expect(stderr.text + "exit status: \(code)\n" == (try Self.expected("stdio_copy.expected")))
        #expect(
            Bytes(stdout.bytes) == Bytes(Self.input), "\(Bytes.firstDifference(Bytes(stdout.bytes), Bytes(Self.input)))"
        )
    }

    @Test func itRefusesATerminalAsItsNativeBuildDoes() throws {
        let terminal = try HostTerminal()
        let null = open("/dev/null", O_RDONLY)
        defer { close(null) }
        let stderr = WASIBuffer()
        let code = try WASI(
            WASIConfiguration(
                arguments: ["stdio_copy"], stdin: .descriptor(null), stdout: .descriptor(terminal.follower),
                stderr: stderr.output)
        ).run(try WASIFixtures.module("stdio_copy.wasm"))
        #expect(stderr.text + "exit status: \(code)\n" == (try Self.expected("stdio_copy.terminal.expected")))
    }
}
