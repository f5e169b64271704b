import WasmCore

/// The `spectest` module every script may import from, as defined by the reference
/// interpreter's `spectest.ml` (the limits matter: import matching is checked against them).
enum SpectestHostModule {
    static let name = "spectest"

    static func define(in store: Store, imports: inout Imports) {
        let printFunctions: [(String, [ValueType])] = [
            ("print", []),
            ("print_i32", [.i32]),
            ("print_i64", [.i64]),
            ("print_f32", [.f32]),
            ("print_f64", [.f64]),
            ("print_i32_f32", [.i32, .f32]),
            ("print_f64_f64", [.f64, .f64]),
        ]
        for (field, parameters) in printFunctions {
            let function = HostFunction(type: FunctionType(parameters: parameters, results: [])) { _, _ in [] }
            imports.define(module: name, name: field, .function(store.addHostFunction(function)))
        }

        let globals: [(String, Value)] = [
            ("global_i32", .i32(666)),
            ("global_i64", .i64(666)),
            ("global_f32", .f32(0x4426_A666)),  // 666.6
            ("global_f64", .f64(0x4084_D4CC_CCCC_CCCD)),  // 666.6
        ]
        for (field, value) in globals {
            let type = GlobalType(valueType: value.type, isMutable: false)
            // Each value is of its global's type, so creating them cannot fail.
            if let global = try? store.addGlobal(type, value: value) {
                imports.define(module: name, name: field, .global(global))
            }
        }

        let table = TableType(elementType: .funcref, limits: Limits(min: 10, max: 20))
        let memory = MemoryType(limits: Limits(min: 1, max: 2))
        // Both sizes are far below any engine limit, so creating them cannot fail.
        if let tableAddress = try? store.addTable(table) {
            imports.define(module: name, name: "table", .table(tableAddress))
        }
        // The 3.0 suite's `table64` (the reference interpreter's spectest.ml has it too).
        let table64 = TableType(elementType: .funcref, limits: Limits(min: 10, max: 20), is64: true)
        if let tableAddress = try? store.addTable(table64) {
            imports.define(module: name, name: "table64", .table(tableAddress))
        }
        if let memoryAddress = try? store.addMemory(memory) {
            imports.define(module: name, name: "memory", .memory(memoryAddress))
        }
    }
}
