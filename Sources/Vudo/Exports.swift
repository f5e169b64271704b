// The embedding API speaks WasmCore's vocabulary (`Value`, `ValueType`, `FunctionType`, `Trap`):
// re-exporting it spares every embedder a second import. WasmText's comes along for
// `loadSpirit(wat:)` and its `TextFormatError`.
@_exported import WasmCore
@_exported import WasmText
