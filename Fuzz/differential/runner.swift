// The vudo side of Fuzz/differential.py. Built (by differential.py) together with WasmCore's
// sources as one module named WasmCore, so it can read memory bytes directly.
//
//   runner FILE
//
// Instantiates FILE once, with every function import stubbed (imports named `log*` print their
// arguments), calls every exported function in export order with zero arguments, then prints every
// exported global and a hash of every exported memory. differential.py prints the same lines from
// wasmtime and compares them.
#if canImport(Glibc)
import Glibc
#endif

@main
enum DifferentialRunner {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 2, let bytes = readFile(arguments[1]) else {
            print("usage: runner FILE")
            exit(2)
        }
        let module: Module
        do {
            module = try Module(bytes: bytes)
            try module.validate()
        } catch {
            print("invalid \(error)")
            return
        }
        let store = Store(configuration: EngineConfiguration())
        var imports = Imports()
        for entry in module.imports {
            guard case .function(let typeIndex) = entry.descriptor else {
                print("unsupported-import \(entry.module).\(entry.name)")
                return
            }
            guard let type = module.functionType(at: typeIndex) else {
                print("unsupported-import \(entry.module).\(entry.name)")
                return
            }
            let name = entry.name
            let stub = HostFunction(type: type) { _, arguments in
                if name.hasPrefix("log") {
                    print("log \(name) " + arguments.map(format).joined(separator: " "))
                } else {
                    print("import \(name)")
                }
                return type.results.map(Value.zero)
            }
            imports.define(module: entry.module, name: entry.name, .function(store.addHostFunction(stub)))
        }
        let instance: Instance
        do {
            instance = try store.instantiate(module, imports: imports)
        } catch let trap as Trap {
            print("instantiate-trap \(trap.reason)")
            return
        } catch {
            print("instantiate-error \(error)")
            return
        }
        for (name, export) in instance.exportList {
            guard case .function(let address) = export else { continue }
            let type = store.functionType(address)
            print("call \(name)")
            if type.parameters.contains(.v128) || type.results.contains(.v128) {
                print("skip v128")
                continue
            }
            do {
                let results = try store.invoke(address, type.parameters.map(Value.zero))
                print("result " + results.map(format).joined(separator: " "))
            } catch {
                print("trap \(error.reason)")
            }
        }
        for (name, export) in instance.exportList {
            switch export {
            case .global(let address):
                print("global \(name) \(format(store.globalValue(address)))")
            case .memory(let address):
                let memory = store.memory(address)
                let base = memory.state.pointee.base.assumingMemoryBound(to: UInt8.self)
                let hash = fnv1a(UnsafeBufferPointer(start: base, count: memory.byteCount))
                print("memory \(name) \(memory.byteCount) \(String(hash, radix: 16))")
            default:
                continue
            }
        }
    }

    /// Values as differential.py prints them: integers as unsigned bit patterns, floats as hex bits
    /// with every NaN spelled `nan`, references as `null` or `ref`.
    static func format(_ value: Value) -> String {
        switch value {
        case .i32(let v): "i32:\(v)"
        case .i64(let v): "i64:\(v)"
        case .f32(let bits): Float(bitPattern: bits).isNaN ? "f32:nan" : "f32:" + String(bits, radix: 16)
        case .f64(let bits): Double(bitPattern: bits).isNaN ? "f64:nan" : "f64:" + String(bits, radix: 16)
        case .v128: "v128"
        case .funcref(let f): f == nil ? "funcref:null" : "funcref:ref"
        case .externref(let e): e == nil ? "externref:null" : "externref:ref"
        default: "ref"
        }
    }

    static func fnv1a(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    static func readFile(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[..<n])
        }
        return bytes
    }
}
