/// Why a memory operation failed. Every failure leaves memory exactly as it was.
public enum MemoryError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The Spirit has no linear memory the host can reach.
    case noMemory
    /// `[address, address + count)` is not inside the memory of `memorySize` bytes.
    case outOfBounds(address: UInt64, count: UInt64, memorySize: UInt64)
    /// An alignment that is not a power of two between 1 and 65536.
    case invalidAlignment(Int)
    /// A gene was addressed at a pointer that is not a multiple of its alignment.
    case misaligned(address: UInt32, alignment: Int)
    /// A size that is negative or cannot be represented.
    case invalidSize(Int)
    /// The allocator could not provide `requested` bytes (the memory's maximum, or the guest's
    /// allocator returned 0).
    case outOfMemory(requested: UInt64)
    /// Growing by `requested` pages from `current` would pass the memory's `maximum`.
    case growthExceedsMaximum(requested: UInt64, current: UInt64, maximum: UInt64)
    /// `free` of a pointer this allocator did not hand out (or already freed).
    case unknownAllocation(UInt32)
    /// The guest's exported allocator trapped or returned an unusable pointer.
    case allocatorFailed(String)
    /// The bytes at `address` are not valid UTF-8.
    case invalidUTF8(address: UInt32)
    /// A field name the gene does not declare.
    case unknownField(gene: String, field: String)
    /// A field the gene declares but the values leave out.
    case missingField(gene: String, field: String)
    /// A value of the wrong type for a field.
    case typeMismatch(gene: String, field: String, expected: String, got: String)

    public var description: String {
        switch self {
        case .noMemory: "the Spirit has no memory"
        case .outOfBounds(let address, let count, let size):
            "out of bounds: \(counted(count, "byte")) at \(address) in a memory of \(counted(size, "byte"))"
        case .invalidAlignment(let alignment): "invalid alignment \(alignment) (must be a power of two, 1...65536)"
        case .misaligned(let address, let alignment): "address \(address) is not aligned to \(alignment)"
        case .invalidSize(let size): "invalid size \(size)"
        case .outOfMemory(let requested): "out of memory allocating \(counted(requested, "byte"))"
        case .growthExceedsMaximum(let requested, let current, let maximum):
            "cannot grow by \(counted(requested, "page")): \(counted(current, "page")) now, maximum \(maximum)"
        case .unknownAllocation(let pointer): "free of \(pointer), which was not allocated by the host"
        case .allocatorFailed(let reason): "guest allocator failed: \(reason)"
        case .invalidUTF8(let address): "invalid UTF-8 in the string at \(address)"
        case .unknownField(let gene, let field): "gene \(gene) has no field '\(field)'"
        case .missingField(let gene, let field): "gene \(gene) needs a value for field '\(field)'"
        case .typeMismatch(let gene, let field, let expected, let got):
            "field \(gene).\(field) is \(expected), got \(got)"
        }
    }
}
