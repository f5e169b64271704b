import TestSupport
import Testing
@_spi(Testing) import WasmCore
import WasmText

/// The collector: what it reclaims, what it must keep (frames of running and suspended calls,
/// globals, tables, references a host holds) and the heap limit. The instructions' semantics are
/// the spec suite's (SpecSuiteTests pins `gc` and the 3.0 scripts).
///
/// Where a guest holds an object across a collection, reading it afterwards checks it was kept:
/// debug builds overwrite what the collector frees. Counts after a collection allow for one
/// object more than reachable where a stale value-stack slot may still name it (the stack is
/// read conservatively).
@Suite struct GarbageCollectionTests {
    /// Pairs of structs pointing at each other, dropped as soon as made.
    static let churn = """
        (module
          (type $node (struct (field (mut (ref null $node))) (field i32)))
          (func (export "churn") (param $pairs i32) (result i32)
            (local $a (ref null $node)) (local $b (ref null $node)) (local $i i32)
            (loop $next
              (local.set $a (struct.new $node (ref.null $node) (local.get $i)))
              (local.set $b (struct.new $node (local.get $a) (local.get $i)))
              (struct.set $node 0 (local.get $a) (local.get $b))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $next (i32.lt_u (local.get $i) (local.get $pairs))))
            (struct.get $node 1 (struct.get $node 0 (local.get $a))))
          (type $list (struct (field (ref null $list)) (field i64) (field i64)))
          (func (export "hoard") (param $count i32) (result i32)
            (local $head (ref null $list)) (local $i i32)
            (loop $next
              (local.set $head (struct.new $list (local.get $head) (i64.const 0) (i64.const 0)))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $next (i32.lt_u (local.get $i) (local.get $count))))
            (local.get $i)))
        """

    /// 10,000,000 structures in 5,000,000 cycles of two pass through a heap capped at 64 MiB, about
    /// a tenth of what they take together: only collection (of cycles) lets the loop finish.
    /// Seconds of work in a debug build, on a thread of its own.
    @Test func tenMillionDroppedCyclesFitInASixtyFourMebibyteHeap() async throws {
        let (result, statistics, left) = try await offThePool {
            var configuration = EngineConfiguration()
            configuration.maxHeapBytes = 64 << 20
            let module = try Running(Self.churn, configuration: configuration)
            let result = try module.call("churn", [.i32(5_000_000)])
            let statistics = module.store.heapStatistics
            module.store.collectGarbage()
            return (result, statistics, module.store.heapStatistics)
        }
        #expect(result == [.i32(4_999_999)])
        #expect(statistics.collections > 5)
        #expect(statistics.bytes <= 64 << 20)
        #expect(left.objects == 0)
    }

    /// The stress mode SpecSuiteTests runs the GC scripts in: a collection before every
    /// allocation, and the guest's cycles still come out right.
    @Test func theStressModeCollectsBeforeEveryAllocation() throws {
        var configuration = EngineConfiguration()
        configuration.collectsOnEveryAllocationForTesting = true
        let module = try Running(Self.churn, configuration: configuration)
        #expect(try module.call("churn", [.i32(1000)]) == [.i32(999)])
        #expect(module.store.heapStatistics.collections == 2000)
        // The last collection, before the last pair's second struct, kept the pair before it
        // (a local still names it) and the new first struct: four objects, and a stale slot's
        // pair at most.
        #expect((4...6).contains(module.store.heapStatistics.objects))
    }

    /// A guest that keeps everything alive stops with the typed limit error, and the store goes on.
    @Test func keepingEverythingAliveStopsAtTheLimit() throws {
        var configuration = EngineConfiguration()
        configuration.maxHeapBytes = 8 << 20
        let module = try Running(Self.churn, configuration: configuration)
        let reason = module.trap("hoard", [.i32(10_000_000)])
        #expect(reason == .heapLimitExceeded)
        #expect(reason?.origin == .limit)
        // The trap dropped the list: the heap has room again.
        #expect(try module.call("churn", [.i32(1000)]) == [.i32(999)])
        #expect(try module.call("hoard", [.i32(1000)]) == [.i32(1000)])
    }

    /// An array longer than the limit allows is refused before any memory is taken for it.
    @Test func aHugeArrayIsRefusedNotAllocated() throws {
        let module = try Running(
            """
            (module
              (type $bytes (array (mut i64)))
              (func (export "make") (param i32) (result i32)
                (array.len (array.new_default $bytes (local.get 0)))))
            """)
        #expect(module.trap("make", [.i32(UInt32.max)]) == .heapLimitExceeded)
        #expect(try module.call("make", [.i32(1000)]) == [.i32(1000)])
    }

