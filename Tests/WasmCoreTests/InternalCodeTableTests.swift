import Foundation
import InternalCodeSpec
import Testing

@testable import WasmCore

/// The internal instruction set comes from one table (Sources/InternalCodeSpec): the generated
/// files must be what the table renders now, and every operation must have exactly one handler.
@Suite struct InternalCodeTableTests {
    /// The committed files are the generator's output as swift-format writes it (what
    /// `generate-internal-code` does).
    @Test func generatedFilesAreUpToDate() throws {
        for (path, contents) in Generator.files() {
            let committed = FileManager.default.contents(atPath: Fixtures.packageRoot + "/" + path)
            #expect(
                committed.map { String(decoding: $0, as: UTF8.self) } == (try formatted(contents)),
                "\(path) is out of date: run `swift run generate-internal-code`")
        }
    }

    private func formatted(_ source: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift-format", "format", "--configuration", Fixtures.packageRoot + "/.swift-format", "-"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        input.fileHandleForWriting.write(Data(source.utf8))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func theTableAndTheEnumAgree() {
        #expect(InternalOp.allCases.map { "\($0)" } == InstructionTable.all.map(\.name))
    }

    /// The handler table is the sorted union of the handler files' lists: each operation must be in
    /// exactly one of them, or the table would be shifted.
    @Test func everyOperationHasExactlyOneHandler() {
        let listed =
            InternalOp.numericHandlers + InternalOp.memoryHandlers + InternalOp.branchHandlers
            + InternalOp.superinstructionHandlers + InternalOp.controlHandlers + InternalOp.callHandlers
            + InternalOp.variableHandlers + InternalOp.memoryAndTableHandlers + InternalOp.vectorHandlers
            + InternalOp.vectorMemoryHandlers + InternalOp.vectorMoveHandlers + InternalOp.referenceHandlers
            + InternalOp.exceptionHandlers + InternalOp.garbageCollectionHandlers
        #expect(listed.map(\.0).sorted { $0.rawValue < $1.rawValue } == InternalOp.allCases)
        #expect(InternalOp.handlers.count == InternalOp.allCases.count)
    }

    /// Operand layouts are consistent: a result is in `a`, no field is used twice, and `c32`
    /// excludes `c` and `d`.
    @Test func operandLayoutsAreConsistent() {
        for row in InstructionTable.all {
            let fields = row.operands.map(\.field.rawValue)
            #expect(Set(fields).count == fields.count, "\(row.name) uses a field twice")
            if row.usesWideC { #expect(!fields.contains("c") && !fields.contains("d"), "\(row.name)") }
            if let result = row.operands.firstIndex(where: { $0.role == .result }) {
                #expect(row.operands[result].field == .a, "\(row.name): a result belongs in a")
            }
            if let twin = row.sharesHandlerWith, twin != "bulk", twin != "gcOperation" {
                #expect(InstructionTable.all.contains { $0.name == twin }, "\(row.name) shares with unknown \(twin)")
            }
        }
    }
}
