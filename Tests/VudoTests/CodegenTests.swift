import Foundation
import Testing
import Vudo
import VudoCodegen
import WasmCore

/// `vudo codegen` output for the fixtures is checked in under Generated/, compiled with these tests
/// and exercised below; these tests fail when it is stale. `VUDO_UPDATE_GENERATED=1 swift test`
/// rewrites it.
@Suite struct CodegenTests {
    static let generatedDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Generated")

    static func calculatorInterface() throws -> String {
        let bytes = try [UInt8](Data(contentsOf: Fixtures.directory.appendingPathComponent("calculator.wasm")))
        return InterfaceGenerator.generate(
            for: try Module(bytes: bytes), typeName: "Calculator", sourceName: "calculator.wasm")
    }

    static func mathGenes() throws -> String {
        let source = try String(contentsOf: Fixtures.directory.appendingPathComponent("math.dol"), encoding: .utf8)
        return try GeneGenerator.generate(fromDOL: source, sourceName: "math.dol")
    }

    static func expectUpToDate(_ generated: String, file: String) throws {
        let url = generatedDirectory.appendingPathComponent(file)
        if ProcessInfo.processInfo.environment["VUDO_UPDATE_GENERATED"] == "1" {
            try generated.write(to: url, atomically: true, encoding: .utf8)
        }
        let checkedIn = try String(contentsOf: url, encoding: .utf8)
        #expect(generated == checkedIn, "Generated/\(file) is stale: run VUDO_UPDATE_GENERATED=1 swift test")
    }

    @Test func theCheckedInInterfaceIsUpToDate() throws {
        try Self.expectUpToDate(try Self.calculatorInterface(), file: "Calculator.swift")
    }

    @Test func theCheckedInGenesAreUpToDate() throws {
        try Self.expectUpToDate(try Self.mathGenes(), file: "MathGenes.swift")
    }

    /// The Modules directory of this build and a `swiftc`, when both are there to type-check with.
    static let typecheckTools: (modules: URL, swiftc: String)? = {
        let modules = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent(".build/debug/Modules")
        guard FileManager.default.fileExists(atPath: modules.appendingPathComponent("Vudo.swiftmodule").path),
            let swiftc = findSwiftc()
        else { return nil }
        return (modules, swiftc)
    }()

    /// The generated files also compile standalone against the built Vudo module.
    @Test(.enabled(if: typecheckTools != nil, "needs .build/debug/Modules and swiftc"))
    func freshlyGeneratedSourcesTypecheck() throws {
        let (modules, compiler) = try #require(Self.typecheckTools)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("vudo-codegen-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let interface = directory.appendingPathComponent("Calculator.swift")
        let genes = directory.appendingPathComponent("MathGenes.swift")
        try Self.calculatorInterface().write(to: interface, atomically: true, encoding: .utf8)
        try Self.mathGenes().write(to: genes, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: compiler)
        process.arguments = ["-typecheck", "-swift-version", "6", "-I", modules.path, interface.path, genes.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let output = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(output)")
    }

    static func findSwiftc() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let candidates = path.split(separator: ":").map { "\($0)/swiftc" } + ["/opt/swift/usr/bin/swiftc"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