    static let holder = """
        (module
          (type $box (struct (field i64)))
          (import "host" "pause" (func $pause))
          (func $litter (param $n i32)
            (loop $next
              (drop (struct.new $box (i64.extend_i32_u (local.get $n))))
              (local.set $n (i32.sub (local.get $n) (i32.const 1)))
              (br_if $next (local.get $n))))
          ;; Holds a box in a local across a pause (or a long loop), with garbage made before it.
          (func (export "hold") (param $spin i32) (result i64)
            (local $box (ref null $box))
            (call $litter (i32.const 1000))
            (local.set $box (struct.new $box (i64.const 424242)))
            (call $litter (i32.const 1000))
            (call $pause)
            (loop $next
              (local.set $spin (i32.sub (local.get $spin) (i32.const 1)))
              (br_if $next (i32.gt_s (local.get $spin) (i32.const 0))))
            (struct.get $box 0 (local.get $box))))
        """

    private func holder(
        configuration: EngineConfiguration = EngineConfiguration(), pause: HostFunction
    ) throws -> Running {
        let store = Store(configuration: configuration)
        var imports = Imports()
        imports.define(module: "host", name: "pause", .function(store.addHostFunction(pause)))
        return try Running(Self.holder, in: store, imports: imports)
    }

    private static let noSignature = FunctionType(parameters: [], results: [])

    /// A host function that collects while the guest waits in it: the guest's frame keeps its box.
    @Test func aCallInsideAHostFunctionKeepsItsReferences() throws {
        let seen = ObjectsSeen()
        let module = try holder(
            pause: HostFunction(type: Self.noSignature) { caller, _ in
                caller.store.collectGarbage()
                seen.count = caller.store.heapStatistics.objects
                return []
            })
        #expect(try module.call("hold", [.i32(1)]) == [.i64(424242)])
        #expect((1...2).contains(seen.count))
    }

    /// Suspended at an async host function, the guest's box survives a collection made meanwhile.
    @Test(.timeLimit(.minutes(1))) func anAsyncHostCallKeepsItsReferences() async throws {
        let seen = ObjectsSeen()
        let module = try holder(
            pause: HostFunction(type: Self.noSignature) { caller, _ in
                await Task.yield()
                caller.store.collectGarbage()
                seen.count = caller.store.heapStatistics.objects
                return []
            })
        let hold = try #require(module.instance.exportedFunction("hold"))
        #expect(try await module.store.invokeAsync(hold, [.i32(1)]) == [.i64(424242)])
        #expect((1...2).contains(seen.count))
    }

    /// Out of fuel in the middle of its loop, the guest's box survives a collection before resuming.
    @Test func aCallStoppedForFuelKeepsItsReferences() throws {
        var configuration = EngineConfiguration()
        configuration.fuel = 20_000
        let module = try holder(
            configuration: configuration, pause: HostFunction(type: Self.noSignature) { _, _ in [] })
        #expect(module.trap("hold", [.i32(1_000_000)]) == .outOfFuel)
        #expect(module.store.hasSuspendedCall)
        module.store.collectGarbage()
        // The box, and at most one box of the litter that a stale slot of the suspended frame
        // still names (the value stack is read conservatively).
        #expect((1...2).contains(module.store.heapStatistics.objects))
        module.store.fuel = nil
        #expect(try module.store.resume() == [.i64(424242)])
    }

    /// A reference the host holds keeps its object, and what the object reaches, after the guest
    /// dropped them; the host reads fields and elements, and passes the reference back in.
    @Test func aHostHeldReferenceKeepsItsObjectsAndReadsThem() throws {
        let module = try Running(
            """
            (module
              (type $chars (array (mut i8)))
              (type $pair (struct (field $name (ref $chars)) (field $count (mut i32)) (field $weight f64)))
              (func (export "make") (result (ref $pair))
                (struct.new $pair (array.new_fixed $chars 3 (i32.const 86) (i32.const 117) (i32.const 255))
                  (i32.const -7) (f64.const 2.5)))
              (func (export "count") (param (ref $pair)) (result i32) (struct.get $pair $count (local.get 0)))
              (func (export "name_length") (param (ref $pair)) (result i32)
                (array.len (struct.get $pair $name (local.get 0)))))
            """)
        var results = try module.call("make")
        guard case .anyref(.object(let pair))? = results.first else {
            Issue.record("expected an object, got \(results)")
            return
        }
        results = []
        #expect(pair.kind == .structure)
        module.store.collectGarbage()
        #expect(module.store.heapStatistics.objects == 2)
        let fields = try #require(module.store.fields(of: pair))
        #expect(fields.count == 3)
        #expect(fields[1] == .i32(UInt32(bitPattern: -7)))
        #expect(fields[2] == .double(2.5))
        guard case .anyref(.object(let name)) = fields[0] else {
            Issue.record("expected the name array, got \(fields[0])")
            return
        }
        #expect(name.kind == .array)
        #expect(module.store.elements(of: name) == [.i32(86), .i32(117), .i32(255)])
        #expect(module.store.fields(of: name) == nil)
        #expect(try module.call("count", [.anyref(.object(pair))]) == [.i32(UInt32(bitPattern: -7))])
        #expect(try module.call("name_length", [.anyref(.object(pair))]) == [.i32(3)])
    }

