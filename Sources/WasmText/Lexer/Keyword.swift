/// Keywords of the text format and of WAST scripts that are not instruction names (some are both,
/// such as `else` and `end`). The lexer tags each keyword token with its case, so the parser compares
/// small integers instead of bytes.
enum Keyword: UInt8, CaseIterable {
    /// Not a syntax keyword (perhaps an instruction name, perhaps unknown).
    case notAKeyword = 0
    case module
    case `type`
    case `func`
    case param
    case result
    case local
    case global
    case table
    case memory
    case elem
    case data
    case start
    case `import`
    case export
    case offset
    case item
    case declare
    case mut
    case field
    case `struct`
    case array
    case sub
    case final
    case rec
    case ref
    case null
    case tag
    case then
    case `else`
    case end
    case `catch`
    case catchRef
    case catchAll
    case catchAllRef
    case `do`
    case delegate
    case exact
    case descriptor
    case describes
    case pagesize
    case shared
    case unshared
    case i8
    case i16
    case i32
    case i64
    case f32
    case f64
    case v128
    case funcref
    case externref
    case anyref
    case eqref
    case i31ref
    case structref
    case arrayref
    case nullref
    case nullfuncref
    case nullexternref
    case exnref
    case nullexnref
    case `any`
    case eq
    case i31
    case none
    case nofunc
    case noextern
    case `extern`
    case exn
    case noexn
    case i8x16
    case i16x8
    case i32x4
    case i64x2
    case f32x4
    case f64x2
    case binary
    case quote
    case definition
    case instance
    case register
    case invoke
    case `get`
    case assertReturn
    case assertTrap
    case assertExhaustion
    case assertInvalid
    case assertMalformed
    case assertUnlinkable
    case assertUninstantiable
    case assertException
    case assertMalformedCustom
    case assertInvalidCustom
    case assertReturnCanonicalNan
    case assertReturnArithmeticNan
    case either
    case script
    case input
    case output
    case thread
    case wait
    case nanCanonical
    case nanArithmetic
    case refExtern
    case refHost
    case refStruct
    case refArray
    case refExn
    case refI31
    case refEq
    case refFunc
    case refNull
    /// `offset=N`, checked by the lexer to end in a natural number.
    case offsetEquals
    /// `align=N`.
    case alignEquals

    /// The keyword's spelling (empty for the three special cases).
    var text: String {
        switch self {
        case .notAKeyword, .offsetEquals, .alignEquals: ""
        case .module: "module"
        case .type: "type"
        case .func: "func"
        case .param: "param"
        case .result: "result"
        case .local: "local"
        case .global: "global"
        case .table: "table"
        case .memory: "memory"
        case .elem: "elem"
        case .data: "data"
        case .start: "start"
        case .import: "import"
        case .export: "export"
        case .offset: "offset"
        case .item: "item"
        case .declare: "declare"
        case .mut: "mut"
        case .field: "field"
        case .struct: "struct"
        case .array: "array"
        case .sub: "sub"
        case .final: "final"
        case .rec: "rec"
        case .ref: "ref"
        case .null: "null"
        case .tag: "tag"
        case .then: "then"
        case .else: "else"
        case .end: "end"
        case .catch: "catch"
        case .catchRef: "catch_ref"
        case .catchAll: "catch_all"
        case .catchAllRef: "catch_all_ref"
        case .do: "do"
        case .delegate: "delegate"
        case .exact: "exact"
        case .descriptor: "descriptor"
        case .describes: "describes"
        case .pagesize: "pagesize"
        case .shared: "shared"
        case .unshared: "unshared"
        case .i8: "i8"
        case .i16: "i16"
        case .i32: "i32"
        case .i64: "i64"
        case .f32: "f32"
        case .f64: "f64"
        case .v128: "v128"
        case .funcref: "funcref"
        case .externref: "externref"
        case .anyref: "anyref"
        case .eqref: "eqref"
        case .i31ref: "i31ref"
        case .structref: "structref"
        case .arrayref: "arrayref"
        case .nullref: "nullref"
        case .nullfuncref: "nullfuncref"
        case .nullexternref: "nullexternref"
        case .exnref: "exnref"
        case .nullexnref: "nullexnref"
        case .any: "any"
        case .eq: "eq"
        case .i31: "i31"
        case .none: "none"
        case .nofunc: "nofunc"
        case .noextern: "noextern"
        case .extern: "extern"
        case .exn: "exn"
        case .noexn: "noexn"
        case .i8x16: "i8x16"
        case .i16x8: "i16x8"
        case .i32x4: "i32x4"
        case .i64x2: "i64x2"
        case .f32x4: "f32x4"
        case .f64x2: "f64x2"
        case .binary: "binary"
        case .quote: "quote"
        case .definition: "definition"
        case .instance: "instance"
        case .register: "register"
        case .invoke: "invoke"
        case .get: "get"
        case .assertReturn: "assert_return"
        case .assertTrap: "assert_trap"
        case .assertExhaustion: "assert_exhaustion"
        case .assertInvalid: "assert_invalid"
        case .assertMalformed: "assert_malformed"
        case .assertUnlinkable: "assert_unlinkable"
        case .assertUninstantiable: "assert_uninstantiable"
        case .assertException: "assert_exception"
        case .assertMalformedCustom: "assert_malformed_custom"
        case .assertInvalidCustom: "assert_invalid_custom"
        case .assertReturnCanonicalNan: "assert_return_canonical_nan"
        case .assertReturnArithmeticNan: "assert_return_arithmetic_nan"
        case .either: "either"
        case .script: "script"
        case .input: "input"
        case .output: "output"
        case .thread: "thread"
        case .wait: "wait"
        case .nanCanonical: "nan:canonical"
        case .nanArithmetic: "nan:arithmetic"
        case .refExtern: "ref.extern"
        case .refHost: "ref.host"
        case .refStruct: "ref.struct"
        case .refArray: "ref.array"
        case .refExn: "ref.exn"
        case .refI31: "ref.i31"
        case .refEq: "ref.eq"
        case .refFunc: "ref.func"
        case .refNull: "ref.null"
        }
    }
}
