/// `vudo spectest [--verbose] [PATH...]`: runs spec scripts and prints a report whose last
/// line is `N passed, M failed, K skipped`. Returns the exit code: 0 when nothing failed,
/// 1 when something did, 2 for a usage error or a missing suite.
///
/// A PATH that does not exist as given is looked up under the suite's `json/` folder, so
/// `vudo spectest core-2.0` works; with no PATH the 2.0 set (`core-2.0` and `simd`) runs.
public func spectestMain(arguments: [String]) -> Int32 {
    var verbose = false
    var parseOnly = false
    var requested: [String] = []
    for argument in arguments {
        switch argument {
        case "--verbose", "-v": verbose = true
        case "--parse-only": parseOnly = true
        case "--help", "-h":
            print(spectestUsage)
            return 0
        default:
            if argument.hasPrefix("-") {
                FileSystem.printError("spectest: unknown option \(argument)\n\(spectestUsage)")
                return 2
            }
            requested.append(argument)
        }
    }

    let suite = SpecTestSuite.locate()
    var paths: [String] = []
    if requested.isEmpty {
        guard let suite else {
            FileSystem.printError(suiteMissingMessage)
            return 2
        }
        paths = ["core-2.0", "simd"].map { PathName.join(PathName.join(suite, "json"), $0) }
    }
    for path in requested {
        let inSuite =
            suite.map { suite in
                ["json", "wast", "wast-unconverted"].map { PathName.join(PathName.join(suite, $0), path) }
            } ?? []
        if FileSystem.exists(path) {
            paths.append(path)
        } else if let found = inSuite.first(where: FileSystem.exists) {
            paths.append(found)
        } else {
            FileSystem.printError(
                "spectest: no such file or directory: \(path)" + (suite == nil ? "\n" + suiteMissingMessage : ""))
            return 2
        }
    }

    if parseOnly { return ParseCheck.run(paths: paths) }

    let runner = SpecTestRunner { file in
        var line = file.name.padded(to: 40) + file.counts.summary
        if let error = file.scriptError { line += "  (\(error))" }
        print(line)
        FileSystem.flushOutput()
    }
    let report = runner.run(paths: paths)
    print(SpecTestReportPrinter.text(report, verbose: verbose), terminator: "")
    print(report.summaryLine)
    return report.totals.failed == 0 ? 0 : 1
}

let spectestUsage = """
    usage: vudo spectest [--verbose | --parse-only] [PATH...]
      PATH  a .wast script, a wast2json script (.json), a script folder, or a folder of scripts;
            paths that do not exist are looked up under <suite>/json/, then <suite>/wast/ and
            <suite>/wast-unconverted/. Default: json/core-2.0 and json/simd.
      --verbose  print every failure and message mismatch (default: the first 20 failures)
      --parse-only  only read the .wast scripts and their modules; report what does not parse
    The suite is found at $\(SpecTestSuite.environmentVariable), else \(SpecTestSuite.defaultRelativePath).
    """

private var suiteMissingMessage: String {
    "spectest: the WebAssembly spec test suite was not found (set \(SpecTestSuite.environmentVariable) "
        + "or put it at \(SpecTestSuite.defaultRelativePath) relative to the current directory)"
}