    /// A reference from another store is not a value of this one.
    @Test func anotherStoresObjectIsRefused() throws {
        let wat = """
            (module
              (type $box (struct (field i32)))
              (func (export "make") (result (ref $box)) (struct.new $box (i32.const 1)))
              (func (export "read") (param (ref $box)) (result i32) (struct.get $box 0 (local.get 0)))
              (global (export "kept") (mut anyref) (ref.null any)))
            """
        let first = try Running(wat)
        let second = try Running(wat)
        let box = try #require(try first.call("make").first)
        #expect(first.store.accepts(box, as: .anyref))
        #expect(!second.store.accepts(box, as: .anyref))
        #expect(throws: (any Error).self) { _ = try second.call("read", [box]) }
        guard case .global(let kept)? = second.instance.export("kept") else {
            Issue.record("no global export")
            return
        }
        #expect(!second.store.setGlobalValue(kept, box))
        #expect(!second.store.setGlobalValue(kept, .i32(1)))
        #expect(second.store.globalValue(kept) == .anyref(nil))
        guard case .global(let firstKept)? = first.instance.export("kept") else { return }
        #expect(first.store.setGlobalValue(firstKept, box))
        #expect(first.store.globalValue(firstKept) == box)
    }

    /// A constant expression's long array costs its own bytes only, and instantiation first
    /// collects the garbage the store holds (constant expressions cannot collect while they run).
    @Test func constantExpressionsAllocateAfterACollection() throws {
        let store = Store()
        let churn = try Running(Self.churn, in: store, imports: Imports())
        _ = try churn.call("churn", [.i32(20_000)])
        #expect(store.heapStatistics.objects > 1000)
        let bytes = try Running(
            """
            (module
              (type $bytes (array i8))
              (global $big (ref $bytes) (array.new $bytes (i32.const 7) (i32.const 24000000)))
              (func (export "length") (result i32) (array.len (global.get $big)))
              (func (export "last") (result i32) (array.get_u $bytes (global.get $big) (i32.const 23999999))))
            """, in: store, imports: Imports())
        #expect(store.heapStatistics.objects == 1)
        #expect(try bytes.call("length") == [.i32(24_000_000)])
        #expect(try bytes.call("last") == [.i32(7)])
    }

