import Foundation
import Testing

/// What `vudo` says about itself: its version, and each command's usage on request.
struct HelpAndVersionTests {
    @Test func versionIsTheChangelogsNewestRelease() throws {
        let changelog = try String(
            contentsOf: VudoCommand.repositoryRoot.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let heading = try #require(changelog.split(separator: "\n").first { $0.hasPrefix("## ") })
        let version = try #require(heading.dropFirst(3).split(separator: " ").first)
        let result = try VudoCommand.run("--version")
        #expect(result.status == 0)
        #expect(result.output == "vudo \(version)\n")
    }

    @Test(arguments: ["run", "invoke", "validate", "inspect", "disasm", "opcodes", "codegen", "wat2wasm", "spectest"])
    func helpForACommandIsThatCommandsUsage(_ command: String) throws {
        let asked = try VudoCommand.run("help", command)
        let flagged = try VudoCommand.run(command, "--help")
        #expect(asked.status == 0)
        #expect(asked.output.hasPrefix("usage: vudo \(command)"))
        #expect(!asked.output.contains("commands:"), "not the overview")
        #expect(flagged.status == 0)
        #expect(flagged.output == asked.output)
    }

    @Test func helpAloneIsTheOverview() throws {
        let result = try VudoCommand.run("help")
        #expect(result.status == 0)
        #expect(result.output.contains("commands:"))
        #expect(result.output.contains("--version"))
    }

    @Test func helpForAnUnknownCommandIsAUsageError() throws {
        let result = try VudoCommand.run("help", "frobnicate")
        #expect(result.status == 2)
        #expect(result.error.contains("no help for 'frobnicate'"))
    }

    @Test func aWASIProgramsArgumentNamedHelpIsPassedOn() throws {
        // Only --help right after the command asks for help: after FILE and -- it is the program's.
        let result = try VudoCommand.run("run", "Fixtures/wasi/args_env.wasm", "--", "--help")
        #expect(result.status == 0)
        #expect(result.output.contains("argv[1]=--help"))
        #expect(!result.output.contains("usage:"))
    }
}
