import WasmCore

/// `vudo invoke FILE FUNC [ARGS...]` and `vudo run FILE [--invoke NAME] [ARGS...]`.
enum InvokeCommand {
    static func run(_ arguments: [String]) -> Int32 {
        guard arguments.count >= 2 else { usageError("invoke needs FILE and FUNC") }
        return invoke(path: arguments[0], function: arguments[1], arguments: Array(arguments.dropFirst(2)))
    }

    static func invoke(path: String, function name: String, arguments: [String]) -> Int32 {
        guard let module = loadValidModule(path) else { return 1 }
        let store = Store()
        let instance: Instance
        do {
            instance = try store.instantiate(module)
        } catch {
            printError("\(path): \(error)")
            return 1
        }
        guard let function = instance.exportedFunction(name) else {
            printError("\(path): no exported function named '\(name)'")
            return 1
        }
        let type = store.functionType(function)
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
        do {
            for result in try store.invoke(function, values) { print(ArgumentParser.format(result)) }
            return 0
        } catch {
            printError(error.description)
            return 1
        }
    }
}

enum RunCommand {
    static func run(_ arguments: [String]) -> Int32 {
        var rest = arguments[...]
        guard let path = rest.popFirst() else { usageError("run needs a FILE") }
        var function = "_start"
        if rest.first == "--invoke" {
            rest.removeFirst()
            guard let name = rest.popFirst() else { usageError("--invoke takes a function name") }
            function = name
        }
        if rest.first == "--" { rest.removeFirst() }
        return InvokeCommand.invoke(path: path, function: function, arguments: Array(rest))
    }
}

/// Reads command-line arguments as wasm values: decimal integers, floats (`nan`, `inf`, `-inf`
/// too), or hexadecimal bit patterns (`0x7fc00000`).
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
        case .externref:
            if text == "null" { return .externref(nil) }
            return UInt32(text).map { .externref(ExternAddress($0)) }
        case .funcref:
            return text == "null" ? .funcref(nil) : nil
        case .v128:
            return nil
        }
    }

    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let v): String(Int32(bitPattern: v))
        case .i64(let v): String(Int64(bitPattern: v))
        case .f32(let bits): String(Float(bitPattern: bits))
        case .f64(let bits): String(Double(bitPattern: bits))
        default: value.description
        }
    }
}
