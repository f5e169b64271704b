import Foundation
import Synchronization
import Testing
import Vudo
import VudoWASI
import WasmCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `fd_read`, `fd_write`, `fd_pread` and `fd_pwrite` move data in chunks of at most 64 KiB,
/// whatever the iovecs claim: many vectors over the same bytes must not make the host allocate
/// their total. The results are POSIX's: readv(2) and writev(2) on the host are the reference.
@Suite struct WASIBoundedIOTests {
    static let chunk = 64 * 1024
    static let gibibyte: UInt32 = 1 << 30

    /// What an output saw: the bytes (counted, or kept) and the largest single write.
    final class Sink: Sendable {
        private let state = Mutex<(total: Int, largest: Int, kept: [UInt8])>((0, 0, []))
        let keeps: Bool
        init(keeps: Bool) { self.keeps = keeps }

        var output: WASIOutput {
            WASIOutput { bytes in
                self.state.withLock {
                    $0.total += bytes.count
                    $0.largest = max($0.largest, bytes.count)
                    if self.keeps { $0.kept += bytes }
                }
            }
        }
        var total: Int { state.withLock { $0.total } }
        var largest: Int { state.withLock { $0.largest } }
        var kept: [UInt8] { state.withLock { $0.kept } }
    }

    @Test func overlappingIovecsWriteWhatWritevWrites() throws {
        let sink = Sink(keeps: true)
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: sink.output, stderr: .discard))
        let buffer: UInt32 = 1024
        calls.put(Array("0123456789".utf8), at: buffer)
        // 1000 vectors over the same ten bytes, one over five of them.
        let vectors: [(address: UInt32, length: UInt32)] =
            Array(repeating: (buffer, 10), count: 1000) + [(buffer + 2, 5)]
        calls.putVectors(vectors, at: 4096)
        let (errno, count) = try calls.write(1, vectors: 4096, count: UInt32(vectors.count))
        #expect(errno == 0)

        // The host's writev with the same layout.
        let reference = try HostPipe()
        let bytes = Array("0123456789".utf8)
        let written = bytes.withUnsafeBytes { raw -> Int in
            let base = UnsafeMutableRawPointer(mutating: raw.baseAddress!)
            var iovecs = vectors.map { iovec(iov_base: base + Int($0.address - buffer), iov_len: Int($0.length)) }
            return writev(reference.writeEnd, &iovecs, Int32(iovecs.count))
        }
        reference.closeWrite()
        #expect(Int(count) == written)
        #expect(Bytes(sink.kept) == Bytes(reference.readAll()))
    }

    @Test func overlappingIovecsReadWhatReadvReads() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 31 + $0 / 251) }
        try Data(content).write(to: directory.file("data"))
        let guestFile = open(directory.file("data").path, O_RDONLY)
        let hostFile = open(directory.file("data").path, O_RDONLY)
        defer { close(guestFile); close(hostFile) }
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(guestFile), stdout: .discard))
        // 150 vectors of 1000 bytes over the same buffer, then one of 77 bytes elsewhere.
        let buffer: UInt32 = 8192
        let vectors: [(address: UInt32, length: UInt32)] =
            Array(repeating: (buffer, 1000), count: 150) + [(buffer + 4000, 77)]
        calls.putVectors(vectors, at: 1024)
        let (errno, count) = try calls.read(0, vectors: 1024, count: UInt32(vectors.count))
        #expect(errno == 0)

        var reference = [UInt8](repeating: 0, count: 5000)
        let got = reference.withUnsafeMutableBytes { raw -> Int in
            var iovecs = vectors.map {
                iovec(iov_base: raw.baseAddress! + Int($0.address - buffer), iov_len: Int($0.length))
            }
            return readv(hostFile, &iovecs, Int32(iovecs.count))
        }
        #expect(Int(count) == got)
        #expect(Bytes(calls.bytes(at: buffer, count: 5000)) == Bytes(reference))
    }

    /// 16384 vectors of 64 KiB over the same bytes: 1 GiB claimed by a guest of 256 KiB.
    static func gibibyteOfVectors(_ calls: WASICalls, at address: UInt32, buffer: UInt32) -> UInt32 {
        let count = gibibyte / UInt32(chunk)
        calls.putVectors(Array(repeating: (address: buffer, length: UInt32(chunk)), count: Int(count)), at: address)
        return count
    }

    @Test func aGibibyteWriteCompletesInBoundedChunks() throws {
        let sink = Sink(keeps: false)
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: sink.output, stderr: .discard))
        let count = Self.gibibyteOfVectors(calls, at: 65536, buffer: 0)
        let (errno, written) = try calls.write(1, vectors: 65536, count: count)
        #expect(errno == 0)
        #expect(written == Self.gibibyte)
        #expect(sink.total == Int(Self.gibibyte))
        #expect(sink.largest <= Self.chunk)
    }

    @Test func aGibibyteReadFromAStreamIsOneBoundedRead() throws {
        let largestRequest = Mutex(0)
        // An endless stream that gives whatever it is asked for.
        let endless = WASIInput { count in
            largestRequest.withLock { $0 = max($0, count) }
            return [UInt8](repeating: 0x5A, count: count)
        }
        let calls = try WASICalls(WASIConfiguration(stdin: endless, stdout: .discard, stderr: .discard))
        let count = Self.gibibyteOfVectors(calls, at: 65536, buffer: 0)
        let (errno, got) = try calls.read(0, vectors: 65536, count: count)
        #expect(errno == 0)
        #expect(got > 0 && got <= UInt32(Self.chunk), "POSIX allows a short read: \(got)")
        #expect(largestRequest.withLock { $0 } <= Self.chunk)
        let arrived = min(Int(got), Self.chunk)
        #expect(Bytes(calls.bytes(at: 0, count: arrived)) == Bytes([UInt8](repeating: 0x5A, count: arrived)))
    }

    @Test(.timeLimit(.minutes(1))) func aReadFromAPipeReturnsWhatHasArrived() throws {
        let pipe = try HostPipe()
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .discard))
        let count = Self.gibibyteOfVectors(calls, at: 65536, buffer: 0)
        // 100 bytes arrived; the writer is still there. A read that waited for more would block.
        pipe.write(Array(repeating: 7, count: 100))
        let (errno, got) = try calls.read(0, vectors: 65536, count: count)
        #expect(errno == 0)
        #expect(got == 100)
    }

    @Test func aGibibyteReadFromARegularFileStopsAtItsEnd() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let content = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 13) }
        try Data(content).write(to: directory.file("data"))
        let file = open(directory.file("data").path, O_RDONLY)
        defer { close(file) }
        let calls = try WASICalls(WASIConfiguration(stdin: .descriptor(file), stdout: .discard))
        let count = Self.gibibyteOfVectors(calls, at: 65536, buffer: 0)
        let (errno, got) = try calls.read(0, vectors: 65536, count: count)
        #expect(errno == 0)
        // As read(2) on a regular file: everything up to its end, across several chunks.
        #expect(got == UInt32(content.count))
        // The vectors overlap: the buffer holds the last 64 KiB piece, which ended the file.
        let last = content.count % Self.chunk
        #expect(Bytes(calls.bytes(at: 0, count: last)) == Bytes(content[(content.count - last)...]))
    }

    @Test func pwriteAndPreadWorkAtOffsetsAcrossChunks() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("data").path
        let file = open(path, O_RDWR | O_CREAT, 0o600)
        defer { close(file) }
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: .descriptor(file)))
        let content = (0..<150_000).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
        calls.put(content, at: 0)
        calls.putVectors([(0, 100_000), (100_000, 50_000)], at: 200_000)
        let (errno, written) = try calls.write(1, vectors: 200_000, count: 2, offset: 1000)
        #expect(errno == 0 && written == 150_000)
        #expect(lseek(file, 0, SEEK_CUR) == 0, "pwrite leaves the file position alone")
        let onDisk = [UInt8](try Data(contentsOf: directory.file("data")))
        try #require(onDisk.count == 151_000)
        #expect(Bytes(onDisk[1000...]) == Bytes(content))

        let reader = try WASICalls(WASIConfiguration(stdin: .descriptor(file), stdout: .discard))
        reader.putVectors([(0, 70_000), (70_000, 70_000)], at: 200_000)
        let (readErrno, got) = try reader.read(0, vectors: 200_000, count: 2, offset: 11_000)
        #expect(readErrno == 0 && got == 140_000)
        #expect(Bytes(reader.bytes(at: 0, count: 140_000)) == Bytes(onDisk[11_000..<151_000]))
    }

    @Test func positionedIOOnAPipeIsESPIPEAsOnTheHost() throws {
        let pipe = try HostPipe()
        let calls = try WASICalls(
            WASIConfiguration(stdin: .descriptor(pipe.readEnd), stdout: .descriptor(pipe.writeEnd)))
        calls.putVectors([(0, 10)], at: 1024)
        var byte: UInt8 = 0
        #expect(pread(pipe.readEnd, &byte, 1, 0) == -1 && errno == ESPIPE)
        let espipe = UInt32(WASIErrno.invalidSeek.rawValue)
        #expect(try calls.read(0, vectors: 1024, count: 1, offset: 0).errno == espipe)
        #expect(try calls.write(1, vectors: 1024, count: 1, offset: 0).errno == espipe)
    }

    @Test func aVectorOutsideMemoryFailsTheWholeCallBeforeAnythingMoves() throws {
        let sink = Sink(keeps: true)
        let calls = try WASICalls(WASIConfiguration(stdin: .empty, stdout: sink.output, stderr: .discard))
        let size = UInt32(calls.memory.byteCount)
        calls.putVectors([(0, 10), (size - 5, 10)], at: 1024)
        let (errno, _) = try calls.write(1, vectors: 1024, count: 2)
        #expect(errno == UInt32(WASIErrno.fault.rawValue))
        #expect(sink.total == 0)
        // The iovec array itself running off the end of memory.
        #expect(try calls.write(1, vectors: size - 8, count: 2).errno == UInt32(WASIErrno.fault.rawValue))
        #expect(try calls.write(1, vectors: 0, count: UInt32.max).errno == UInt32(WASIErrno.fault.rawValue))
    }
}
