/// A tag in a ``Store``: what an exception is thrown with and caught by. Tags are compared by
/// address, not by type: two tags of the same type are different tags.
public struct TagAddress: Sendable, Hashable {
    public let index: Int
    init(_ index: Int) { self.index = index }
}

/// A WebAssembly exception as the host sees it: its tag and the values it carries.
///
/// A guest exception that no guest code catches ends the call from the host with a ``Trap`` whose
/// reason is ``TrapReason/exception(_:)``. A host function may throw a `WasmException` (or such a
/// trap) to throw the exception into its guest caller, where `catch` clauses can handle it; any
/// other error a host function throws stays a trap, which the guest cannot catch.
public struct WasmException: Error, Sendable, Hashable, CustomStringConvertible {
    public var tag: TagAddress
    public var values: [Value]

    public init(tag: TagAddress, values: [Value]) {
        self.tag = tag
        self.values = values
    }

    public var description: String { "tag \(tag.index)(\(values.map(\.description).joined(separator: ", ")))" }
}

/// A tag's type: the values its exceptions carry (by canonical type id in the store's registry).
final class TagInstance {
    let type: FunctionType
    let typeID: Int

    init(type: FunctionType, typeID: Int) {
        self.type = type
        self.typeID = typeID
    }
}

/// A thrown exception: its tag's store address and its values' slot bits (a v128 takes two).
/// An `exnref` is its index in `Store.exceptions` plus one.
struct ExceptionInstance {
    var tag: Int
    var payload: [UInt64]
    /// Whether an `exnref` to it was ever made: such an exception may be kept anywhere (a local,
    /// a global, a table, a struct), and only a collection that finds none releases it.
    var isReferenced = false
    /// Whether the host was given an `exnref` to it, which it may pass back any time: such an
    /// exception lives as long as its store.
    var isHostHeld = false
}

/// One `try_table` or legacy `try` of a translated function: its body's code range and what it
/// does with an exception thrown inside. Looked up only when something throws, so code inside a
/// `try_table` runs exactly as it would outside one.
struct ExceptionHandler {
    /// Code indices of the body, `start..<end`.
    var start: Int
    var end: Int
    /// Nesting depth of the block (its index among the translator's control frames): `delegate`
    /// hands the exception on to the handlers at or outside a depth.
    var depth: Int
    var catches: [CatchTarget] = []
    /// Legacy `delegate`: the depth whose handlers take the exception instead.
    var delegateDepth: Int?
}

/// What one catch clause does: where the values go and where the code continues.
struct CatchTarget {
    /// The module's tag index; nil catches every exception.
    var tag: UInt32?
    /// The slot of each payload word, in order (a v128 value takes two).
    var slots: [UInt32]
    /// Where the `exnref` goes (`catch_ref`, legacy `catch` for `rethrow`).
    var exceptionSlot: UInt32?
    /// Code index to continue at; nil returns from the function (values in its first slots).
    var target: Int?
}

extension Store {
    /// Adds a tag whose exceptions carry values of `type`'s parameters (its results must be empty).
    public func addTag(_ type: FunctionType) -> TagAddress {
        tags.append(TagInstance(type: type, typeID: typeID(type)))
        return TagAddress(tags.count - 1)
    }

    /// The type of a tag: its parameters are the values its exceptions carry.
    public func tagType(_ tag: TagAddress) -> FunctionType { tags[tag.index].type }

    /// Keeps an exception; its `exnref` bits are the returned index plus one.
    func allocateException(tag: Int, payload: [UInt64]) -> Int {
        let exception = ExceptionInstance(tag: tag, payload: payload)
        if let free = freeExceptions.popLast() {
            exceptions[free] = exception
            return free
        }
        exceptions.append(exception)
        return exceptions.count - 1
    }

    /// Forgets an exception caught by a clause that does not keep it, unless a reference to it
    /// was made before.
    func releaseException(_ index: Int) {
        guard let exception = exceptions[index], !exception.isReferenced else { return }
        exceptions[index] = nil
        freeExceptions.append(index)
    }

    /// The host's view of a guest exception.
    func hostException(_ index: Int) -> WasmException {
        guard let exception = exceptions[index] else { return WasmException(tag: TagAddress(-1), values: []) }
        let type = tags[exception.tag].type
        var payload = exception.payload
        let values = payload.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { self.values(of: type.parameters, at: $0) } ?? []
        }
        return WasmException(tag: exception.tag, values: values)
    }

    /// Whether an exception's tag belongs to this store and its values match the tag's type.
    func matchesTag(_ exception: WasmException) -> Bool {
        guard exception.tag.index >= 0, exception.tag.index < tags.count else { return false }
        let type = tags[exception.tag.index].type
        return exception.values.count == type.parameters.count
            && zip(exception.values, type.parameters).allSatisfy({ accepts($0, as: $1) })
    }

    /// An exception a host function throws, kept for the guest; nil when it does not match its
    /// tag (`callHost` has made that a plain trap).
    func guestException(_ exception: WasmException) -> Int? {
        guard matchesTag(exception) else { return nil }
        let type = tags[exception.tag.index].type
        let count = type.parameters.slotCount
        let slots = UnsafeMutablePointer<UInt64>.allocate(capacity: max(count, 1))
        defer { slots.deallocate() }
        write(exception.values, to: slots)
        return allocateException(
            tag: exception.tag.index, payload: Array(UnsafeBufferPointer(start: slots, count: count)))
    }
}

extension WasmException {
    fileprivate init(tag: Int, values: [Value]) { self.init(tag: TagAddress(tag), values: values) }
}
