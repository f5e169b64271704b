// The embedding API speaks WasmCore's vocabulary (`Value`, `ValueType`, `FunctionType`, `Trap`):
// re-exporting it spares every embedder a second import.
@_exported import WasmCore
