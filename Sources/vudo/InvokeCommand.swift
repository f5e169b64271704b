import Vudo
import VudoWASI
import WasmCore

/// `vudo invoke FILE FUNC [ARGS...]`: loads FILE as a Spirit linked against the core Loa and calls
/// FUNC with arguments parsed by its signature, printing each result on a line.
enum InvokeCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        let limits = LimitOptions.extract(from: &arguments)
        if arguments.first == "--" { arguments.removeFirst() }
        guard arguments.count >= 2 else { usageError("invoke needs FILE and FUNC") }
        return invoke(
            path: arguments[0], function: arguments[1], arguments: Array(arguments.dropFirst(2)), limits: limits)
    }

    /// Exit status: 0 success, 1 a module that does not load or a call that traps or aborts (the
    /// typed error is printed), 2 arguments that do not fit the signature.
    static func invoke(path: String, function name: String, arguments: [String], limits: LimitOptions) -> Int32 {
        let module: Module
        do {
            module = try Module(bytes: ModuleFile.bytes(atPath: path))
        } catch {
            printError("\(path): \(error)")
            return 1
        }
        return invoke(module, path: path, function: name, arguments: arguments, limits: limits)
    }

    /// Loads and calls synchronously, on this thread: the concurrency runtime's threads start only
    /// for a Spirit linked to async host functions, whose calls may suspend.
    static func invoke(
        _ module: Module, path: String, function name: String, arguments: [String], limits: LimitOptions
    ) -> Int32 {
        // The core Loa with every capability is granted by default; output goes to standard output.
        var options = SpiritOptions(name: spiritName(path))
        options.limits = limits.limits
        let spirit: Spirit
        do {
            spirit = try Spirit(module: module, options: options)
        } catch {
            printError("\(path): \(error)")
            return 1
        }
        guard let signature = spirit.signature(of: name) else {
            printError("\(path): no exported function named '\(name)'")
            return 1
        }
        let type = signature.type
        guard arguments.count == type.parameters.count else {
            printError("\(name) takes \(type.parameters.count) argument(s) \(type), got \(arguments.count)")
            return 2
        }
        var values: [Value] = []
        for (text, valueType) in zip(arguments, type.parameters) {
            guard let value = ArgumentParser.parse(text, as: valueType) else {
                printError("cannot read '\(text)' as \(valueType)")
                return 2
            }
            values.append(value)
        }
        let called: Result<[Value], SpiritError>
        if spirit.linksAsyncFunctions {
            called = waitFor { [values] () async -> Result<[Value], SpiritError> in
                do throws(SpiritError) { return .success(try await spirit.call(name, values)) } catch {
                    return .failure(error)
                }
            }
        } else {
            do throws(SpiritError) { called = .success(try spirit.callSynchronously(name, values)) } catch {
                called = .failure(error)
            }
        }
        switch called {
        case .success(let results):
            for result in results { printOutput(ArgumentParser.format(result)) }
            return 0
        case .failure(let error):
            printError(error.description)
            return 1
        }
    }

    /// `dir/hello.wasm` is the Spirit `hello` in log lines.
    private static func spiritName(_ path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".wasm") ? String(file.dropLast(5)) : file
    }
}

/// `vudo run FILE [--invoke NAME] [ARGS...]`: runs a Spirit's `_start` (or NAME) with the core Loa.
/// A module importing `wasi_snapshot_preview1` is a WASI command instead, run with its own options
/// (`--dir`, `--env`; see ``WASICommandLine``).
enum RunCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var arguments = arguments
        let limits = LimitOptions.extract(from: &arguments)
        guard let first = arguments.first else { usageError("run needs a FILE") }
        // WASI options may come before the file; only a WASI command has them.
        if first.hasPrefix("--") { return runWASI(arguments, limits: limits) }
        let module: Module
        do {
            module = try Module(bytes: ModuleFile.bytes(atPath: first))
        } catch {
            printError("\(first): \(error)")
            return 1
        }
        if WASI.isImported(by: module) { return runWASI(arguments, limits: limits, module: module) }
        var rest = arguments.dropFirst()
        var function = "_start"
        if rest.first == "--invoke" {
            rest.removeFirst()
            guard let name = rest.popFirst() else { usageError("--invoke takes a function name") }
            function = name
        }
        if rest.first == "--" { rest.removeFirst() }
        return InvokeCommand.invoke(module, path: first, function: function, arguments: Array(rest), limits: limits)
    }

    private static func runWASI(_ arguments: [String], limits: LimitOptions, module: Module? = nil) -> Int32 {
        let command: WASICommandLine
        do {
            command = try WASICommandLine.parse(arguments)
        } catch {
            usageError("\(error)")
        }
        guard let module else { return command.run(engine: limits.engine) }
        return command.run(module, engine: limits.engine)
    }
}

