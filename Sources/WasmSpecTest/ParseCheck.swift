import WasmText

/// `vudo spectest --parse-only`: reads every `.wast` script at the paths, and the modules in them,
/// without running anything; reports what does not parse and how long it all took.
enum ParseCheck {
    struct Totals {
        var scripts = 0
        var commands = 0
        /// Modules given in text (module quote included), encoded.
        var textModules = 0
        /// Of them, the ones whose text is malformed (as `assert_malformed` expects, or not).
        var malformedText = 0
        var failures: [String] = []
    }

    static func run(paths: [String]) -> Int32 {
        var totals = Totals()
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for path in paths {
                guard let scripts = SpecTestSuite.scripts(at: path) else {
                    totals.failures.append("\(path): no such file or directory")
                    continue
                }
                for script in scripts where script.hasSuffix(".wast") { check(script, into: &totals) }
            }
        }
        for failure in totals.failures { print(failure) }
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        print(
            "\(totals.scripts) scripts, \(totals.commands) commands, \(totals.textModules) text modules "
                + "(\(totals.malformedText) of them malformed) parsed in \(Int(milliseconds.rounded())) ms; "
                + "\(totals.failures.count) scripts do not parse")
        return totals.failures.isEmpty ? 0 : 1
    }

    private static func check(_ path: String, into totals: inout Totals) {
        guard let bytes = FileSystem.readFile(path) else {
            totals.failures.append("\(path): cannot read file")
            return
        }
        let options = TextFormatOptions(features: ScriptFeatures.features(forScript: path))
        do {
            let script = try WastScript(parsing: bytes, options: options)
            totals.scripts += 1
            count(script.commands, into: &totals)
        } catch {
            totals.failures.append("\(path):\(error)")
        }
    }

    private static func count(_ commands: [WastCommand], into totals: inout Totals) {
        for command in commands {
            totals.commands += 1
            let module: WastModule?
            switch command.kind {
            case .module(let m), .assertInvalid(let m, _), .assertMalformed(let m, _), .assertUnlinkable(let m, _),
                .assertUninstantiable(let m, _), .assertMalformedCustom(let m, _), .assertInvalidCustom(let m, _):
                module = m
            case .thread(_, _, let inner):
                count(inner, into: &totals)
                module = nil
            default:
                module = nil
            }
            guard let module, module.form != .binary else { continue }
            totals.textModules += 1
            if case .failure = module.encoding { totals.malformedText += 1 }
        }
    }
}
