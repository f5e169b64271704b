import Testing
@_spi(Tools) import WasmCore

/// `call_ref`, `ref.as_non_null`, and `call_indirect` through a table whose elements are subtypes
/// of the expected type (Fixtures/typed_references.wat, Fixtures/subtype_calls.wat; results
/// checked with wasmtime 51).
@Suite struct TypedReferenceTests {
    @Test func callRef() throws {
        let loaded = try Fixtures.instantiate("typed_references")
        #expect(try loaded.i32("call_ref") == 7)
        #expect(try loaded.trap("call_null").reason == .nullFunctionReference)
    }

    @Test func refAsNonNull() throws {
        let loaded = try Fixtures.instantiate("typed_references")
        #expect(try loaded.i32("as_non_null", 1) == 7)
        #expect(try loaded.trap("as_non_null", [.s32(0)]).reason == .nullReference)
    }

    /// Declared subtypes (`sub`, from GC): an element of a subtype of the expected type matches.
    @Test func callIndirectMatchesSubtypes() throws {
        let loaded = try Fixtures.instantiate("subtype_calls")
        #expect(try loaded.i32("call_base", 0) == 7)
        #expect(try loaded.i32("call_derived", 0) == 7)
        #expect(try loaded.trap("call_base", [.s32(1)]).reason == .indirectCallTypeMismatch)
        #expect(try loaded.trap("call_derived", [.s32(1)]).reason == .indirectCallTypeMismatch)
        let code = try loaded.store.internalCode(of: loaded.function("call_base"))
        #expect(code.contains("callIndirectSubtype"))
    }
}
