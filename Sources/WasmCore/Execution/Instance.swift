/// An instantiated module: its functions, tables, memory and globals resolved to store objects.
public final class Instance {
    public let module: Module
    /// Exports by name, compared by exact UTF-8 bytes (see ``export(_:)``).
    public private(set) var exportList: [(name: String, value: ExternalValue)] = []
    private var exportIndex: [[UInt8]: Int] = [:]

    // Read by the interpreter's hot loop through `let` pointers (no exclusivity checks, no ARC).
    let functions: UnsafeMutablePointer<UnsafeMutablePointer<FunctionEntry>>
    let globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    /// The memory's base and size; a zero-sized placeholder when the module has no memory.
    let memoryState: UnsafeMutablePointer<MemoryState>

    // Slow-path state.
    var functionObjects: [FunctionInstance] = []
    var globalObjects: [GlobalInstance] = []
    var memories: [MemoryInstance] = []
    var tables: [TableInstance] = []
    var typeIDs: [Int] = []
    /// Store addresses of the module's tags, imported ones first.
    var tagAddresses: [Int] = []
    var dataSegments: [[UInt8]] = []
    var elementSegments: [[UInt64]] = []
    var memoryAddresses: [MemoryAddress] = []
    /// Set when the module has no memory and `memoryState` is a placeholder this instance owns.
    private let ownsPlaceholderMemory: Bool
    var translationContext: Translator.Context?

    /// What the interpreter reads of this instance, behind one pointer it can hold without ARC.
    let runtime: UnsafeMutablePointer<InstanceRuntime>
    private let tableStorages: UnsafeMutablePointer<UnsafeMutablePointer<TableStorage>>
    private let memoryStates: UnsafeMutablePointer<UnsafeMutablePointer<MemoryState>>

    init(
        module: Module, functions: [FunctionInstance], globals: [GlobalInstance], memories: [MemoryInstance],
        tables: [TableInstance]
    ) {
        self.module = module
        self.tables = tables
        functionObjects = functions
        globalObjects = globals
        self.memories = memories
        self.functions = .allocate(capacity: max(functions.count, 1))
        for (i, f) in functions.enumerated() { (self.functions + i).initialize(to: f.entry) }
        self.globals = .allocate(capacity: max(globals.count, 1))
        for (i, g) in globals.enumerated() { (self.globals + i).initialize(to: g.cell) }
        if let memory = memories.first {
            memoryState = memory.state
            ownsPlaceholderMemory = false
        } else {
            memoryState = .allocate(capacity: 1)
            memoryState.initialize(to: MemoryState(base: .allocate(byteCount: 16, alignment: 16), byteCount: 0))
            ownsPlaceholderMemory = true
        }
        tableStorages = .allocate(capacity: max(tables.count, 1))
        for (i, table) in tables.enumerated() { (tableStorages + i).initialize(to: table.storage) }
        memoryStates = .allocate(capacity: max(memories.count, 1))
        for (i, memory) in memories.enumerated() { (memoryStates + i).initialize(to: memory.state) }
        runtime = .allocate(capacity: 1)
        runtime.initialize(
            to: InstanceRuntime(
                functions: self.functions, globals: self.globals, memoryState: memoryState, tables: tableStorages,
                memories: memoryStates, owner: .passUnretained(self)))
    }

    deinit {
        runtime.deallocate()
        tableStorages.deallocate()
        memoryStates.deallocate()
        functions.deallocate()
        globals.deallocate()
        if ownsPlaceholderMemory {
            memoryState.pointee.base.deallocate()
            memoryState.deallocate()
        }
    }

    func addExport(_ name: String, _ value: ExternalValue) {
        exportIndex[Array(name.utf8)] = exportList.count
        exportList.append((name, value))
    }

    /// Exports by name. Names that differ only in Unicode normalization collapse here; use
    /// ``export(_:)`` for exact lookup.
    public var exports: [String: ExternalValue] {
        var result: [String: ExternalValue] = [:]
        for (name, value) in exportList { result[name] = value }
        return result
    }

    /// The export with exactly this name (byte-for-byte UTF-8).
    public func export(_ name: String) -> ExternalValue? {
        exportIndex[Array(name.utf8)].map { exportList[$0].value }
    }

    /// The store address of the function at `index` in this module's function index space.
    public func functionAddress(at index: Int) -> FunctionAddress? {
        guard index >= 0, index < functionObjects.count else { return nil }
        return FunctionAddress(functionObjects[index].entry.pointee.address)
    }

    public func exportedFunction(_ name: String) -> FunctionAddress? {
        if case .function(let f) = export(name) { return f }
        return nil
    }

    /// Human-readable name of a function in this module's index space, for backtraces.
    func functionName(_ index: Int) -> String {
        module.names.functionNames[UInt32(index)] ?? "func[\(index)]"
    }
}

/// The instance state the interpreter's loop reads: plain pointers, no references to count.
struct InstanceRuntime {
    let functions: UnsafeMutablePointer<UnsafeMutablePointer<FunctionEntry>>
    let globals: UnsafeMutablePointer<UnsafeMutablePointer<UInt64>>
    let memoryState: UnsafeMutablePointer<MemoryState>
    let tables: UnsafeMutablePointer<UnsafeMutablePointer<TableStorage>>
    /// Every memory of the instance, by index (memory 0 is also `memoryState`).
    let memories: UnsafeMutablePointer<UnsafeMutablePointer<MemoryState>>
    /// For slow paths that need the object; the store keeps it alive.
    let owner: Unmanaged<Instance>
}
