// libFuzzer target: decode and validate arbitrary bytes (and disassemble what validates).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let module = FuzzHarness.decodeAndValidate(bytes) {
        _ = try? Disassembler(module: module).disassembleAll()
    }
    return 0
}
