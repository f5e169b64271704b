import Foundation
import Testing
import Vudo
import VudoWASI
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fixtures/spirits/wasi_io.wasm linked to a WASI in a plain store (`Store.invoke`, so the
/// synchronous forms of the functions): the WASI functions called with arguments a test chooses,
/// and the memory they work on.
struct WASICalls {
    let store: Store
    let instance: Instance
    let memory: MemoryInstance

    init(_ configuration: WASIConfiguration) throws {
        let module = try Module(bytes: [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("wasi_io.wasm")))))
        store = Store()
        var imports = Imports()
        try WASI(configuration).define(into: &imports, store: store)
        instance = try store.instantiate(module, imports: imports)
        guard case .memory(let address) = instance.export("memory") else { throw FixtureProblem("no memory") }
        memory = store.memory(address)
    }

    /// Calls an export of wasi_io.wasm; its errno.
    func call(_ name: String, _ arguments: [Value]) throws -> UInt32 {
        let function = try #require(instance.exportedFunction(name))
        guard case .i32(let errno) = try store.invoke(function, arguments).first else {
            throw FixtureProblem("no result")
        }
        return errno
    }

    /// Where the functions store their counts: the last bytes of memory, out of the tests' way.
    var result: UInt32 { UInt32(memory.byteCount - 8) }

    /// `fd_write` (or `fd_pwrite` with an offset) of the iovecs at `vectors`; the errno and count.
    func write(
        _ fd: UInt32, vectors: UInt32, count: UInt32, offset: UInt64? = nil
    ) throws -> (errno: UInt32, count: UInt32) {
        let errno =
            try offset.map { try call("pwrite", [.i32(fd), .i32(vectors), .i32(count), .i64($0), .i32(result)]) }
            ?? call("write", [.i32(fd), .i32(vectors), .i32(count), .i32(result)])
        return (errno, u32(at: result))
    }

    /// `fd_read` (or `fd_pread` with an offset) into the iovecs at `vectors`; the errno and count.
    func read(
        _ fd: UInt32, vectors: UInt32, count: UInt32, offset: UInt64? = nil
    ) throws -> (errno: UInt32, count: UInt32) {
        let errno =
            try offset.map { try call("pread", [.i32(fd), .i32(vectors), .i32(count), .i64($0), .i32(result)]) }
            ?? call("read", [.i32(fd), .i32(vectors), .i32(count), .i32(result)])
        return (errno, u32(at: result))
    }

    /// Writes `(buf, buf_len)` pairs at `address`.
    func putVectors(_ vectors: [(address: UInt32, length: UInt32)], at address: UInt32) {
        var bytes: [UInt8] = []
        for vector in vectors { bytes += le(vector.address) + le(vector.length) }
        _ = memory.write(bytes, at: Int(address))
    }

    func put(_ bytes: [UInt8], at address: UInt32) { _ = memory.write(bytes, at: Int(address)) }
    func bytes(at address: UInt32, count: Int) -> [UInt8] { memory.read(at: Int(address), count: count) ?? [] }
    func u32(at address: UInt32) -> UInt32 {
        UInt32(littleEndian: bytes(at: address, count: 4).withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) })
    }
    func u64(at address: UInt32) -> UInt64 {
        UInt64(littleEndian: bytes(at: address, count: 8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) })
    }
}

struct FixtureProblem: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Little-endian bytes of an integer, as the WASI ABI lays them out.
func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
    withUnsafeBytes(of: value.littleEndian) { Array($0) }
}

/// The C library's read and write, under names no method shadows.
func posixRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { read(fd, buffer, count) }
func posixWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { write(fd, buffer, count) }

/// A pipe(2): both ends open until closed.
final class HostPipe: @unchecked Sendable {
    // @unchecked: the descriptors are plain integers; closing is done once, by the test.
    let readEnd: Int32
    let writeEnd: Int32
    private var closedRead = false
    private var closedWrite = false

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw FixtureProblem("pipe: \(String(cString: strerror(errno)))") }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    /// Writes every byte (blocking while the pipe is full).
    func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let written = posixWrite(writeEnd, raw.baseAddress! + done, raw.count - done)
                if written < 0 { if errno == EINTR { continue }; return }
                done += written
            }
        }
    }

    /// Reads until end of input.
    func readAll() -> [UInt8] {
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let got = buffer.withUnsafeMutableBytes { posixRead(readEnd, $0.baseAddress, $0.count) }
            if got < 0, errno == EINTR { continue }
            if got <= 0 { return all }
            all += buffer[..<got]
        }
    }

    func closeWrite() {
        guard !closedWrite else { return }
        closedWrite = true
        close(writeEnd)
    }

    func closeRead() {
        guard !closedRead else { return }
        closedRead = true
        close(readEnd)
    }

    deinit {
        closeRead()
        closeWrite()
    }
}

/// A pseudo-terminal: `follower` is a terminal for isatty(3), as a shell's stdout would be.
final class HostTerminal {
    let leader: Int32
    let follower: Int32

    init() throws {
        #if os(Linux)
        // posix_openpt and its friends are not visible to Swift's Glibc module; these are the
        // ioctls they make: TIOCSPTLCK (_IOW('T', 0x31, int)) and TIOCGPTN (_IOR('T', 0x30, unsigned)).
        leader = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        var unlock: Int32 = 0
        var number: UInt32 = 0
        guard leader >= 0, ioctl(leader, UInt(0x4004_5431), &unlock) == 0,
            ioctl(leader, UInt(0x8004_5430), &number) == 0
        else {
            throw FixtureProblem("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = "/dev/pts/\(number)"
        #else
        leader = posix_openpt(O_RDWR | O_NOCTTY)
        guard leader >= 0, grantpt(leader) == 0, unlockpt(leader) == 0, let pointer = ptsname(leader) else {
            throw FixtureProblem("no pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        let name = String(cString: pointer)
        #endif
        follower = open(name, O_RDWR | O_NOCTTY)
        guard follower >= 0 else { throw FixtureProblem("cannot open \(name)") }
    }

    deinit {
        close(follower)
        close(leader)
    }
}

/// Runs `body` on a thread of its own (a blocking reader or writer beside a guest).
func onThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> @Sendable () -> T {
    let done = DispatchSemaphore(value: 0)
    let result = ResultBox<T>()
    Thread.detachNewThread {
        result.value = body()
        done.signal()
    }
    return {
        done.wait()
        return result.value!
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    // Written once by the thread before it signals, read after the wait.
    var value: T?
}

/// Bytes to compare in an expectation. Swift Testing explains a failed `==` on arrays with an
/// element-by-element difference and a reflection of every element, which for hundreds of
/// kilobytes takes many minutes; this shows the sizes and where the bytes first differ instead.
struct Bytes: Equatable, CustomStringConvertible, CustomReflectable {
    let bytes: [UInt8]
    init(_ bytes: some Collection<UInt8>) { self.bytes = Array(bytes) }

    var description: String { "\(bytes.count) bytes" }
    /// No children: a failed expectation reflects its values, which for a gigabyte takes for ever.
    var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Where two byte strings first differ, for a failure message.
    static func firstDifference(_ a: Bytes, _ b: Bytes) -> String {
        let index =
            zip(a.bytes, b.bytes).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(a.bytes.count, b.bytes.count)
        return "\(a.bytes.count) against \(b.bytes.count) bytes, first different at \(index)"
    }
}
