import Foundation
import Testing
import Vudo
import VudoWASI

/// `vudo run FILE [--dir ...] [--env ...] [-- ARGS...]`: parsing, and runs with captured streams.
@Suite struct WASICommandLineTests {
    @Test func parsesGrantsEnvironmentAndProgramArguments() throws {
        let command = try WASICommandLine.parse(
            [
                "prog.wasm", "--dir", "/tmp/a::/data", "--dir-ro", "/srv", "--env", "K=V=W", "--env", "HOME",
                "--env", "UNSET", "--", "x", "--dir", "y",
            ],
            hostEnvironment: ["HOME": "/home/me", "PATH": "/bin"])
        #expect(command.file == "prog.wasm")
        #expect(command.configuration.arguments == ["prog.wasm", "x", "--dir", "y"])
        #expect(command.configuration.environment == ["K": "V=W", "HOME": "/home/me"])
        #expect(
            command.configuration.preopens == [
                WASIPreopen(hostPath: "/tmp/a", guestPath: "/data"),
                WASIPreopen(hostPath: "/srv", guestPath: "/srv", readOnly: true),
            ])
    }

    @Test func bareEnvNamesReadTheProcessEnvironmentByDefault() throws {
        let path = try #require(ProcessInfo.processInfo.environment["PATH"])
        let command = try WASICommandLine.parse(["--env", "PATH", "prog.wasm"])
        #expect(command.configuration.environment == ["PATH": path])
    }

    @Test func optionsMayComeFirstAndArgumentsNeedNoDashes() throws {
        let command = try WASICommandLine.parse(
            ["--env", "A=1", "prog.wasm", "one", "--env", "B=2"], hostEnvironment: [:])
        #expect(command.file == "prog.wasm")
        #expect(command.configuration.arguments == ["prog.wasm", "one", "--env", "B=2"])
        #expect(command.configuration.environment == ["A": "1"])
    }

    @Test(arguments: [
        ([], WASICommandLineError.missingFile),
        (["p.wasm", "--dir"], .missingValue(option: "--dir")),
        (["p.wasm", "--bogus"], .unknownOption("--bogus")),
        (["p.wasm", "--dir", "a::b::c"], .invalidDirectory("a::b::c")),
        (["p.wasm", "--dir", "::b"], .invalidDirectory("::b")),
        (["p.wasm", "--env", "=x"], .invalidEnvironment("=x")),
    ])
    func rejectsMalformedCommandLines(arguments: [String], expected: WASICommandLineError) {
        #expect(throws: expected) { try WASICommandLine.parse(arguments, hostEnvironment: [:]) }
    }

    @Test func runsAFileAndReturnsItsExitCode() throws {
        var command = try WASICommandLine.parse([WASIFixtures.path("exit_code.wasm"), "--", "5"])
        let stdout = WASIBuffer()
        command.configuration.stdout = stdout.output
        command.configuration.stderr = .discard
        #expect(command.run() == 5)
        #expect(stdout.text == "exiting with 5\n")
    }

    @Test func aTrapIsExitStatus1WithTheReasonOnStderr() throws {
        var command = try WASICommandLine.parse([WASIFixtures.path("trap.wasm")])
        let stdout = WASIBuffer()
        let stderr = WASIBuffer()
        command.configuration.stdout = stdout.output
        command.configuration.stderr = stderr.output
        #expect(command.run() == 1)
        #expect(stdout.text == "before the trap\n")
        #expect(stderr.text.contains("unreachable"))
    }

    @Test func anUnreadableFileIsStatus1() throws {
        var command = try WASICommandLine.parse(["/nonexistent/prog.wasm"])
        let stderr = WASIBuffer()
        command.configuration.stderr = stderr.output
        #expect(command.run() == 1)
        #expect(stderr.text.contains("/nonexistent/prog.wasm"))
    }

    @Test func aMissingGrantedDirectoryIsStatus1() throws {
        var command = try WASICommandLine.parse([WASIFixtures.path("hello.wasm"), "--dir", "/nonexistent/dir"])
        let stderr = WASIBuffer()
        command.configuration.stderr = stderr.output
        #expect(command.run() == 1)
        #expect(stderr.text.contains("cannot pre-open /nonexistent/dir"))
    }
}
