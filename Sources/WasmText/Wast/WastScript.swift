/// A WAST script (the spec test suite's format): modules and assertions about them.
public struct WastScript: Sendable {
    public var commands: [WastCommand]

    /// Parses a script. Module contents are parsed (and encoded) here too; a module whose text is
    /// malformed does not fail the script but carries its error in ``WastModule/encoding``, since
    /// `assert_malformed` expects exactly that.
    public init(parsing source: [UInt8], options: TextFormatOptions = .default) throws(TextFormatError) {
        var parser = WastParser(cursor: TokenCursor(try Lexer.tokenize(source)), options: options)
        commands = try parser.parseScript()
    }

    public init(parsing text: String, options: TextFormatOptions = .default) throws(TextFormatError) {
        try self.init(parsing: Array(text.utf8), options: options)
    }
}

/// One command of a script, with the line it starts on.
public struct WastCommand: Sendable {
    public var line: Int
    public var kind: Kind

    public indirect enum Kind: Sendable {
        /// `(module ...)`: define the module and, unless it is a `definition`, instantiate it.
        case module(WastModule)
        /// `(module instance $instance? $module?)`: instantiate a module defined earlier.
        case instance(instance: String?, module: String?)
        /// `(register "name" $instance?)`: make an instance's exports importable as `name`.
        case register(as: String, instance: String?)
        case action(WastAction)
        case assertReturn(WastAction, [WastResult])
        case assertTrap(WastAction, message: String)
        case assertExhaustion(WastAction, message: String)
        /// The action must end in an uncaught exception.
        case assertException(WastAction)
        /// `(assert_trap (module ...) "message")`: instantiation must trap.
        case assertUninstantiable(WastModule, message: String)
        case assertInvalid(WastModule, message: String)
        case assertMalformed(WastModule, message: String)
        case assertUnlinkable(WastModule, message: String)
        /// Assertions about custom sections and annotations (`assert_malformed_custom`,
        /// `assert_invalid_custom`).
        case assertMalformedCustom(WastModule, message: String)
        case assertInvalidCustom(WastModule, message: String)
        /// `(thread $name (shared (module $m))* command*)`: run commands concurrently.
        case thread(name: String, sharedModules: [String], commands: [WastCommand])
        /// `(wait $thread)`.
        case wait(thread: String)
        /// `(script ...)`, `(input ...)`, `(output ...)`: meta commands of the reference interpreter.
        case meta(String)
    }
}

/// A module as a script gives it.
public struct WastModule: Sendable {
    public enum Form: Sendable, Hashable {
        /// Text, parsed with the script.
        case text
        /// `(module binary "...")`.
        case binary
        /// `(module quote "...")`: text inside strings, parsed on its own.
        case quote
    }

    /// `$name` (with the `$`), if given.
    public var name: String?
    /// `(module definition ...)`: defined but not instantiated.
    public var isDefinition: Bool
    public var form: Form
    /// The binary module, or the error that made its text unreadable.
    public var encoding: Result<[UInt8], TextFormatError>
    public var line: Int
}

/// `(invoke $instance? "name" argument*)` or `(get $instance? "name")`.
public enum WastAction: Sendable, Hashable {
    case invoke(instance: String?, field: String, arguments: [WastValue])
    case get(instance: String?, field: String)
}

/// A constant argument or exactly expected value.
public enum WastValue: Sendable, Hashable {
    case i32(UInt32)
    case i64(UInt64)
    /// Raw bits, so that NaN payloads survive.
    case f32(UInt32)
    case f64(UInt64)
    /// 16 bytes, lane 0 first.
    case v128([UInt8])
    /// `(ref.null heaptype)`.
    case refNull(WastHeapType)
    /// `(ref.extern N)`: the host reference N seen as an externref.
    case refExtern(UInt32)
    /// `(ref.host N)`: the host reference N.
    case refHost(UInt32)
}

/// A heap type in a script value: an abstract one by name (`func`, `extern`, `any`, ...) or a type
/// index.
public enum WastHeapType: Sendable, Hashable {
    case abstract(String)
    case index(UInt32)
}

public enum WastNaN: String, Sendable, Hashable {
    case canonical = "nan:canonical"
    case arithmetic = "nan:arithmetic"
}

/// The lane shapes of `v128.const`.
public enum WastLaneShape: String, Sendable, Hashable {
    case i8x16, i16x8, i32x4, i64x2, f32x4, f64x2

    public var laneBits: Int {
        switch self {
        case .i8x16: 8
        case .i16x8: 16
        case .i32x4, .f32x4: 32
        case .i64x2, .f64x2: 64
        }
    }

    public var laneCount: Int { 128 / laneBits }
}

/// One lane of an expected vector: exact bits or a NaN class.
public enum WastLane: Sendable, Hashable {
    case bits(UInt64)
    case nan(WastNaN)
}

/// What an `assert_return` expects of one result.
public indirect enum WastResult: Sendable, Hashable {
    case value(WastValue)
    case f32NaN(WastNaN)
    case f64NaN(WastNaN)
    case v128(WastLaneShape, [WastLane])
    /// `(ref.null)`: a null of any type.
    case anyNull
    /// `(ref)`: any non-null reference.
    case anyReference
    /// `(ref.func)`, `(ref.extern)`, `(ref.struct)`, `(ref.array)`, `(ref.i31)`, `(ref.eq)`,
    /// `(ref.exn)`: a non-null reference of that kind.
    case referenceOfKind(String)
    /// One of the alternatives.
    case either([WastResult])
}
