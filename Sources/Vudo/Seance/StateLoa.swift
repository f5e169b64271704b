/// The `state` Loa: the Séance's ``SharedState`` seen from a Spirit.
///
/// - `state_set(key_ptr, key_len, value_ptr, value_len) -> i32`: 0.
/// - `state_get(key_ptr, key_len, buf_ptr, buf_max) -> i32`: the value's length, written to
///   `buf_ptr`; -1 when the key is missing; -2 when the value is longer than `buf_max` (nothing
///   written; call again with a larger buffer).
/// - `state_delete(key_ptr, key_len) -> i32`: 1 when the key was there, 0 when not.
enum StateLoa {
    static let name = "state"
    static let version: SemanticVersion = "1.0.0"

    static func make(state: SharedState) -> Loa {
        Loa(name, version: version) { loa in
            loa.function("state_get", capability: "read") {
                (context, key: UInt32, keyLength: UInt32, buffer: UInt32, maximum: UInt32) -> Int32 in
                let name = try context.memory.readRawString(at: key, length: keyLength)
                guard let value = state.get(name) else { return -1 }
                guard value.count <= Int(maximum) else { return -2 }
                try context.memory.writeBytes(value, at: buffer)
                return Int32(value.count)
            }
            loa.function("state_set", capability: "write") {
                (context, key: UInt32, keyLength: UInt32, value: UInt32, length: UInt32) -> Int32 in
                let name = try context.memory.readRawString(at: key, length: keyLength)
                state.set(name, try context.memory.readBytes(at: value, count: Int(length)))
                return 0
            }
            loa.function("state_delete", capability: "write") { (context, key: UInt32, keyLength: UInt32) -> Int32 in
                state.delete(try context.memory.readRawString(at: key, length: keyLength)) ? 1 : 0
            }
        }
    }
}
