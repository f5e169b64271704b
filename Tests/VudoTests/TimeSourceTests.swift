import Foundation
import Testing
import Vudo

/// The system time source reads the C library's clocks (the embedding layer links no Foundation);
/// Foundation's clock checks it here.
@Suite struct TimeSourceTests {
    @Test func systemNowIsTheWallClockInMilliseconds() {
        let before = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let now = TimeSource.system.now()
        let after = Int64((Date().timeIntervalSince1970 * 1000).rounded(.up))
        #expect(now >= before && now <= after)
    }

    @Test func systemMonotonicClockNeverGoesBack() {
        var last = TimeSource.system.monotonicNow()
        for _ in 0..<1000 {
            let next = TimeSource.system.monotonicNow()
            #expect(next >= last)
            last = next
        }
    }
}
