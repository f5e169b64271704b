/// The identifiers the `name` custom section records: the module's, the functions' (imports
/// included) and the locals' of each defined function.
struct DebugNames {
    var module: [UInt8]?
    var functions: [(UInt32, [UInt8])] = []
    /// Names of the other index spaces by subsection id: types 4, tables 5, memories 6, globals 7,
    /// element segments 8, data segments 9, tags 11.
    var others: [(UInt8, [(UInt32, [UInt8])])] = []
    /// For each function, imports included, in order: its index and its named parameters and
    /// locals.
    var locals: [(UInt32, [(UInt32, [UInt8])])] = []
    /// The named locals of the function being parsed.
    var currentLocals: [(UInt32, [UInt8])] = []

    /// Subsections 0 (module), 1 (functions), 2 (locals; every function gets an entry) and those
    /// of the other index spaces, as wabt writes them, placed after the last section.
    func section() -> CustomSectionText {
        var contents = BinaryWriter()
        func subsection(_ id: UInt8, _ body: (inout BinaryWriter) -> Void) {
            var writer = BinaryWriter()
            body(&writer)
            contents.byte(id)
            contents.string(writer.bytes)
        }
        if let module {
            subsection(0) { $0.string(module) }
        }
        if !functions.isEmpty {
            subsection(1) { writer in
                writer.u32(functions.count)
                for (index, name) in functions.sorted(by: { $0.0 < $1.0 }) {
                    writer.u32(index)
                    writer.string(name)
                }
            }
        }
        if !locals.isEmpty {
            subsection(2) { writer in
                writer.u32(locals.count)
                for (function, names) in locals {
                    writer.u32(function)
                    writer.u32(names.count)
                    for (index, name) in names {
                        writer.u32(index)
                        writer.string(name)
                    }
                }
            }
        }
        for (id, names) in others where !names.isEmpty {
            subsection(id) { writer in
                writer.u32(names.count)
                for (index, name) in names {
                    writer.u32(index)
                    writer.string(name)
                }
            }
        }
        return CustomSectionText(name: Array("name".utf8), placement: .afterLast, contents: contents.bytes)
    }
}