    /// A host cannot make a reference out of a number, nor give a global or table a type the store
    /// does not have.
    @Test func hostValuesAreCheckedAgainstTheirTypes() throws {
        let store = Store()
        let anyGlobal = GlobalType(valueType: .anyref, isMutable: true)
        #expect(throws: InstantiationError.self) { _ = try store.addGlobal(anyGlobal, value: .i64(0x1000 | 0b100)) }
        #expect(throws: InstantiationError.self) {
            _ = try store.addGlobal(GlobalType(valueType: .i32, isMutable: false), value: .i64(1))
        }
        let unknown = ReferenceType(.concrete(999))
        #expect(!store.accepts(.anyref(nil), as: .ref(unknown)))
        #expect(throws: InstantiationError.self) {
            _ = try store.addGlobal(GlobalType(valueType: .ref(unknown), isMutable: false), value: .funcref(nil))
        }
        #expect(throws: InstantiationError.self) {
            _ = try store.addTable(TableType(elementType: unknown, limits: Limits(min: 1, max: nil)))
        }
        let global = try store.addGlobal(anyGlobal, value: .anyref(.i31(-5)))
        #expect(store.globalValue(global) == .anyref(.i31(-5)))
    }

    /// Exceptions caught with their `exnref` are collected like objects once nothing refers to
    /// them, and with them the objects they carry.
    @Test func caughtExceptionsAreCollected() throws {
        let module = try Running(
            """
            (module
              (type $box (struct (field i32)))
              (tag $thrown (param (ref $box)))
              (global $last (mut exnref) (ref.null exn))
              (func (export "throw_and_catch") (param $n i32) (result i32)
                (local $sum i32) (local $box (ref null $box))
                (loop $next
                  (block $caught (result (ref $box) exnref)
                    (try_table (catch_ref $thrown $caught)
                      (throw $thrown (struct.new $box (local.get $n))))
                    (unreachable))
                  (global.set $last)
                  (local.set $box)
                  (local.set $sum (i32.add (local.get $sum) (struct.get $box 0 (local.get $box))))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $next (local.get $n)))
                (local.get $sum))
              (func (export "rethrow_last") (result i32)
                (block $caught (result (ref $box))
                  (try_table (catch $thrown $caught) (throw_ref (global.get $last)))
                  (unreachable))
                (struct.get $box 0)))
            """)
        // 1 + 2 + ... + 100,000, wrapped to 32 bits.
        #expect(
            try module.call("throw_and_catch", [.i32(100_000)]) == [.i32(UInt32(truncatingIfNeeded: 5_000_050_000))])
        module.store.collectGarbage()
        // The global keeps the last exception, and it its box; the rest are gone.
        #expect(module.store.heapStatistics.objects == 1)
        #expect(try module.call("rethrow_last") == [.i32(1)])
        #expect(module.store.heapStatistics.exceptions == 1)
    }

    /// A program that keeps each caught exception for a while and allocates no objects: throws
    /// collect once the kept exceptions pile up.
    @Test func exceptionsPilingUpTriggerCollections() throws {
        let module = try Running(
            """
            (module
              (tag $thrown (param i32))
              (global $last (mut exnref) (ref.null exn))
              (func (export "throw_and_catch") (param $n i32) (result i32)
                (local $sum i32)
                (loop $next
                  (block $caught (result i32 exnref)
                    (try_table (catch_ref $thrown $caught) (throw $thrown (local.get $n)))
                    (unreachable))
                  (global.set $last)
                  (local.set $sum (i32.add (local.get $sum)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $next (local.get $n)))
                (local.get $sum)))
            """)
        #expect(
            try module.call("throw_and_catch", [.i32(100_000)]) == [.i32(UInt32(truncatingIfNeeded: 5_000_050_000))])
        let statistics = module.store.heapStatistics
        #expect(statistics.collections > 10)
        // Collections start at 1,024 kept exceptions and leave one (the global's).
        #expect(statistics.exceptions <= 1024)
    }

    /// Globals and tables are roots; a million-long list is marked without deep recursion.
    @Test func globalsAndTablesKeepLongLists() throws {
        let module = try Running(
            """
            (module
              (type $list (struct (field (ref null $list)) (field i32)))
              (global $kept (mut (ref null $list)) (ref.null $list))
              (table $slots 1 anyref)
              (func $build (param $n i32) (result (ref null $list))
                (local $head (ref null $list))
                (loop $next
                  (local.set $head (struct.new $list (local.get $head) (local.get $n)))
                  (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                  (br_if $next (local.get $n)))
                (local.get $head))
              (func (export "keep") (param $n i32)
                (global.set $kept (call $build (local.get $n)))
                (table.set $slots (i32.const 0) (call $build (local.get $n))))
              (func (export "sum") (result i32)
                (local $node (ref null $list)) (local $sum i32)
                (local.set $node (global.get $kept))
                (block $done
                  (loop $next
                    (br_if $done (ref.is_null (local.get $node)))
                    (local.set $sum (i32.add (local.get $sum) (struct.get $list 1 (local.get $node))))
                    (local.set $node (struct.get $list 0 (local.get $node)))
                    (br $next)))
                (local.get $sum))
              (func (export "drop_global") (global.set $kept (ref.null $list)))
              (func (export "drop_table") (table.set $slots (i32.const 0) (ref.null any))))
            """)
        _ = try module.call("keep", [.i32(1_000_000)])
        module.store.collectGarbage()
        #expect(module.store.heapStatistics.objects == 2_000_000)
        // 1 + 2 + ... + 1,000,000, wrapped to 32 bits.
        #expect(try module.call("sum") == [.i32(UInt32(truncatingIfNeeded: 500_000_500_000))])
        _ = try module.call("drop_global")
        module.store.collectGarbage()
        #expect(module.store.heapStatistics.objects == 1_000_000)
        _ = try module.call("drop_table")
        module.store.collectGarbage()
        #expect(module.store.heapStatistics.objects == 0)
    }
}

/// What a host function saw, read after the call.
private final class ObjectsSeen: @unchecked Sendable {
    var count = -1
}