/// Reads command-line arguments as wasm values: decimal integers, floats (`nan`, `inf`, `-inf`
/// too), or hexadecimal bit patterns (`0x7fc00000`). A v128 is its lane shape and its lanes,
/// lane 0 first (`i32x4:1,2,3,4`, `f32x4:1.5,nan,-inf,0`, `i8x16:` with 16 lanes; each lane as its
/// scalar type reads it, so `0x` bit patterns too), or its 128 bits in hexadecimal
/// (`0x00000004000000030000000200000001`, lane 0 in the lowest digits). Results print the same
/// way; a v128 prints as `i32x4` lanes.
enum ArgumentParser {
    static func parse(_ text: String, as type: ValueType) -> Value? {
        let hexBits = text.hasPrefix("0x") ? UInt64(text.dropFirst(2), radix: 16) : nil
        switch type {
        case .i32:
            if let bits = hexBits { return bits <= UInt64(UInt32.max) ? .i32(UInt32(bits)) : nil }
            if let v = Int32(text) { return .i32(UInt32(bitPattern: v)) }
            return UInt32(text).map { .i32($0) }
        case .i64:
            if let bits = hexBits { return .i64(bits) }
            if let v = Int64(text) { return .i64(UInt64(bitPattern: v)) }
            return UInt64(text).map { .i64($0) }
        case .f32:
            if let bits = hexBits { return bits <= UInt64(UInt32.max) ? .f32(UInt32(bits)) : nil }
            return Float(text).map { .f32($0.bitPattern) }
        case .f64:
            if let bits = hexBits { return .f64(bits) }
            return Double(text).map { .f64($0.bitPattern) }
        case .ref(let reference):
            if text == "null" { return reference.isNullable ? .zero(type) : nil }
            switch reference.heapType {
            case .extern: return UInt32(text).map { .externref(ExternAddress($0)) }
            case .any, .eq, .i31: return Int32(text).map { .anyref(.i31($0)) }
            default: return nil
            }
        case .v128:
            return parseVector(text).map { .v128($0) }
        }
    }

    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let v): String(Int32(bitPattern: v))
        case .i64(let v): String(Int64(bitPattern: v))
        case .f32(let bits): String(Float(bitPattern: bits))
        case .f64(let bits): String(Double(bitPattern: bits))
        case .v128(let v): "i32x4:" + (0..<4).map { String(v.i32x4[$0]) }.joined(separator: ",")
        default: value.description
        }
    }

    /// `SHAPE:lane,...` or `0x` and up to 32 hexadecimal digits.
    private static func parseVector(_ text: String) -> V128? {
        if text.hasPrefix("0x") {
            let digits = text.dropFirst(2)
            guard !digits.isEmpty, digits.count <= 32 else { return nil }
            let lowDigits = digits.suffix(16)
            let highDigits = digits.dropLast(lowDigits.count)
            guard let low = UInt64(lowDigits, radix: 16) else { return nil }
            guard let high = highDigits.isEmpty ? 0 : UInt64(highDigits, radix: 16) else { return nil }
            return V128(low: low, high: high)
        }
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        let lanes = parts[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        switch parts[0] {
        case "i8x16": return integerLanes(lanes, SIMD16<UInt8>.self, as: .i32).map { V128($0) }
        case "i16x8": return integerLanes(lanes, SIMD8<UInt16>.self, as: .i32).map { V128($0) }
        case "i32x4": return integerLanes(lanes, SIMD4<UInt32>.self, as: .i32).map { V128($0) }
        case "i64x2": return integerLanes(lanes, SIMD2<UInt64>.self, as: .i64).map { V128($0) }
        case "f32x4": return integerLanes(lanes, SIMD4<UInt32>.self, as: .f32).map { V128($0) }
        case "f64x2": return integerLanes(lanes, SIMD2<UInt64>.self, as: .f64).map { V128($0) }
        default: return nil
        }
    }

    /// Each lane read as a value of `type` (a float as its bits), which must fit the lane: an
    /// integer lane takes its signed or its unsigned range.
    private static func integerLanes<Lanes: SIMD>(
        _ texts: [String], _: Lanes.Type, as type: ValueType
    ) -> Lanes? where Lanes.Scalar: FixedWidthInteger {
        guard texts.count == Lanes.scalarCount else { return nil }
        var lanes = Lanes()
        let width = Lanes.Scalar.bitWidth
        for (index, text) in texts.enumerated() {
            let bits: UInt64
            switch parse(text, as: type) {
            case .i32(let v)?: bits = UInt64(v)
            case .i64(let v)?, .f64(let v)?: bits = v
            case .f32(let v)?: bits = UInt64(v)
            default: return nil
            }
            if width < 32 {
                // In range as a signed or as an unsigned lane: -128...255 for i8.
                let signed = Int64(Int32(bitPattern: UInt32(truncatingIfNeeded: bits)))
                guard signed >= -(1 << (width - 1)), signed < 1 << width else { return nil }
            }
            lanes[index] = Lanes.Scalar(truncatingIfNeeded: bits)
        }
        return lanes
    }
}
